import type { INodeProperties } from 'n8n-workflow';

import * as archive from './archive.operation';
import * as changeOwner from './changeOwner.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getMembers from './getMembers.operation';
import * as setMemberAccess from './setMemberAccess.operation';
import * as unarchive from './unarchive.operation';

export { archive, changeOwner, get, getMany, getMembers, setMemberAccess, unarchive };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['room'] } },
		options: [
			{
				name: 'Archive',
				value: 'archive',
				description: 'Move a room to the Archive',
				action: 'Archive a room',
			},
			{
				name: 'Change Owner',
				value: 'changeOwner',
				description: 'Give a room to another admin or room admin',
				action: 'Change the owner of a room',
			},
			{ name: 'Get', value: 'get', description: 'Get a room', action: 'Get a room' },
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List rooms, e.g. those a user owns',
				action: 'Get many rooms',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				description: 'Who is in a room, with which role',
				action: 'Get the members of a room',
			},
			{
				name: 'Set Member Access',
				value: 'setMemberAccess',
				description: 'Add, change or remove a room member',
				action: 'Set the access of a room member',
			},
			{
				name: 'Unarchive',
				value: 'unarchive',
				description: 'Bring a room back from the Archive',
				action: 'Unarchive a room',
			},
		],
		default: 'getMany',
	},
	...archive.description,
	...changeOwner.description,
	...get.description,
	...getMany.description,
	...getMembers.description,
	...setMemberAccess.description,
	...unarchive.description,
];
