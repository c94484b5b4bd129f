import type { INodeProperties } from 'n8n-workflow';

import * as changeType from './changeType.operation';
import * as create from './create.operation';
import * as deleteUser from './delete.operation';
import * as disable from './disable.operation';
import * as enable from './enable.operation';
import * as get from './get.operation';
import * as getGroups from './getGroups.operation';
import * as getMany from './getMany.operation';
import * as logOut from './logOut.operation';
import * as makeGroupManager from './makeGroupManager.operation';
import * as removeFromGroup from './removeFromGroup.operation';
import * as sendDeletionInstructions from './sendDeletionInstructions.operation';
import * as update from './update.operation';

export {
	changeType,
	create,
	deleteUser as delete,
	disable,
	enable,
	get,
	getGroups,
	getMany,
	logOut,
	makeGroupManager,
	removeFromGroup,
	sendDeletionInstructions,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Change Type',
				value: 'changeType',
				description: 'Downgrade a user and hand their rooms to someone',
				action: 'Change the type of a user',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Add a user to the portal',
				action: 'Create a user',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a disabled user',
				action: 'Delete a user',
			},
			{
				name: 'Disable',
				value: 'disable',
				description: 'Disable users and end their sessions',
				action: 'Disable a user',
			},
			{
				name: 'Enable',
				value: 'enable',
				description: 'Make disabled users active again',
				action: 'Enable a user',
			},
			{ name: 'Get', value: 'get', description: 'Get a user', action: 'Get a user' },
			{
				name: 'Get Groups',
				value: 'getGroups',
				description: 'List the groups a user is in or manages',
				action: 'Get the groups of a user',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List or search users',
				action: 'Get many users',
			},
			{
				name: 'Log Out All Sessions',
				value: 'logOut',
				description: 'End every session of a user',
				action: 'Log out a user',
			},
			{
				name: 'Make Group Manager',
				value: 'makeGroupManager',
				description: 'Hand a group to a new manager',
				action: 'Make a user the manager of a group',
			},
			{
				name: 'Remove From Group',
				value: 'removeFromGroup',
				description: 'Take a user out of a group',
				action: 'Remove a user from a group',
			},
			{
				name: 'Send Deletion Instructions',
				value: 'sendDeletionInstructions',
				description: 'Email the profile-deletion link to the credential’s own user',
				action: 'Send deletion instructions',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the name of your own profile',
				action: 'Update a user',
			},
		],
		default: 'get',
	},
	...changeType.description,
	...create.description,
	...deleteUser.description,
	...disable.description,
	...enable.description,
	...get.description,
	...getGroups.description,
	...getMany.description,
	...logOut.description,
	...makeGroupManager.description,
	...removeFromGroup.description,
	...sendDeletionInstructions.description,
	...update.description,
];
