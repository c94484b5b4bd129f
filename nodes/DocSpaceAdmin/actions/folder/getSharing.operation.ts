import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { EntryType } from '../../api/files';
import { getSharing } from '../../api/files';
import { simplifyShare } from '../../helpers/shares';
import { requireId } from '../../helpers/validate';
import { entryProperties, showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [...entryProperties];

export const description = showOnlyFor('folder', 'getSharing', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const entryType = this.getNodeParameter('entryType', itemIndex) as EntryType;
	const entryId = requireId(
		this.getNode(),
		entryType,
		this.getNodeParameter('entryId', itemIndex),
		'Entry ID',
		itemIndex,
	);
	const shares = await getSharing(this, entryType, entryId, itemIndex);
	return shares.map(simplifyShare);
}
