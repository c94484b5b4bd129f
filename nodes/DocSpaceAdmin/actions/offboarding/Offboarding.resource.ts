import type { INodeProperties } from 'n8n-workflow';

import * as preview from './preview.operation';
import * as readLeavers from './readLeavers.operation';
import * as run from './run.operation';

export { preview, readLeavers, run };

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
				name: 'Read Leavers File',
				value: 'readLeavers',
				description: 'Read and check a CSV of leavers, one item per row; changes nothing',
				action: 'Read a leavers file',
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
	...readLeavers.description,
	...run.description,
];
