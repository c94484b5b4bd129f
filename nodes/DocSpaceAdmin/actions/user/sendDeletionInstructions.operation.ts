import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sendDeletionInstructions } from '../../api/people';
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
	const message = await sendDeletionInstructions(this, itemIndex);
	return [{ sent: true, message: String(message ?? '').replace(/<\/?b>/g, '') }];
}
