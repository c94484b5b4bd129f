import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MoveRequest } from '../../api/files';
import { startMove } from '../../api/files';
import { movedInto } from '../../helpers/destination';
import type { EntryDto } from '../../api/dto';
import { idList, simplifyEntry } from '../../helpers/entries';
import { followFileOperation } from '../../helpers/jobs';
import { folderIdField, showOnlyFor } from '../common.descriptions';
import { waitProperties } from '../wait.descriptions';
import { entryIdFromParameter, waitSettings } from '../parameters';

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
			{
				name: 'Overwrite',
				value: 'Overwrite',
				description: 'Replace the entry in the destination',
			},
			{
				name: 'Keep Both',
				value: 'Duplicate',
				description: 'Move it with a numbered name, e.g. "Report (1)"',
			},
		],
	},
	...waitProperties('move'),
];

export const description = showOnlyFor('folder', 'move', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const folderIds = idList(
		this,
		'folder',
		this.getNodeParameter('folderIds', itemIndex, ''),
		'Folder IDs',
		itemIndex,
	);
	const fileIds = idList(
		this,
		'file',
		this.getNodeParameter('fileIds', itemIndex, ''),
		'File IDs',
		itemIndex,
	);
	const destination = Number(
		entryIdFromParameter(this, 'folder', 'destination', 'Destination Folder', itemIndex),
	);
	if (!folderIds.length && !fileIds.length) {
		throw new NodeOperationError(node, `Nothing to move [item ${itemIndex}]`, {
			description: "Enter at least one ID in 'Folder IDs' or 'File IDs'.",
			itemIndex,
		});
	}
	// DocSpace checks the rights on the entries and the destination before it queues the move,
	// so a refused move fails here with nothing moved.
	const conflictResolveType = this.getNodeParameter(
		'conflictResolution',
		itemIndex,
		'Skip',
	) as MoveRequest['conflictResolveType'];
	const operation = await startMove(
		this,
		{ folderIds, fileIds, destFolderId: destination, conflictResolveType },
		itemIndex,
	);
	if (!operation) {
		throw new NodeOperationError(node, `DocSpace did not start the move [item ${itemIndex}]`, {
			description: 'Check that the IDs exist and that the credential’s user can see them.',
			itemIndex,
		});
	}
	const confirm = movedInto(this, folderIds, fileIds, destination, itemIndex);
	const { output, final } = await followFileOperation(
		this,
		operation,
		'the move',
		confirm,
		waitSettings(this, itemIndex),
		itemIndex,
	);
	// DocSpace lists the destination itself among the operation's folders.
	const folders = ((final?.folders ?? []) as EntryDto[]).filter(
		(folder) => folder.id !== destination,
	);
	const moved = [...folders, ...((final?.files ?? []) as EntryDto[])];
	return [
		{
			...output,
			destinationId: destination,
			moved: moved.length
				? moved.map(simplifyEntry)
				: [...folderIds, ...fileIds].map((id) => ({ id })),
		},
	];
}
