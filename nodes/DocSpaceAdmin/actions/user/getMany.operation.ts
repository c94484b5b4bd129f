import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EMPLOYEE_STATUS } from '../../api/codes';
import { listUsers } from '../../api/people';
import { simplifyUser } from '../../helpers/users';
import { requireId } from '../../helpers/validate';
import {
	outputOption,
	returnAllAndLimit,
	showOnlyFor,
	filtersCollection,
} from '../common.descriptions';
import { readLimit } from '../parameters';

/** The Status filter's choices, as `employeeStatus` (Any: no filter). */
const STATUS_QUERY: Record<string, number | undefined> = {
	any: undefined,
	active: EMPLOYEE_STATUS.ACTIVE,
	disabled: EMPLOYEE_STATUS.TERMINATED,
	pending: EMPLOYEE_STATUS.PENDING,
};

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Group ID',
			name: 'groupId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f',
			description: 'Only members of this group',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'e.g. jane',
			description: 'Text to look for in names and email addresses',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'any',
			description: 'Disabled users are visible only to DocSpace admins',
			options: [
				{ name: 'Any', value: 'any' },
				{ name: 'Active', value: 'active' },
				{ name: 'Disabled', value: 'disabled' },
				{ name: 'Pending Invitation', value: 'pending' },
			],
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'any',
			options: [
				{ name: 'Any', value: 'any' },
				{ name: 'DocSpace Admin', value: 'DocSpaceAdmin' },
				{ name: 'Guest', value: 'Guest' },
				{ name: 'Room Admin', value: 'RoomAdmin' },
				{ name: 'User', value: 'User' },
			],
		},
	]),
	outputOption,
];

export const description = showOnlyFor('user', 'getMany', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const output = this.getNodeParameter('output', itemIndex) as string;

	const qs: IDataObject = {};
	const status = STATUS_QUERY[String(filters.status ?? 'any')];
	if (status !== undefined) qs.employeeStatus = status;
	if (filters.type && filters.type !== 'any') qs.employeeType = filters.type;
	if (typeof filters.search === 'string' && filters.search.trim())
		qs.filterValue = filters.search.trim();
	if (filters.groupId) {
		qs.groupId = requireId(this.getNode(), 'group', filters.groupId, 'Group ID', itemIndex);
	}

	const users = await listUsers(this, qs, limit, itemIndex);
	return users.map((user) => (output === 'raw' ? (user as IDataObject) : simplifyUser(user)));
}
