import type { INodeProperties } from 'n8n-workflow';

import { userLocator } from '../common.descriptions';
import { waitOptionsProperty } from '../wait.descriptions';

/** What happens to the profile at the end; only these exact values (see exactParameters). */
export const FINAL_STEP_OPTIONS = [
	{ name: 'Keep the Disabled Profile', value: 'keep' },
	{
		name: 'Delete the Profile',
		value: 'deleteProfile',
		description: 'Their remaining personal files are deleted with it',
	},
	{
		name: 'Remove Data and Profile',
		value: 'removeData',
		description: 'Erase their personal documents, then delete the profile',
	},
];

/** The parameters Preview and Run share, so a previewed plan is exactly what Run does. */
export function offboardingProperties(withWait: boolean): INodeProperties[] {
	return [
		userLocator('User', {
			description:
				'The person who leaves: pick them, or give their e-mail or user ID (an AI agent: their e-mail as the user wrote it)',
		}),
		userLocator('Recipient', {
			name: 'recipient',
			searchListMethod: 'searchAdmins',
			description:
				'Who receives the rooms, shared files and the archived workspace: an active DocSpace admin or room admin, by e-mail or user ID',
		}),
		{
			displayName: 'Workspace Folder ID',
			name: 'workspaceFolderId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1203',
			description:
				'Optional: a folder with the employee’s work, e.g. in a team room. It moves into an archive room that only the people listed by Preview can open.',
		},
		{
			displayName:
				'Inside a room, files and folders can only be shared by link: who sees them is decided by the room’s members. So the workspace moves into an archive room whose members Preview lists exactly.',
			name: 'archiveNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Archive Into',
			name: 'archiveInto',
			type: 'options',
			default: 'newRoom',
			description: 'Where the workspace folder goes. Used only with a workspace folder.',
			options: [
				{
					name: 'A New Room for This Employee',
					value: 'newRoom',
					description:
						'A custom room owned by the credential’s user; the recipient becomes its room manager',
				},
				{
					name: 'An Existing Room',
					value: 'existingRoom',
					description: 'A room you choose; everyone already in it will see the workspace',
				},
			],
		},
		{
			displayName: 'Archive Room Name',
			name: 'archiveRoomTitle',
			type: 'string',
			default: '',
			placeholder: 'e.g. Archive – Jane Doe',
			description:
				'Leave empty for "Archive – " and the employee’s name. The employee’s user ID is added in brackets, so two people with the same name never share a room; a second run finds the room by that ID and reuses it.',
			displayOptions: { show: { archiveInto: ['newRoom'] } },
		},
		{
			displayName: 'Archive Room ID',
			name: 'archiveRoomId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1290',
			description:
				'The room the workspace moves into. The credential’s user must be its owner or a room manager.',
			displayOptions: { show: { archiveInto: ['existingRoom'] } },
		},
		{
			displayName: 'Read-Only Group ID',
			name: 'readOnlyGroupId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f',
			description:
				'Optional: a group (e.g. HR) that joins the archive room as viewers. Used only with a workspace folder.',
		},
		{
			displayName: 'Move the Room to the Archive',
			name: 'archiveTheRoom',
			type: 'boolean',
			default: false,
			description:
				'Whether to move the archive room into DocSpace’s Archive at the end: it becomes read-only, its members can no longer change, and only its owner or a DocSpace admin can restore it',
		},
		{
			displayName: 'Remove From Groups',
			name: 'leaveGroups',
			type: 'boolean',
			default: true,
			description:
				'Whether to take the leaver out of every group and hand the groups they manage to the new group manager. A disabled user otherwise stays in their groups and stays their manager.',
		},
		{
			displayName: 'New Group Manager ID',
			name: 'newGroupManagerId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 8a1d4f7e-2c3b-4a5d-8e9f-0b1c2d3e4f5a',
			description:
				'Who takes over the groups the leaver manages (an active user who is not a guest). Empty: the recipient.',
			displayOptions: { show: { leaveGroups: [true] } },
		},
		{
			displayName: 'Remove From Rooms',
			name: 'leaveRooms',
			type: 'boolean',
			default: true,
			description:
				'Whether to take the leaver out of the rooms they are a member of but do not own, when the profile is kept (deleting it ends the memberships anyway). Only rooms where the credential’s user is a room manager can be changed.',
		},
		{
			displayName: 'Remove Even Form Fillers',
			name: 'removeFormFillers',
			type: 'boolean',
			default: false,
			description:
				'Whether to remove the leaver also from rooms where they hold a role in a form-filling process (DocSpace keeps them there otherwise)',
			displayOptions: { show: { leaveRooms: [true] } },
		},
		{
			displayName: 'Revoke API Keys and OAuth Apps',
			name: 'revokeKeysAndApps',
			type: 'boolean',
			default: true,
			description:
				'Whether to revoke the leaver’s API keys (they would work again if the account were re-enabled, and survive a deleted profile) and delete the OAuth apps they created. Needs a DocSpace admin’s credential.',
		},
		{
			displayName: 'Finally',
			name: 'finalStep',
			type: 'options',
			default: 'keep',
			description: 'Runs only after the reassignment has completed',
			options: FINAL_STEP_OPTIONS,
		},
		// Run always waits: nothing destructive may start before the reassignment has completed.
		...(withWait
			? [
					waitOptionsProperty(['fail', 'terminate'], {
						description:
							'Run always waits for each DocSpace job (reassignment, move, archiving, removal) before the next step. A job that does not finish in time stops the offboarding: nothing that changes or deletes data runs after it.',
					}),
				]
			: []),
	];
}
