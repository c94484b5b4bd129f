import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { startTypeChange } from '../../api/peopleTasks';
import { followTask, person } from '../../helpers/jobs';
import { isActiveAdminOrRoomAdmin, notAdminOrRoomAdmin } from '../../helpers/users';
import { userLocator, showOnlyFor } from '../common.descriptions';
import { waitProperties } from '../wait.descriptions';
import { fetchUserFromLocator, waitSettings } from '../parameters';

const properties: INodeProperties[] = [
	userLocator('User'),
	{
		displayName: 'New Type',
		name: 'type',
		type: 'options',
		default: 'User',
		description:
			'Downgrading frees a paid seat; DocSpace hands the user’s rooms and shared files to the recipient',
		options: [
			{ name: 'User', value: 'User' },
			{ name: 'Guest', value: 'Guest' },
		],
	},
	userLocator('Recipient of Rooms', {
		name: 'recipient',
		searchListMethod: 'searchAdmins',
		description: 'An active DocSpace admin or room admin who receives the user’s rooms',
	}),
	...waitProperties('type change'),
];

export const description = showOnlyFor('user', 'changeType', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const user = await fetchUserFromLocator(this, 'user', 'User', itemIndex);
	const recipient = await fetchUserFromLocator(this, 'recipient', 'Recipient of Rooms', itemIndex);
	if (!isActiveAdminOrRoomAdmin(recipient))
		throw notAdminOrRoomAdmin(
			this.getNode(),
			recipient,
			'Recipient of Rooms',
			'cannot receive rooms',
			itemIndex,
		);
	const type = this.getNodeParameter('type', itemIndex) as string;
	const started = await startTypeChange(this, user.id, type, recipient.id, itemIndex);
	return [
		await followTask(
			this,
			'type',
			user.id,
			`the type change of ${user.displayName ?? user.id}`,
			started,
			waitSettings(this, itemIndex),
			itemIndex,
			{
				recipient: person(recipient),
			},
		),
	];
}
