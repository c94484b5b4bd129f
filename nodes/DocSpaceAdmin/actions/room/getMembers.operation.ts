import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { entryIdFromParameter } from '../../helpers/entries';
import type { ShareDto } from '../../helpers/shares';
import { simplifyShare } from '../../helpers/shares';
import { apiRequestAllItems } from '../../transport';
import { roomLocator } from '../common.descriptions';

const FILTER: Record<string, number> = { all: 0, users: 16, groups: 32 };

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

export const description = updateDisplayOptions({ show: { resource: ['room'], operation: ['getMembers'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const roomId = entryIdFromParameter(this, 'room', 'room', 'Room', itemIndex);
	const members = (await apiRequestAllItems.call(this, {
		method: 'GET',
		path: ['files', 'rooms', roomId, 'share'],
		qs: { filterType: FILTER[this.getNodeParameter('members', itemIndex, 'all') as string] ?? 0 },
		error: { action: 'list the room’s members', notFound: `No room has the ID ${roomId}`, itemIndex },
	})) as ShareDto[];
	return members.map(simplifyShare);
}
