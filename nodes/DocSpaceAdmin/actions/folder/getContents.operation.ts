import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listFolderContents } from '../../api/files';
import { simplifyEntry } from '../../helpers/entries';
import {
	filtersCollection,
	folderIdField,
	outputOption,
	returnAllAndLimit,
	showOnlyFor,
} from '../common.descriptions';
import { entryIdFromParameter, readLimit, readOutput } from '../parameters';

const properties: INodeProperties[] = [
	folderIdField('Folder', 'folder', 'A folder or room; rooms are folders too'),
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'e.g. contract',
			description: 'Text to look for in titles',
		},
		{
			displayName: 'Show',
			name: 'show',
			type: 'options',
			default: 'all',
			options: [
				{ name: 'Files and Folders', value: 'all' },
				{ name: 'Files Only', value: 'files' },
				{ name: 'Folders Only', value: 'folders' },
			],
		},
	]),
	outputOption,
];

export const description = showOnlyFor('folder', 'getContents', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const folderId = entryIdFromParameter(this, 'folder', 'folder', 'Folder', itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof filters.search === 'string' && filters.search.trim())
		qs.filterValue = filters.search.trim();
	if (filters.show === 'files') qs.applyFilterOption = 1;
	if (filters.show === 'folders') qs.applyFilterOption = 2;
	const entries = await listFolderContents(this, folderId, qs, limit, itemIndex);
	return entries.map(readOutput(this, itemIndex, simplifyEntry));
}
