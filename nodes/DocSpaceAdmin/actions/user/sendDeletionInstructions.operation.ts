import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Envelope } from '../../transport';
import { callApi } from '../../transport';
import { showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Self-service: DocSpace emails the profile-deletion link to the credential’s own user, never to someone else (and not to the owner). To remove another person, use Disable and Delete.',
		name: 'selfServiceNotice',
		type: 'notice',
		default: '',
	},
];

export const description = showOnlyFor('user', 'sendDeletionInstructions', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const envelope = (await callApi(this, {
		method: 'PUT',
		path: ['people', 'self', 'delete'],
		error: {
			action: 'send the deletion instructions',
			requiredRole:
				'a user other than the owner (DocSpace sends them to the credential’s own user)',
			itemIndex,
		},
	})) as Envelope<string>;
	return [{ sent: true, message: String(envelope.response ?? '').replace(/<\/?b>/g, '') }];
}
