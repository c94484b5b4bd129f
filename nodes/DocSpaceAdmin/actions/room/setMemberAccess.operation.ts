import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SHARE } from '../../api/codes';
import { setRoomAccess } from '../../api/rooms';
import { simplifyShare } from '../../helpers/shares';
import { requireId } from '../../helpers/validate';
import { accessOptions, optionsCollection, roomLocator, showOnlyFor } from '../common.descriptions';
import { roomIdFromLocator } from '../parameters';

/** Room roles, in the order of DocSpace's UI. */
const ROLE_OPTIONS = accessOptions(
	[
		SHARE.ROOM_MANAGER,
		SHARE.CONTENT_CREATOR,
		SHARE.EDITING,
		SHARE.REVIEW,
		SHARE.COMMENT,
		SHARE.READ,
		SHARE.FILL_FORMS,
	],
	'Remove From Room',
);

const properties: INodeProperties[] = [
	roomLocator(),
	{
		displayName: 'User or Group ID',
		name: 'memberId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 8a1d4f7e-2c3b-4a5d-8e9f-0b1c2d3e4f5a',
	},
	{ displayName: 'Role', name: 'access', type: 'options', default: 2, options: ROLE_OPTIONS },
	optionsCollection([
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			default: '',
			description: 'Text added to the notification',
		},
		{
			displayName: 'Notify',
			name: 'notify',
			type: 'boolean',
			default: false,
			description: 'Whether DocSpace emails the member',
		},
		{
			displayName: 'Remove Even Form Fillers',
			name: 'force',
			type: 'boolean',
			default: false,
			description: 'Whether to remove a member although they hold a role in a form-filling process',
		},
	]),
];

export const description = showOnlyFor('room', 'setMemberAccess', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const roomId = roomIdFromLocator(this, itemIndex);
	const memberId = requireId(
		this.getNode(),
		'subject',
		this.getNodeParameter('memberId', itemIndex),
		'User or Group ID',
		itemIndex,
	);
	const access = Number(this.getNodeParameter('access', itemIndex));
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		notify?: boolean;
		message?: string;
		force?: boolean;
	};
	const members = await setRoomAccess(this, roomId, [{ id: memberId, access }], options, itemIndex);
	if (access === 0) return [{ roomId: Number(roomId), memberId, removed: true }];
	return members.map((m) => ({ roomId: Number(roomId), ...simplifyShare(m) }));
}
