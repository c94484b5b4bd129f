import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { FileOperation } from '../../helpers/dto';
import type { EntryDto } from '../../helpers/entries';
import { entryIdFromParameter, idList, simplifyEntry } from '../../helpers/entries';
import { describeFileOperation } from '../../helpers/fileOperations';
import { waitSettings } from '../../helpers/jobs';
import { waitForFileOperation } from '../../helpers/poller';
import type { Envelope } from '../../transport';
import { apiRequest } from '../../transport';
import { folderIdField, waitProperties } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Folder IDs',
		name: 'folderIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1201, 1202',
		description: 'Comma-separated IDs of the folders to move',
	},
	{
		displayName: 'File IDs',
		name: 'fileIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 5301',
		description: 'Comma-separated IDs of the files to move',
	},
	folderIdField('Destination Folder', 'destination', 'The folder (or room) to move them into'),
	{
		displayName: 'If the Name Exists',
		name: 'conflictResolution',
		type: 'options',
		default: 'Skip',
		options: [
			{ name: 'Skip', value: 'Skip', description: 'Leave that entry where it is' },
			{ name: 'Overwrite', value: 'Overwrite', description: 'Replace the entry in the destination' },
			{ name: 'Keep Both', value: 'Duplicate', description: 'Move it with a numbered name, e.g. "Report (1)"' },
		],
	},
	...waitProperties('move'),
];

export const description = updateDisplayOptions({ show: { resource: ['folder'], operation: ['move'] } }, properties);

interface CheckDestFolder {
	result: number;
	files?: EntryDto[];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const folderIds = idList(this, 'folder', this.getNodeParameter('folderIds', itemIndex, ''), 'Folder IDs', itemIndex);
	const fileIds = idList(this, 'file', this.getNodeParameter('fileIds', itemIndex, ''), 'File IDs', itemIndex);
	const destination = entryIdFromParameter(this, 'folder', 'destination', 'Destination Folder', itemIndex);
	if (!folderIds.length && !fileIds.length) {
		throw new NodeOperationError(node, `Nothing to move [item ${itemIndex}]`, {
			description: "Enter at least one ID in 'Folder IDs' or 'File IDs'.",
			itemIndex,
		});
	}

	// A dry run first: a destination that refuses the move fails here, before anything moves.
	const check = (await apiRequest.call(this, {
		method: 'GET',
		path: ['files', 'fileops', 'checkdestfolder'],
		qs: { destFolderId: destination, folderIds, fileIds },
		error: { action: 'check the destination folder', notFound: `No folder has the ID ${destination}`, itemIndex },
	})) as Envelope<CheckDestFolder>;
	if (check.response && check.response.result !== 0) {
		throw new NodeOperationError(
			node,
			`The destination folder ${destination} refuses ${check.response.result === 2 ? 'the move' : 'part of the move'} [item ${itemIndex}]`,
			{
				description:
					'The credential’s user may lack edit rights there, the folder may be in the Archive, or a folder would move into itself. Nothing was moved; pick another destination.',
				itemIndex,
			},
		);
	}

	const started = (await apiRequest.call(this, {
		method: 'PUT',
		path: ['files', 'fileops', 'move'],
		body: {
			folderIds,
			fileIds,
			destFolderId: Number(destination),
			conflictResolveType: this.getNodeParameter('conflictResolution', itemIndex, 'Skip') as string,
			deleteAfter: false,
			returnSingleOperation: true,
		},
		error: { action: 'move the entries', requiredRole: 'edit rights on the entries and on the destination', itemIndex },
	})) as Envelope<FileOperation[]>;
	const operation = started.response?.[0];
	if (!operation) {
		throw new NodeOperationError(node, `DocSpace did not start the move [item ${itemIndex}]`, {
			description: 'Check that the IDs exist and that the credential’s user can see them.',
			itemIndex,
		});
	}
	const settings = waitSettings(this, itemIndex);
	if (!settings) return [{ ...describeFileOperation(operation), destinationId: Number(destination) }];

	const result = await waitForFileOperation.call(this, operation.id, 'the move', settings, itemIndex);
	const final = result.state.operation;
	const moved = [...(final?.folders ?? []), ...(final?.files ?? [])] as EntryDto[];
	return [
		{
			...describeFileOperation(final ?? { ...operation, finished: true }),
			outcome: result.outcome,
			destinationId: Number(destination),
			moved: moved.length ? moved.map(simplifyEntry) : [...folderIds, ...fileIds].map((id) => ({ id })),
		},
	];
}
