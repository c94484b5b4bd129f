import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { followTask } from '../../helpers/jobs';
import { getSelf } from '../../api/people';
import { startPersonalFolderDeletion } from '../../api/peopleTasks';
import { showOnlyFor } from '../common.descriptions';
import { waitProperties } from '../wait.descriptions';
import { waitSettings } from '../parameters';

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
	const started = await startPersonalFolderDeletion(this, itemIndex);
	const self = await getSelf(this, itemIndex);
	return [
		await followTask(
			this,
			'personalFolder',
			self.id,
			'the personal folder deletion',
			started,
			waitSettings(this, itemIndex),
			itemIndex,
		),
	];
}
