import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { logOutEverywhere } from '../../api/people';
import { userLocator, showOnlyFor } from '../common.descriptions';
import { userIdFromLocator } from '../parameters';

const properties: INodeProperties[] = [
	userLocator('User', {
		description: 'Ends every session of the user on every device. Disabling a user does this too.',
	}),
];

export const description = showOnlyFor('user', 'logOut', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = await userIdFromLocator(this, 'user', 'User', itemIndex);
	await logOutEverywhere(this, userId, itemIndex);
	return [{ loggedOut: true, id: userId }];
}
