import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getFolder } from '../../api/files';
import { simplifyEntry } from '../../helpers/entries';
import { folderIdField, outputOption, showOnlyFor } from '../common.descriptions';
import { entryIdFromParameter, readOutput } from '../parameters';

const properties: INodeProperties[] = [folderIdField('Folder', 'folder'), outputOption];

export const description = showOnlyFor('folder', 'get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const folderId = entryIdFromParameter(this, 'folder', 'folder', 'Folder', itemIndex);
	const output = readOutput(this, itemIndex, simplifyEntry);
	return [output(await getFolder(this, folderId, undefined, itemIndex))];
}
