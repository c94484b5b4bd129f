import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userType } from '../../helpers/dto';
import { fetchUserFromLocator } from '../../helpers/users';
import type { Envelope } from '../../transport';
import { apiRequest } from '../../transport';
import { userLocator } from '../common.descriptions';

const TYPE_NAMES: Record<string, string> = { owner: 'DocSpaceAdmin', docSpaceAdmin: 'DocSpaceAdmin', roomAdmin: 'RoomAdmin', user: 'User', guest: 'Guest' };

const properties: INodeProperties[] = [
	userLocator('User', { description: 'Whether this user owns rooms (or, for guests, shared files) that should go to someone else' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reassignment'], operation: ['checkNeeded'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const user = await fetchUserFromLocator.call(this, 'user', 'User', itemIndex);
	const envelope = (await apiRequest.call(this, {
		method: 'GET',
		path: ['people', 'reassign', 'necessary'],
		qs: { UserId: user.id, Type: TYPE_NAMES[userType(user)] ?? 'User' },
		error: { action: 'check whether a reassignment is needed', requiredRole: 'a DocSpace admin (the owner for DocSpace admins)', itemIndex },
	})) as Envelope<boolean>;
	return [{ userId: user.id, displayName: user.displayName, reassignmentNeeded: envelope.response === true }];
}
