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
				description:
					'Show, without changing anything, what offboarding a person would do: the steps in order, who gets their data, who can open the archive, what is erased. Returns the plan, a message in sentences to show the person who approves, and a planId for Run.',
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
				description:
					'Offboard an employee safely, in the right order, and return what each step did and what the portal showed afterwards. An AI agent must pass the planId of a Preview of the same offboarding, approved by a person.',
				action: 'Run an offboarding',
			},
		],
		default: 'preview',
	},
	...preview.description,
	...readLeavers.description,
	...run.description,
];
