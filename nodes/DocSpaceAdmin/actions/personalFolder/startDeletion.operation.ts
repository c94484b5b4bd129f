import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TaskProgress } from '../../api/dto';
import { followTask } from '../../helpers/jobs';
import { getSelf } from '../../api/people';
import type { Envelope } from '../../transport';
import { callApi } from '../../transport';
import { waitProperties, showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'DocSpace applies this to the credential’s own account only, and only if that account is a guest: it empties the guest’s "My documents". It cannot target another user (a user ID sent along is ignored). To remove someone else’s files, use Data Removal.',
		name: 'personalFolderNotice',
		type: 'notice',
		default: '',
	},
	...waitProperties('deletion'),
];

export const description = showOnlyFor('personalFolder', 'startDeletion', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const envelope = (await callApi(this, {
		method: 'POST',
		path: ['people', 'delete', 'personal', 'start'],
		error: {
			action: 'start deleting the personal folder',
			requiredRole:
				'a credential of a guest with a "My documents" folder (DocSpace deletes only the caller’s own folder)',
			itemIndex,
		},
	})) as Envelope<TaskProgress>;
	const self = await getSelf(this, itemIndex);
	return [
		await followTask(
			this,
			'personalFolder',
			self.id,
			'the personal folder deletion',
			envelope.response,
			itemIndex,
		),
	];
}
