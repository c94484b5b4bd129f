import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { removeGroupMembers } from '../../api/groups';
import { userLocator, showOnlyFor } from '../common.descriptions';
import { groupIdField, readGroupId } from './group.shared';
import { userIdFromLocator } from '../parameters';

const properties: INodeProperties[] = [
	userLocator('User'),
	groupIdField,
	{
		displayName:
			'DocSpace keeps a removed member as the group’s manager: hand the group over first with "Make Group Manager".',
		name: 'removeFromGroupNotice',
		type: 'notice',
		default: '',
	},
];

export const description = showOnlyFor('user', 'removeFromGroup', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = await userIdFromLocator(this, 'user', 'User', itemIndex);
	const groupId = readGroupId(this, itemIndex);
	const group = await removeGroupMembers(this, groupId, [userId], itemIndex);
	return [
		{
			userId,
			groupId,
			name: group?.name,
			removed: true,
			stillManager: group?.manager?.id === userId,
		},
	];
}
