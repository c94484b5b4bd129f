import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { getTaskProgress } from '../../helpers/poller';
import { changeStatusOfItems } from '../../helpers/statusBatch';
import { fetchUserFromLocator } from '../../helpers/users';
import { apiRequest } from '../../transport';
import { userLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deleting removes the profile and, in the background, the user’s personal documents ("My documents" and Trash). Their rooms and shared files go to you. Reassign their data first to choose who gets it.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	userLocator('User', { searchListMethod: 'searchDisabledUsers', description: 'DocSpace deletes only disabled users' }),
	{
		displayName: 'Disable First',
		name: 'disableFirst',
		type: 'boolean',
		default: false,
		description: 'Whether to disable an active user before deleting them. Off: an active user is refused.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const user = await fetchUserFromLocator.call(this, 'user', 'User', itemIndex);
	if (user.status !== 2) {
		if (!(this.getNodeParameter('disableFirst', itemIndex, false) as boolean)) {
			throw new NodeOperationError(node, `The user ${user.displayName ?? user.id} is still active [item ${itemIndex}]`, {
				description: 'DocSpace deletes only disabled users. Disable them first (User → Disable), or turn on "Disable First".',
				itemIndex,
			});
		}
		const [disabled] = await changeStatusOfItems(this, [itemIndex], 2);
		if (disabled instanceof Error) throw disabled;
	}
	const reassign = await getTaskProgress.call(this, 'reassign', user.id, itemIndex);
	if (reassign && reassign.status < 2) {
		throw new NodeOperationError(node, `The data of ${user.displayName ?? user.id} is still being reassigned (${reassign.percentage}%) [item ${itemIndex}]`, {
			description: 'Wait until the reassignment has finished (Data Reassignment → Get Progress), then delete the user.',
			itemIndex,
		});
	}
	await apiRequest.call(this, {
		method: 'DELETE',
		path: ['people', user.id],
		error: {
			action: 'delete the user',
			requiredRole: 'a DocSpace admin (the owner for DocSpace admins)',
			notFound: `No user has the ID ${user.id}`,
			itemIndex,
		},
	});
	return [{ deleted: true, id: user.id, displayName: user.displayName, email: user.email }];
}
