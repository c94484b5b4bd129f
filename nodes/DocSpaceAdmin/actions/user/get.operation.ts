import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyUser } from '../../helpers/users';
import { outputOption, userLocator, showOnlyFor } from '../common.descriptions';
import { fetchUserFromLocator, readOutput } from '../parameters';

const properties: INodeProperties[] = [userLocator('User'), outputOption];

export const description = showOnlyFor('user', 'get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const user = await fetchUserFromLocator(this, 'user', 'User', itemIndex);
	return [readOutput(this, itemIndex, simplifyUser)(user)];
}
