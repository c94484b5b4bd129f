import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fetchUserFromLocator, isReassignmentNeeded } from '../../helpers/users';
import { userLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	userLocator('User', { description: 'Whether this user owns rooms (or, for guests, shared files) that should go to someone else' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reassignment'], operation: ['checkNeeded'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const user = await fetchUserFromLocator.call(this, 'user', 'User', itemIndex);
	return [{ userId: user.id, displayName: user.displayName, reassignmentNeeded: await isReassignmentNeeded(this, user, itemIndex) }];
}
