import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { describeNeed, reassignmentNeed } from '../../helpers/reassignment';
import { userLocator, showOnlyFor } from '../common.descriptions';
import { fetchUserFromLocator } from '../parameters';

const properties: INodeProperties[] = [
	userLocator('User', {
		description:
			'Whether this user owns rooms (active or archived) or shared files that should go to someone else',
	}),
];

export const description = showOnlyFor('reassignment', 'checkNeeded', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const user = await fetchUserFromLocator(this, 'user', 'User', itemIndex);
	return [
		{
			userId: user.id,
			displayName: user.displayName,
			...describeNeed(await reassignmentNeed(this, user.id, itemIndex)),
		},
	];
}
