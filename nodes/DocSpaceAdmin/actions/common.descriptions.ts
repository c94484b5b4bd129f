import type { INodeProperties } from 'n8n-workflow';

import { SHARE } from '../api/codes';

export const GUID_REGEX =
	'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$';
export const EMAIL_REGEX = '^\\s*[^\\s@/\\\\]+@[^\\s@/\\\\]+\\.[^\\s@/\\\\]+\\s*$';

/** A user picker: From list (server-side search), By email, By ID. */
export function userLocator(
	displayName: string,
	options: { name?: string; searchListMethod?: string; description?: string } = {},
): INodeProperties {
	return {
		displayName,
		name: options.name ?? 'user',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: {
					searchListMethod: options.searchListMethod ?? 'searchUsers',
					searchable: true,
				},
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. jane.doe@example.com',
				validation: [
					{
						type: 'regex',
						properties: { regex: EMAIL_REGEX, errorMessage: 'Not a valid email address' },
					},
				],
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f',
				validation: [
					{
						type: 'regex',
						properties: { regex: GUID_REGEX, errorMessage: 'Not a valid user ID (GUID)' },
					},
				],
			},
		],
	};
}

/**
 * One operation's properties, shown only when it is chosen. n8n's updateDisplayOptions does the
 * same with a lodash deep merge per property, which was a third of the node's load time.
 */
export function showOnlyFor(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}

export const outputOption: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	default: 'simplified',
	options: [
		{
			name: 'Simplified',
			value: 'simplified',
			description: 'The fields most workflows need: ID, name, email, type, status and dates',
		},
		{ name: 'Raw', value: 'raw', description: 'Everything DocSpace returns' },
	],
};

export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** A collection of optional fields, e.g. "Filters" (Add Filter) or "Options" (Add Option). */
export function collection(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/** The "Filters" of a list operation. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return collection('Filters', 'filters', 'Add Filter', options);
}

/** The "Options" of an operation. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return collection('Options', 'options', 'Add Option', options);
}

/** Lets Disable/Enable send many users in one request, or one request per item. */
export function batchOption(verb: string): INodeProperties {
	return optionsCollection([
		{
			displayName: 'Send Together',
			name: 'sendTogether',
			type: 'boolean',
			default: true,
			description: `Whether to ${verb} the users of all input items with one request per 100 users (much faster, and kinder to DocSpace's rate limits). Users DocSpace refuses still get their own error item.`,
		},
	]);
}

/** Access levels of files and folders and room roles, as DocSpace's UI names them. */
const ACCESS_LABELS: Record<number, string> = {
	[SHARE.READ_WRITE]: 'Full Access',
	[SHARE.ROOM_MANAGER]: 'Room Manager',
	[SHARE.CONTENT_CREATOR]: 'Content Creator',
	[SHARE.EDITING]: 'Editor',
	[SHARE.REVIEW]: 'Reviewer',
	[SHARE.COMMENT]: 'Commenter',
	[SHARE.READ]: 'Viewer',
	[SHARE.FILL_FORMS]: 'Form Filler',
	[SHARE.RESTRICT]: 'Deny Access',
};

/** The choices of an access or role parameter, in this order, then `removeLabel` (access 0). */
export function accessOptions(levels: number[], removeLabel: string) {
	return [
		...levels.map((value) => ({ name: ACCESS_LABELS[value], value })),
		{ name: removeLabel, value: SHARE.NONE },
	];
}

export const ENTRY_ID_REGEX = '^\\s*[1-9][0-9]{0,17}\\s*$';

/** A folder picker by ID (DocSpace folder ids are whole numbers). */
export function folderIdField(
	displayName: string,
	name: string,
	description?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1201',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: ENTRY_ID_REGEX,
							errorMessage: 'Not a valid folder ID (a whole number)',
						},
					},
				],
			},
		],
	};
}

/** A room picker: From list (server-side search over active and archived rooms) or By ID. */
export function roomLocator(description?: string): INodeProperties {
	return {
		displayName: 'Room',
		name: 'room',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchRooms', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1170',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: ENTRY_ID_REGEX,
							errorMessage: 'Not a valid room ID (a whole number)',
						},
					},
				],
			},
		],
	};
}

/** A file or folder by type and ID, for sharing. */
export const entryProperties: INodeProperties[] = [
	{
		displayName: 'Entry Type',
		name: 'entryType',
		type: 'options',
		default: 'folder',
		options: [
			{ name: 'Folder', value: 'folder' },
			{ name: 'File', value: 'file' },
		],
	},
	{
		displayName: 'Entry ID',
		name: 'entryId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1201',
	},
];
