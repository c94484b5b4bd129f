import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { progressOutput } from '../../helpers/jobs';
import { getSelf } from '../../api/people';

const properties: INodeProperties[] = [
	{
		displayName: 'Shows the deletion of the credential’s own personal folder',
		name: 'personalProgressNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['personalFolder'], operation: ['getProgress'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const self = await getSelf(this, itemIndex);
	return [await progressOutput(this, 'personalFolder', self.id, itemIndex)];
}
