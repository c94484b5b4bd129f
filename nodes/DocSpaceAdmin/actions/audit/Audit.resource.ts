import type { INodeProperties } from 'n8n-workflow';

import * as createReport from './createReport.operation';
import * as getEvents from './getEvents.operation';
import * as getLoginEvents from './getLoginEvents.operation';

export { createReport, getEvents, getLoginEvents };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['audit'] } },
		options: [
			{
				name: 'Create Report',
				value: 'createReport',
				description: 'Export the audit trail or login history',
				action: 'Create an audit report',
			},
			{
				name: 'Get Events',
				value: 'getEvents',
				description: 'Read the audit trail, newest first',
				action: 'Get audit events',
			},
			{
				name: 'Get Login Events',
				value: 'getLoginEvents',
				description: 'Read the login history, newest first',
				action: 'Get login events',
			},
		],
		default: 'getEvents',
	},
	...createReport.description,
	...getEvents.description,
	...getLoginEvents.description,
];
