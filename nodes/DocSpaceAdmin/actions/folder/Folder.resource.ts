import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getContents from './getContents.operation';
import * as getOperationStatus from './getOperationStatus.operation';
import * as getSharing from './getSharing.operation';
import * as move from './move.operation';
import * as share from './share.operation';

export { get, getContents, getOperationStatus, getSharing, move, share };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['folder'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a folder', action: 'Get a folder' },
			{
				name: 'Get Contents',
				value: 'getContents',
				description: 'List the files and folders in a folder',
				action: 'Get the contents of a folder',
			},
			{
				name: 'Get Operation Status',
				value: 'getOperationStatus',
				description: 'Status of a move or archive',
				action: 'Get a file operation status',
			},
			{
				name: 'Get Sharing',
				value: 'getSharing',
				description: 'Who has access to a file or folder',
				action: 'Get the sharing of an entry',
			},
			{
				name: 'Move',
				value: 'move',
				description: 'Move files and folders into another folder',
				action: 'Move files and folders',
			},
			{
				name: 'Share',
				value: 'share',
				description: 'Give or take away access to a file or folder',
				action: 'Share a file or folder',
			},
		],
		default: 'getContents',
	},
	...get.description,
	...getContents.description,
	...getOperationStatus.description,
	...getSharing.description,
	...move.description,
	...share.description,
];
