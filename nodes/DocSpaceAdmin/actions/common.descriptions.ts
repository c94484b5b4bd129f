import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_WAIT, MAX_POLL_INTERVAL_SECONDS } from '../helpers/poller';

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

/** "Wait for Completion" and its options, shown on every operation that starts a server job. */
// The poller's defaults, by plain names (n8n's lint reads a default given as a name, not as `a.b`).
const {
	onTimeout: onTimeoutDefault,
	pollIntervalSeconds: pollIntervalDefault,
	timeoutSeconds: timeoutDefault,
} = DEFAULT_WAIT;

const ON_TIMEOUT_CHOICES = {
	fail: {
		name: 'Fail',
		value: 'fail',
		description: 'Stop with an error; the job keeps running in DocSpace',
	},
	returnStatus: {
		name: 'Return Current Status',
		value: 'returnStatus',
		description: 'Output the last progress and carry on',
	},
	terminate: {
		name: 'Terminate the Job',
		value: 'terminate',
		description: 'Ask DocSpace to stop the job, then output its status',
	},
} as const;

/** How long to wait for a DocSpace job, and what to do when it takes longer. */
export function waitOptionsProperty(
	onTimeout: Array<keyof typeof ON_TIMEOUT_CHOICES>,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Wait Options',
		name: 'waitOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'On Timeout',
				name: 'onTimeout',
				type: 'options',
				default: onTimeoutDefault,
				options: onTimeout.map((choice) => ({ ...ON_TIMEOUT_CHOICES[choice] })),
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_POLL_INTERVAL_SECONDS },
				default: pollIntervalDefault,
				description: `Longest pause between two progress checks (at most ${MAX_POLL_INTERVAL_SECONDS}: DocSpace forgets a finished job about a minute after it ends); the first checks come sooner`,
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: timeoutDefault,
				description: 'How long to wait at most. The workflow’s own timeout still applies.',
			},
		],
		...extra,
	};
}

export function waitProperties(jobName: string): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description: `Whether to wait until DocSpace has finished the ${jobName}. Off: return as soon as it has started (check it later with Get Progress).`,
		},
		waitOptionsProperty(['fail', 'returnStatus', 'terminate'], {
			displayOptions: { show: { waitForCompletion: [true] } },
		}),
	];
}

/** Lets Disable/Enable send many users in one request, or one request per item. */
export function batchOption(verb: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Send Together',
				name: 'sendTogether',
				type: 'boolean',
				default: true,
				description: `Whether to ${verb} the users of all input items with one request per 100 users (much faster, and kinder to DocSpace's rate limits). Users DocSpace refuses still get their own error item.`,
			},
		],
	};
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

/**
 * How the node signs in, as n8n's own nodes offer it (a top-level `authentication` parameter and one
 * credential per choice, each shown only for its choice). The transport reads the same parameter.
 */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'API Key or Email and Password',
			value: 'apiKey',
			description: 'The DocSpace API credential',
		},
		{
			name: 'OAuth2',
			value: 'oAuth2',
			description: 'A DocSpace OAuth 2.0 app, connected with "Connect my account"',
		},
	],
	default: 'apiKey',
};

/** The node's credentials, each shown for its choice of `authentication`. */
export const docSpaceCredentials = [
	{ name: 'docSpaceApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
	{
		name: 'docSpaceOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];
