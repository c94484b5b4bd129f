import type { INodeProperties } from 'n8n-workflow';

import { userLocator, waitProperties } from '../common.descriptions';

/** The parameters Preview and Run share, so a previewed plan is exactly what Run does. */
export function offboardingProperties(withWait: boolean): INodeProperties[] {
	return [
		userLocator('User', { description: 'The departing employee' }),
		userLocator('Recipient', {
			name: 'recipient',
			searchListMethod: 'searchAdmins',
			description: 'An active DocSpace admin or room admin who receives the rooms, shared files and the archived workspace',
		}),
		{
			displayName: 'Workspace Folder ID',
			name: 'workspaceFolderId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1203',
			description: 'Optional: the employee’s workspace folder to move into the archive folder',
		},
		{
			displayName: 'Archive Folder ID',
			name: 'archiveFolderId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1290',
			description: 'Where the workspace folder goes',
		},
		{
			displayName: 'Read-Only Group ID',
			name: 'readOnlyGroupId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f',
			description: 'Optional: a group (e.g. HR) that gets read-only access to the archived workspace',
		},
		{
			displayName: 'Remove Other Access',
			name: 'removeOtherAccess',
			type: 'boolean',
			default: true,
			description: 'Whether to take away everyone else’s access to the archived workspace (the recipient gets full access)',
		},
		{
			displayName: 'Finally',
			name: 'finalStep',
			type: 'options',
			default: 'keep',
			description: 'Runs only after the reassignment has completed',
			options: [
				{ name: 'Keep the Disabled Profile', value: 'keep' },
				{ name: 'Delete the Profile', value: 'deleteProfile', description: 'Their remaining personal files are deleted with it' },
				{ name: 'Remove Data and Profile', value: 'removeData', description: 'Erase their personal documents, then delete the profile' },
			],
		},
		...(withWait ? waitProperties('reassignment, move and removal') : []),
	];
}
