import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eventsFromParameters } from '../../helpers/audit';
import { returnAllAndLimit } from '../common.descriptions';

const ACTION_TYPES = [
	['Create', 1], ['Update', 2], ['Delete', 3], ['Update Access', 11], ['Download', 12], ['Upload', 13], ['Copy', 14], ['Move', 15], ['Reassign', 16], ['Log Out', 19],
].map(([name, value]) => ({ name: String(name), value: Number(value) }));

const MODULES = [
	['Files', 1], ['Folders', 2], ['Rooms', 27], ['Settings', 29], ['Contacts (People)', 30],
].map(([name, value]) => ({ name: String(name), value: Number(value) }));

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
				type: 'number',
				default: 0,
				description: 'A DocSpace action code, e.g. 4020 (users status changed), 4030 (data reassigned), 4018 (user deleted)',
			},
			{ displayName: 'Action Type', name: 'actionType', type: 'options', default: 1, options: ACTION_TYPES },
			{ displayName: 'Actor User ID', name: 'userId', type: 'string', default: '', placeholder: 'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f', description: 'Only what this user did' },
			{ displayName: 'From', name: 'from', type: 'dateTime', default: '' },
			{ displayName: 'Module', name: 'moduleType', type: 'options', default: 30, options: MODULES },
			{ displayName: 'Target', name: 'target', type: 'string', default: '', placeholder: 'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f', description: 'Only events about this user, file, folder or room ID' },
			{ displayName: 'To', name: 'to', type: 'dateTime', default: '' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['audit'], operation: ['getEvents'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await eventsFromParameters(this, 'events', itemIndex);
}
