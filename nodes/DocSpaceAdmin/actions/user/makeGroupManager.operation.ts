import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { setGroupManager } from '../../api/groups';
import { isActiveNonGuest } from '../../helpers/users';
import { userLocator, showOnlyFor } from '../common.descriptions';
import { groupIdField, readGroupId } from './group.shared';
import { fetchUserFromLocator } from '../parameters';

const properties: INodeProperties[] = [
	userLocator('User', {
		description:
			'The new manager: an active user who is not a guest. DocSpace adds them to the group; the previous manager stays a member.',
	}),
	groupIdField,
];

export const description = showOnlyFor('user', 'makeGroupManager', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const user = await fetchUserFromLocator(this, 'user', 'User', itemIndex);
	// DocSpace answers 200 and changes nothing for a guest or a disabled user (GroupsController.SetGroupManager).
	if (!isActiveNonGuest(user)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid value in the parameter 'User' [item ${itemIndex}]`,
			{
				description: `${user.displayName ?? user.id} cannot manage a group: DocSpace accepts only active users who are not guests.`,
				itemIndex,
			},
		);
	}
	const groupId = readGroupId(this, itemIndex);
	const group = await setGroupManager(this, groupId, user.id, itemIndex);
	return [
		{
			groupId,
			name: group?.name,
			managerId: group?.manager?.id ?? user.id,
			managerName: group?.manager?.displayName ?? user.displayName,
		},
	];
}
