import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { EntryDto } from '../../api/dto';
import { entryIdFromParameter, entryOutput } from '../../helpers/entries';
import type { Envelope } from '../../transport';
import { callApi } from '../../transport';
import { folderIdField, outputOption, showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [folderIdField('Folder', 'folder'), outputOption];

export const description = showOnlyFor('folder', 'get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const folderId = entryIdFromParameter(this, 'folder', 'folder', 'Folder', itemIndex);
	const envelope = (await callApi(this, {
		method: 'GET',
		path: ['files', 'folder', folderId],
		error: { action: 'get the folder', notFound: `No folder has the ID ${folderId}`, itemIndex },
	})) as Envelope<EntryDto>;
	return [entryOutput(this, envelope.response as EntryDto, itemIndex)];
}
