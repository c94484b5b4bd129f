import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { startRemoval } from '../../api/peopleTasks';
import { followTask, person } from '../../helpers/jobs';
import { removalOutcome } from '../../helpers/reassignment';
import { isDisabled } from '../../helpers/users';
import { userLocator, showOnlyFor } from '../common.descriptions';
import { waitProperties } from '../wait.descriptions';
import { fetchUserFromLocator, waitSettings } from '../parameters';

const properties: INodeProperties[] = [
	{
		displayName:
			'This erases the user’s personal documents ("My documents" and Trash) and deletes their profile. Their rooms and shared files go to the credential’s user, not to someone you choose — use Data Reassignment first for that. The user must be disabled.',
		name: 'removalNotice',
		type: 'notice',
		default: '',
	},
	userLocator('User', {
		searchListMethod: 'searchDisabledUsers',
		description: 'The disabled user whose data and profile are removed',
	}),
	...waitProperties('data removal'),
];

export const description = showOnlyFor('dataRemoval', 'start', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const user = await fetchUserFromLocator(this, 'user', 'User', itemIndex);
	if (!isDisabled(user)) {
		throw new NodeOperationError(
			this.getNode(),
			`The user ${user.displayName ?? user.id} is still active [item ${itemIndex}]`,
			{
				description:
					'DocSpace removes data only of disabled users. Disable them first (User → Disable).',
				itemIndex,
			},
		);
	}
	const started = await startRemoval(this, user.id, itemIndex);
	const subject = `the data removal of ${user.displayName ?? user.id}`;
	return [
		await followTask(
			this,
			'remove',
			user.id,
			subject,
			started,
			waitSettings(this, itemIndex),
			itemIndex,
			{ user: person(user) },
			removalOutcome(this, user.id, itemIndex),
		),
	];
}
