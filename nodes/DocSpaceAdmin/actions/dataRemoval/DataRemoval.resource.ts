import type { INodeProperties } from 'n8n-workflow';

import * as getProgress from './getProgress.operation';
import * as start from './start.operation';
import * as terminate from './terminate.operation';

export { getProgress, start, terminate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dataRemoval'] } },
		options: [
			{
				name: 'Get Progress',
				value: 'getProgress',
				description: 'Status of a user’s data removal',
				action: 'Get data removal progress',
			},
			{
				name: 'Start',
				value: 'start',
				description: 'Erase a disabled user’s personal documents and profile',
				action: 'Start a data removal',
			},
			{
				name: 'Terminate',
				value: 'terminate',
				description: 'Stop a running data removal',
				action: 'Terminate a data removal',
			},
		],
		default: 'start',
	},
	...getProgress.description,
	...start.description,
	...terminate.description,
];
