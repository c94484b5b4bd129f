import type { INodeProperties } from 'n8n-workflow';

import * as getProgress from './getProgress.operation';
import * as startDeletion from './startDeletion.operation';

export { getProgress, startDeletion };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['personalFolder'] } },
		options: [
			{
				name: 'Get Progress',
				value: 'getProgress',
				description: 'Status of your personal folder deletion',
				action: 'Get personal folder deletion progress',
			},
			{
				name: 'Start Deletion',
				value: 'startDeletion',
				description: 'Empty your own "My documents" (guests only)',
				action: 'Start deleting your personal folder',
			},
		],
		default: 'startDeletion',
	},
	...getProgress.description,
	...startDeletion.description,
];
