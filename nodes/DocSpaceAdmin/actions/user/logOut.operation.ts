import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userIdFromLocator } from '../../helpers/users';
import { logOutEverywhere } from '../../api/people';
import { userLocator, showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [
	userLocator('User', {
		description: 'Ends every session of the user on every device. Disabling a user does this too.',
	}),
];

export const description = showOnlyFor('user', 'logOut', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = await userIdFromLocator.call(this, 'user', 'User', itemIndex);
	await logOutEverywhere(this, userId, itemIndex);
	return [{ loggedOut: true, id: userId }];
}
