import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../shared/authentication';

/**
 * DocSpace's webhook triggers (bit flags; a webhook listens to their sum), as in DocSpace-server
 * common/ASC.Webhooks.Core/WebhookTrigger.cs `WebhookTrigger`: UserCreated 1 << 0, UserInvited 1 << 1,
 * UserUpdated 1 << 2, UserDeleted 1 << 3, GroupUpdated 1 << 5, FolderMoved 1 << 21, RoomCreated 1 << 22,
 * RoomArchived 1 << 24, RoomDeleted 1 << 25.
 */
const EVENTS: Array<{ name: string; value: string; flag: number; description: string }> = [
	{ name: 'User Created', value: 'user.created', flag: 1, description: 'A user was added' },
	{ name: 'User Invited', value: 'user.invited', flag: 2, description: 'A user was invited' },
	{
		name: 'User Updated',
		value: 'user.updated',
		flag: 4,
		description: 'A profile changed, e.g. a user was disabled',
	},
	{ name: 'User Deleted', value: 'user.deleted', flag: 8, description: 'A profile was deleted' },
	{ name: 'Group Updated', value: 'group.updated', flag: 32, description: 'A group changed' },
	{ name: 'Folder Moved', value: 'folder.moved', flag: 2097152, description: 'A folder was moved' },
	{ name: 'Room Created', value: 'room.created', flag: 4194304, description: 'A room was created' },
	{
		name: 'Room Archived',
		value: 'room.archived',
		flag: 16777216,
		description: 'A room was moved to the Archive',
	},
	{
		name: 'Room Deleted',
		value: 'room.deleted',
		flag: 33554432,
		description: 'A room was deleted',
	},
];

/** The `triggers` of a DocSpace webhook that listens to `events` (values of the Events parameter). */
export function triggerFlags(events: string[]): number {
	return EVENTS.filter((e) => events.includes(e.value)).reduce((sum, e) => sum + e.flag, 0);
}

/** The trigger's parameters. */
export const triggerProperties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName:
			"DocSpace gives OAuth apps no scope for webhook settings, so registering the webhook may be refused (403). If it is, use the DocSpace API credential (an admin's API key).",
		name: 'oauthNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['user.updated'],
		options: EVENTS.map(({ name, value, description }) => ({ name, value, description })),
		description: 'The DocSpace events that start the workflow',
	},
	{
		displayName:
			'n8n registers a DocSpace webhook when the workflow is activated and removes it when deactivated. Every delivery must carry a valid x-docspace-signature-256 (else 401). A delivery already accepted starts nothing again; one older than 10 minutes, dated more than 2 minutes ahead or larger than 1 MiB is refused.',
		name: 'signatureNotice',
		type: 'notice',
		default: '',
	},
];
