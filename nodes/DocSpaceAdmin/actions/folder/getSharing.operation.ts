import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ShareDto } from '../../api/dto';
import { simplifyShare } from '../../helpers/shares';
import { requireId } from '../../helpers/validate';
import { callApiAllPages } from '../../transport';
import { entryProperties, showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [...entryProperties];

export const description = showOnlyFor('folder', 'getSharing', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const entryType = this.getNodeParameter('entryType', itemIndex) as 'folder' | 'file';
	const entryId = requireId(
		this.getNode(),
		entryType,
		this.getNodeParameter('entryId', itemIndex),
		'Entry ID',
		itemIndex,
	);
	const shares = (await callApiAllPages(this, {
		method: 'GET',
		path: ['files', entryType, entryId, 'share'],
		error: {
			action: `read the sharing of the ${entryType}`,
			notFound: `No ${entryType} has the ID ${entryId}`,
			itemIndex,
		},
	})) as ShareDto[];
	return shares.map(simplifyShare);
}
