import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { EntryDto } from '../../api/dto';
import { entryIdFromParameter, entryOutput } from '../../helpers/entries';
import { callApiAllPages } from '../../transport';
import {
	folderIdField,
	outputOption,
	returnAllAndLimit,
	showOnlyFor,
} from '../common.descriptions';
import { readLimit } from '../../helpers/values';

const properties: INodeProperties[] = [
	folderIdField('Folder', 'folder', 'A folder or room; rooms are folders too'),
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
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
		],
	},
	outputOption,
];

export const description = showOnlyFor('folder', 'getContents', properties);

interface FolderContent {
	files?: EntryDto[];
	folders?: EntryDto[];
	total?: number;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const folderId = entryIdFromParameter(this, 'folder', 'folder', 'Folder', itemIndex);
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (typeof filters.search === 'string' && filters.search.trim())
		qs.filterValue = filters.search.trim();
	if (filters.show === 'files') qs.applyFilterOption = 1;
	if (filters.show === 'folders') qs.applyFilterOption = 2;
	const entries = (await callApiAllPages(
		this,
		{
			method: 'GET',
			path: ['files', folderId],
			qs,
			error: { action: 'list the folder', notFound: `No folder has the ID ${folderId}`, itemIndex },
		},
		limit,
		// Folder listings page inside the response: { folders, files, total }.
		(envelope) => {
			const content = (envelope.response ?? {}) as FolderContent;
			return { rows: [...(content.folders ?? []), ...(content.files ?? [])], total: content.total };
		},
	)) as EntryDto[];
	return entries.map((entry) => entryOutput(this, entry, itemIndex));
}
