import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { AUDIT_ACTION, AUDIT_ACTION_TYPE, AUDIT_ENTRY, AUDIT_LOCATION } from '../../api/codes';
import { filtersCollection, returnAllAndLimit, showOnlyFor } from '../common.descriptions';
import { eventsFromParameters } from './events.shared';

const ACTION_TYPES = [
	{ name: 'Create', value: AUDIT_ACTION_TYPE.CREATE },
	{ name: 'Update', value: AUDIT_ACTION_TYPE.UPDATE },
	{ name: 'Delete', value: AUDIT_ACTION_TYPE.DELETE },
	{ name: 'Update Access', value: AUDIT_ACTION_TYPE.UPDATE_ACCESS },
	{ name: 'Download', value: AUDIT_ACTION_TYPE.DOWNLOAD },
	{ name: 'Upload', value: AUDIT_ACTION_TYPE.UPLOAD },
	{ name: 'Copy', value: AUDIT_ACTION_TYPE.COPY },
	{ name: 'Move', value: AUDIT_ACTION_TYPE.MOVE },
	{ name: 'Reassign', value: AUDIT_ACTION_TYPE.REASSIGNS },
	{ name: 'Log Out', value: AUDIT_ACTION_TYPE.LOGOUT },
];

const MODULES = [
	{ name: 'Files', value: AUDIT_LOCATION.FILES },
	{ name: 'Folders', value: AUDIT_LOCATION.FOLDERS },
	{ name: 'Rooms', value: AUDIT_LOCATION.ROOMS },
	{ name: 'Settings', value: AUDIT_LOCATION.SETTINGS },
	{ name: 'Contacts (People)', value: AUDIT_LOCATION.CONTACTS },
];

const ENTRY_TYPES = [
	{ name: 'File', value: AUDIT_ENTRY.FILE },
	{ name: 'Folder', value: AUDIT_ENTRY.FOLDER },
	{ name: 'Group', value: AUDIT_ENTRY.GROUP },
	{ name: 'Room', value: AUDIT_ENTRY.ROOM },
	{ name: 'User', value: AUDIT_ENTRY.USER },
];

/** Defaults by name: n8n's lint reads a literal or a plain identifier as `default`, not `A.B`. */
const ACTION_TYPE_DEFAULT = AUDIT_ACTION_TYPE.CREATE;
const ENTRY_TYPE_DEFAULT = AUDIT_ENTRY.USER;
const MODULE_DEFAULT = AUDIT_LOCATION.CONTACTS;

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Action',
			name: 'action',
			type: 'number',
			default: 0,
			description: `A DocSpace action code, e.g. ${AUDIT_ACTION.USERS_UPDATED_STATUS} (users status changed), ${AUDIT_ACTION.USER_DATA_REASSIGNS} (data reassigned), ${AUDIT_ACTION.USER_DELETED} (user deleted). DocSpace then ignores Action Type, Module and Entry Type.`,
		},
		{
			displayName: 'Action Type',
			name: 'actionType',
			type: 'options',
			default: ACTION_TYPE_DEFAULT,
			options: ACTION_TYPES,
		},
		{
			displayName: 'Actor User ID',
			name: 'userId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f',
			description: 'Only what this user did',
		},
		{
			displayName: 'Entry Type',
			name: 'entryType',
			type: 'options',
			default: ENTRY_TYPE_DEFAULT,
			options: ENTRY_TYPES,
			description:
				'With Target: only events about this kind of item whose target contains the Target ID',
		},
		{ displayName: 'From', name: 'from', type: 'dateTime', default: '' },
		{
			displayName: 'Module',
			name: 'moduleType',
			type: 'options',
			default: MODULE_DEFAULT,
			options: MODULES,
		},
		{
			displayName: 'Target',
			name: 'target',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f',
			description:
				'Only events about this user, group, file, folder or room ID. Needs an Action (exact target) or an Entry Type.',
		},
		{ displayName: 'To', name: 'to', type: 'dateTime', default: '' },
	]),
];

export const description = showOnlyFor('audit', 'getEvents', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await eventsFromParameters(this, 'events', itemIndex);
}
