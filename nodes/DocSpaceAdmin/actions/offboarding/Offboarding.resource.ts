import type { INodeProperties } from 'n8n-workflow';

import * as preview from './preview.operation';
import * as run from './run.operation';

export { preview, run };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['offboarding'] } },
		options: [
			{
				name: 'Preview',
				value: 'preview',
				description: 'Show the offboarding plan without changing anything',
				action: 'Preview an offboarding',
			},
			{
				name: 'Run',
				value: 'run',
				description: 'Offboard an employee safely, in the right order',
				action: 'Run an offboarding',
			},
		],
		default: 'preview',
	},
	...preview.description,
	...run.description,
];
