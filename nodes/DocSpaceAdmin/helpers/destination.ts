import type { IExecuteFunctions } from 'n8n-workflow';

import { FOLDER_TYPE } from '../api/codes';
import { getFile, getFolder } from '../api/files';
import { getRoom } from '../api/rooms';

/** Confirmations for file operations DocSpace stopped reporting: is the result where it should be? */

/** Whether every moved folder and file now sits in the destination (read back, one request each). */
export function movedInto(
	ctx: IExecuteFunctions,
	folderIds: number[],
	fileIds: number[],
	destinationId: number,
	itemIndex: number,
): () => Promise<boolean> {
	return async () => {
		for (const id of folderIds)
			if ((await getFolder(ctx, id, 'moved folder', itemIndex)).parentId !== destinationId)
				return false;
		for (const id of fileIds)
			if ((await getFile(ctx, id, itemIndex)).folderId !== destinationId) return false;
		return true;
	};
}

/** Whether the room now sits where archiving (or restoring) puts it. */
export function roomIsIn(
	ctx: IExecuteFunctions,
	roomId: number,
	direction: 'archive' | 'unarchive',
	itemIndex: number,
): () => Promise<boolean> {
	const root = direction === 'archive' ? FOLDER_TYPE.ARCHIVE : FOLDER_TYPE.ROOMS;
	return async () => (await getRoom(ctx, roomId, itemIndex)).rootFolderType === root;
}
