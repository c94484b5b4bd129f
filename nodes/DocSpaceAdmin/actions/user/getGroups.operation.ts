import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getManagedGroups, getUserGroups } from '../../api/groups';
import { userLocator, showOnlyFor } from '../common.descriptions';
import { userIdFromLocator } from '../parameters';

const properties: INodeProperties[] = [
	userLocator('User', {
		description: 'Disabled users keep their groups, and stay managers of the groups they manage',
	}),
];

export const description = showOnlyFor('user', 'getGroups', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = await userIdFromLocator(this, 'user', 'User', itemIndex);
	const groups = await getUserGroups(this, userId, itemIndex);
	const managed = await getManagedGroups(this, userId, itemIndex);
	const rows = groups.map((g) => ({
		userId,
		groupId: g.id,
		name: g.name,
		manages: managed.some((m) => m.id === g.id),
	}));
	// A manager need not be a member: list those groups too.
	for (const m of managed)
		if (!groups.some((g) => g.id === m.id))
			rows.push({ userId, groupId: m.id, name: m.name, manages: true });
	return rows;
}
