import type { INodeProperties } from 'n8n-workflow';

import * as checkNeeded from './checkNeeded.operation';
import * as getProgress from './getProgress.operation';
import * as start from './start.operation';
import * as terminate from './terminate.operation';

export { checkNeeded, getProgress, start, terminate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['reassignment'] } },
		options: [
			{
				name: 'Check If Needed',
				value: 'checkNeeded',
				description: 'Whether the user owns data to hand over',
				action: 'Check if a reassignment is needed',
			},
			{
				name: 'Get Progress',
				value: 'getProgress',
				description: 'Status of a user’s reassignment',
				action: 'Get reassignment progress',
			},
			{
				name: 'Start',
				value: 'start',
				description: 'Hand a disabled user’s rooms and shared files to someone',
				action: 'Start a data reassignment',
			},
			{
				name: 'Terminate',
				value: 'terminate',
				description: 'Stop a running reassignment',
				action: 'Terminate a data reassignment',
			},
		],
		default: 'start',
	},
	...checkNeeded.description,
	...getProgress.description,
	...start.description,
	...terminate.description,
];
