import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eventsFromParameters } from '../../helpers/audit';
import { returnAllAndLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Action',
				name: 'action',
				type: 'options',
				default: 1000,
				options: [
					{ name: 'Logged In', value: 1000 },
					{ name: 'Login Failed (Wrong Password)', value: 1002 },
					{ name: 'Login Failed (Disabled Profile)', value: 1004 },
					{ name: 'Logged In via API', value: 1010 },
					{ name: 'Logged Out', value: 1006 },
				],
			},
			{ displayName: 'From', name: 'from', type: 'dateTime', default: '' },
			{ displayName: 'To', name: 'to', type: 'dateTime', default: '' },
			{ displayName: 'User ID', name: 'userId', type: 'string', default: '', placeholder: 'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['audit'], operation: ['getLoginEvents'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await eventsFromParameters(this, 'login', itemIndex);
}
