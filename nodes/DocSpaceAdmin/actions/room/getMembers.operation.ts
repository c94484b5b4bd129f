import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SHARE_FILTER } from '../../api/codes';
import { getRoomMembers } from '../../api/rooms';
import { simplifyShare } from '../../helpers/shares';
import { roomLocator, showOnlyFor } from '../common.descriptions';
import { roomIdFromLocator } from '../parameters';

const FILTER: Record<string, number> = {
	all: SHARE_FILTER.USERS_AND_GROUPS,
	users: SHARE_FILTER.USERS,
	groups: SHARE_FILTER.GROUPS,
};

const properties: INodeProperties[] = [
	roomLocator(),
	{
		displayName: 'Members',
		name: 'members',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'Users and Groups', value: 'all' },
			{ name: 'Users Only', value: 'users' },
			{ name: 'Groups Only', value: 'groups' },
		],
	},
];

export const description = showOnlyFor('room', 'getMembers', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const roomId = roomIdFromLocator(this, itemIndex);
	const filterType =
		FILTER[this.getNodeParameter('members', itemIndex, 'all') as string] ??
		SHARE_FILTER.USERS_AND_GROUPS;
	const members = await getRoomMembers(this, roomId, filterType, itemIndex);
	return members.map(simplifyShare);
}
