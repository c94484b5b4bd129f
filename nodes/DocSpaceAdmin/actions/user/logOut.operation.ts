import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userIdFromLocator } from '../../helpers/users';
import { callApi } from '../../transport';
import { userLocator, showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [
	userLocator('User', {
		description: 'Ends every session of the user on every device. Disabling a user does this too.',
	}),
];

export const description = showOnlyFor('user', 'logOut', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = await userIdFromLocator.call(this, 'user', 'User', itemIndex);
	await callApi(this, {
		method: 'PUT',
		path: ['security', 'activeconnections', 'logoutall', userId],
		error: { action: 'log the user out', requiredRole: 'a DocSpace admin', itemIndex },
	});
	return [{ loggedOut: true, id: userId }];
}
