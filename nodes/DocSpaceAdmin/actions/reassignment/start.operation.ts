import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { startReassignment } from '../../api/peopleTasks';
import { followTask, person } from '../../helpers/jobs';
import { reassignmentOutcome } from '../../helpers/reassignment';
import { isActiveAdminOrRoomAdmin, isDisabled, notAdminOrRoomAdmin } from '../../helpers/users';
import { userLocator, showOnlyFor } from '../common.descriptions';
import { waitProperties } from '../wait.descriptions';
import { fetchUserFromLocator, waitSettings } from '../parameters';

const properties: INodeProperties[] = [
	{
		displayName:
			'Moves the user’s rooms, room content and the files they shared from "My documents" to the recipient. Files they never shared stay in their "My documents" (and are deleted with the profile). The user must be disabled first.',
		name: 'reassignNotice',
		type: 'notice',
		default: '',
	},
	userLocator('From User', {
		name: 'fromUser',
		searchListMethod: 'searchDisabledUsers',
		description: 'The disabled user whose data is handed over',
	}),
	userLocator('To User', {
		name: 'toUser',
		searchListMethod: 'searchAdmins',
		description: 'An active DocSpace admin or room admin who receives the data',
	}),
	{
		displayName: 'Delete Profile When Finished',
		name: 'deleteProfile',
		type: 'boolean',
		default: false,
		description:
			'Whether DocSpace deletes the user (and their remaining personal files) once the data has been handed over',
	},
	...waitProperties('reassignment'),
];

export const description = showOnlyFor('reassignment', 'start', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const from = await fetchUserFromLocator(this, 'fromUser', 'From User', itemIndex);
	const to = await fetchUserFromLocator(this, 'toUser', 'To User', itemIndex);
	if (!isDisabled(from)) {
		throw new NodeOperationError(
			node,
			`The user ${from.displayName ?? from.id} is still active [item ${itemIndex}]`,
			{
				description:
					'DocSpace reassigns data only from disabled users. Disable them first (User → Disable).',
				itemIndex,
			},
		);
	}
	if (!isActiveAdminOrRoomAdmin(to) || to.id === from.id)
		throw notAdminOrRoomAdmin(node, to, 'To User', 'cannot receive data', itemIndex);
	const deleteProfile = this.getNodeParameter('deleteProfile', itemIndex, false) as boolean;
	const started = await startReassignment(this, from.id, to.id, deleteProfile, itemIndex);
	const subject = `the data reassignment of ${from.displayName ?? from.id}`;
	const extra = { from: person(from), recipient: person(to) };
	return [
		await followTask(
			this,
			'reassign',
			from.id,
			subject,
			started,
			waitSettings(this, itemIndex),
			itemIndex,
			extra,
			reassignmentOutcome(this, from.id, itemIndex),
		),
	];
}
