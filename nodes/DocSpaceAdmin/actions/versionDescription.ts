import type { INodeProperties } from 'n8n-workflow';

import * as dataRemoval from './dataRemoval/DataRemoval.resource';
import * as personalFolder from './personalFolder/PersonalFolder.resource';
import * as reassignment from './reassignment/Reassignment.resource';
import * as user from './user/User.resource';

/** The resource selector followed by every resource's operations and parameters. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Data Reassignment', value: 'reassignment' },
			{ name: 'Data Removal', value: 'dataRemoval' },
			{ name: 'Personal Folder', value: 'personalFolder' },
			{ name: 'User', value: 'user' },
		],
		default: 'user',
	},
	...user.description,
	...reassignment.description,
	...dataRemoval.description,
	...personalFolder.description,
];
