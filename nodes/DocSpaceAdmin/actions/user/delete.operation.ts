import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EMPLOYEE_STATUS } from '../../api/codes';
import { deleteUser } from '../../api/people';
import { getTaskProgress } from '../../api/peopleTasks';
import { isTaskFinished } from '../../helpers/poller/waitForTask';
import { changeStatusOfItems } from '../../helpers/statusBatch';
import { isDisabled, simplifyUser } from '../../helpers/users';
import { userLocator, showOnlyFor } from '../common.descriptions';
import { fetchUserFromLocator } from '../parameters';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deleting removes the profile and, in the background, the user’s personal documents ("My documents" and Trash). Their rooms and shared files go to you. Reassign their data first to choose who gets it. DocSpace refuses to delete LDAP users.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	userLocator('User', {
		searchListMethod: 'searchDisabledUsers',
		description: 'DocSpace deletes only disabled users',
	}),
	{
		displayName: 'Disable First',
		name: 'disableFirst',
		type: 'boolean',
		default: false,
		description:
			'Whether to disable an active user before deleting them. Off: an active user is refused.',
	},
];

export const description = showOnlyFor('user', 'delete', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const user = await fetchUserFromLocator(this, 'user', 'User', itemIndex);
	const name = user.displayName ?? user.id;
	// UserController.DeleteMember refuses LDAP users with 403.
	if (user.isLDAP) {
		throw new NodeOperationError(
			node,
			`${name} is an LDAP user and cannot be deleted in DocSpace [item ${itemIndex}]`,
			{
				description:
					'DocSpace refuses to delete users who sign in through LDAP. Manage this user in your LDAP directory instead.',
				itemIndex,
			},
		);
	}
	if (!isDisabled(user)) {
		if (!(this.getNodeParameter('disableFirst', itemIndex, false) as boolean)) {
			throw new NodeOperationError(node, `The user ${name} is still active [item ${itemIndex}]`, {
				description:
					'DocSpace deletes only disabled users. Disable them first (User → Disable), or turn on "Disable First".',
				itemIndex,
			});
		}
		const request = { itemIndex, user: { id: user.id }, output: simplifyUser };
		const [disabled] = await changeStatusOfItems(this, [request], EMPLOYEE_STATUS.TERMINATED, true);
		if (disabled instanceof Error) throw disabled;
	}
	const reassign = await getTaskProgress(this, 'reassign', user.id, itemIndex);
	if (reassign && !isTaskFinished(reassign)) {
		throw new NodeOperationError(
			node,
			`The data of ${name} is still being reassigned (${reassign.percentage}%) [item ${itemIndex}]`,
			{
				description:
					'Wait until the reassignment has finished (Data Reassignment → Get Progress), then delete the user.',
				itemIndex,
			},
		);
	}
	await deleteUser(this, user.id, itemIndex);
	return [{ deleted: true, id: user.id, displayName: user.displayName, email: user.email }];
}
