import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fetchUserFromLocator, userOutput } from '../../helpers/users';
import { outputOption, userLocator, showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [userLocator('User'), outputOption];

export const description = showOnlyFor('user', 'get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const user = await fetchUserFromLocator.call(this, 'user', 'User', itemIndex);
	return [userOutput(this, user, itemIndex)];
}
