import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { TaskProgress } from '../../helpers/dto';
import { followTask, person } from '../../helpers/jobs';
import { fetchUserFromLocator } from '../../helpers/users';
import type { Envelope } from '../../transport';
import { apiRequest } from '../../transport';
import { userLocator, waitProperties } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'This erases the user’s personal documents ("My documents" and Trash) and deletes their profile. Their rooms and shared files go to the credential’s user, not to someone you choose — use Data Reassignment first for that. The user must be disabled.',
		name: 'removalNotice',
		type: 'notice',
		default: '',
	},
	userLocator('User', { searchListMethod: 'searchDisabledUsers', description: 'The disabled user whose data and profile are removed' }),
	...waitProperties('data removal'),
];

export const description = updateDisplayOptions({ show: { resource: ['dataRemoval'], operation: ['start'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const user = await fetchUserFromLocator.call(this, 'user', 'User', itemIndex);
	if (user.status !== 2) {
		throw new NodeOperationError(this.getNode(), `The user ${user.displayName ?? user.id} is still active [item ${itemIndex}]`, {
			description: 'DocSpace removes data only of disabled users. Disable them first (User → Disable).',
			itemIndex,
		});
	}
	const envelope = (await apiRequest.call(this, {
		method: 'POST',
		path: ['people', 'remove', 'start'],
		body: { userId: user.id },
		error: { action: 'start the data removal', requiredRole: 'a DocSpace admin (the owner for DocSpace admins)', itemIndex },
	})) as Envelope<TaskProgress>;
	return [
		await followTask(this, 'remove', user.id, `the data removal of ${user.displayName ?? user.id}`, envelope.response, itemIndex, {
			user: person(user),
		}),
	];
}
