import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { progressOutput } from '../../helpers/jobs';
import { getSelf } from '../../api/people';
import { showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Shows the deletion of the credential’s own personal folder',
		name: 'personalProgressNotice',
		type: 'notice',
		default: '',
	},
];

export const description = showOnlyFor('personalFolder', 'getProgress', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const self = await getSelf(this, itemIndex);
	return [await progressOutput(this, 'personalFolder', self.id, itemIndex)];
}
