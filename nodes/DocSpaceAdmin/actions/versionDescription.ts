import type { INodeProperties } from 'n8n-workflow';

import * as audit from './audit/Audit.resource';
import * as dataRemoval from './dataRemoval/DataRemoval.resource';
import * as folder from './folder/Folder.resource';
import * as offboarding from './offboarding/Offboarding.resource';
import * as personalFolder from './personalFolder/PersonalFolder.resource';
import * as reassignment from './reassignment/Reassignment.resource';
import * as room from './room/Room.resource';
import * as user from './user/User.resource';

/** The resource selector followed by every resource's operations and parameters. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Audit', value: 'audit' },
			{ name: 'Data Reassignment', value: 'reassignment' },
			{ name: 'Data Removal', value: 'dataRemoval' },
			{ name: 'Folder / File', value: 'folder' },
			{ name: 'Offboarding', value: 'offboarding' },
			{ name: 'Personal Folder', value: 'personalFolder' },
			{ name: 'Room', value: 'room' },
			{ name: 'User', value: 'user' },
		],
		default: 'user',
	},
	...user.description,
	...reassignment.description,
	...dataRemoval.description,
	...personalFolder.description,
	...folder.description,
	...room.description,
	...audit.description,
	...offboarding.description,
];
