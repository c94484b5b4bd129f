import type { INodeProperties } from 'n8n-workflow';

import * as user from './user/User.resource';

/** The resource selector followed by every resource's operations and parameters. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'User', value: 'user' }],
		default: 'user',
	},
	...user.description,
];
