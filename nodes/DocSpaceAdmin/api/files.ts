import { randomBytes } from 'crypto';

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { FILTER_TYPE } from './codes';
import type { EntryDto, FileOperation, ShareDto } from './dto';
import type { ApiRequest, PageReader } from '../transport';
import { callApi, callApiAllPages } from '../transport';

/** One function per Files call; operations and the offboarding flow share them. */

/** One file, folder or room by its path (`files/file/{id}`, `files/folder/{id}`, `files/rooms/{id}`). */
export async function getEntry(
	ctx: IExecuteFunctions,
	path: Array<string | number>,
	error: ApiRequest['error'],
): Promise<EntryDto> {
	return (await callApi<EntryDto>(ctx, { method: 'GET', path, error })).response as EntryDto;
}

/** `GET files/folder/{id}`; `role` names the folder in errors (e.g. "workspace folder"). */
export async function getFolder(
	ctx: IExecuteFunctions,
	folderId: string | number,
	role: string | undefined,
	itemIndex: number,
): Promise<EntryDto> {
	return await getEntry(ctx, ['files', 'folder', folderId], {
		action: role ? `read the ${role}` : 'get the folder',
		notFound: `No folder has the ID ${folderId}${role ? ` (${role})` : ''}`,
		itemIndex,
	});
}

export async function getFile(
	ctx: IExecuteFunctions,
	fileId: string | number,
	itemIndex: number,
): Promise<EntryDto> {
	return await getEntry(ctx, ['files', 'file', fileId], {
		action: 'read the file',
		notFound: `No file has the ID ${fileId}`,
		itemIndex,
	});
}

/** Folder and room listings page inside the response: `{ folders, files, total }`. */
export const folderContentRows: PageReader<EntryDto> = (envelope) => {
	const content = (envelope.response ?? {}) as {
		folders?: EntryDto[];
		files?: EntryDto[];
		total?: number;
	};
	return { rows: [...(content.folders ?? []), ...(content.files ?? [])], total: content.total };
};

/** `GET files/{folderId}` (filterValue, applyFilterOption): folders first, then files. */
export async function listFolderContents(
	ctx: IExecuteFunctions,
	folderId: string,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex: number,
): Promise<EntryDto[]> {
	const notFound = `No folder has the ID ${folderId}`;
	const error = { action: 'list the folder', notFound, itemIndex };
	const request: ApiRequest = { method: 'GET', path: ['files', folderId], qs, error };
	return await callApiAllPages(ctx, request, limit, folderContentRows);
}

/** `GET files/folder/{folderId}/path`: the folders from the section root down to this one. */
export async function getFolderPath(
	ctx: IExecuteFunctions,
	folderId: string | number,
	itemIndex: number,
): Promise<EntryDto[]> {
	const envelope = await callApi<EntryDto[]>(ctx, {
		method: 'GET',
		path: ['files', 'folder', folderId, 'path'],
		error: {
			action: 'read the folder’s path',
			notFound: `No folder has the ID ${folderId}`,
			itemIndex,
		},
	});
	return envelope.response ?? [];
}

/** Every file under a folder, subfolders included (`filterType` FilesOnly, `withSubFolders`). */
export async function listFilesInTree(
	ctx: IExecuteFunctions,
	folderId: string | number,
	itemIndex: number,
): Promise<EntryDto[]> {
	const qs = { filterType: FILTER_TYPE.FILES_ONLY, withSubFolders: true };
	return await listFolderContents(ctx, String(folderId), qs, undefined, itemIndex);
}

export interface MoveRequest {
	folderIds: number[];
	fileIds: number[];
	destFolderId: number;
	conflictResolveType: 'Skip' | 'Overwrite' | 'Duplicate';
}

/**
 * `PUT files/fileops/move`. DocSpace checks the caller's rights on the sources and the
 * destination before it queues the operation and answers 403 when they are missing
 * (FileStorageService.MoveOrCopyItemsAsync → FileOperationsManager.PublishMoveOrCopyItemsTaskAsync).
 */
export async function startMove(
	ctx: IExecuteFunctions,
	move: MoveRequest,
	itemIndex: number,
): Promise<FileOperation | undefined> {
	const envelope = await callApi<FileOperation[]>(ctx, {
		method: 'PUT',
		path: ['files', 'fileops', 'move'],
		body: { ...move, deleteAfter: false, returnSingleOperation: true },
		error: {
			action: 'move the entries',
			requiredRole: 'edit rights on the entries and on the destination',
			itemIndex,
		},
	});
	return envelope.response?.[0];
}

/** The caller's file operations with that id; DocSpace reports a finished one once, then forgets it. */
export async function getFileOperations(
	ctx: IExecuteFunctions,
	operationId: string,
	itemIndex: number,
): Promise<FileOperation[]> {
	const envelope = await callApi<FileOperation[]>(ctx, {
		method: 'GET',
		path: ['files', 'fileops'],
		qs: { id: operationId },
		error: { action: 'read the file operation status', itemIndex },
	});
	return envelope.response ?? [];
}

export async function terminateFileOperation(
	ctx: IExecuteFunctions,
	operationId: string,
	itemIndex: number,
): Promise<void> {
	await callApi(ctx, {
		method: 'PUT',
		path: ['files', 'fileops', 'terminate', operationId],
		error: { action: 'terminate the file operation', itemIndex },
	});
}

/** One file part plus form fields, as multipart/form-data. */
function multipart(
	fileName: string,
	content: Buffer,
	contentType: string,
	fields: Record<string, string>,
): { data: Buffer; contentType: string } {
	const boundary = `----docspace-admin-${randomBytes(12).toString('hex')}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
			),
		);
	}
	const safeName = fileName.replace(/["\r\n]/g, '_');
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
		),
	);
	parts.push(content, Buffer.from(`\r\n--${boundary}--\r\n`));
	return { data: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * `POST files/{folderId}/insert`: one file under exactly this title (UploadController.InsertFile).
 * A file of that title already there gets this content as a new version, if the caller may edit it
 * (FileUploader.ExecAsync with `createNewIfExist` false); `true` would add "name (1).ext" instead.
 */
export async function insertFile(
	ctx: IExecuteFunctions,
	folderId: string | number,
	title: string,
	content: Buffer,
	contentType: string,
	itemIndex: number,
): Promise<EntryDto> {
	const envelope = await callApi<EntryDto>(ctx, {
		method: 'POST',
		path: ['files', folderId, 'insert'],
		rawBody: multipart(title, content, contentType, { title, createNewIfExist: 'false' }),
		error: {
			action: 'store the file',
			requiredRole:
				'the right to create files in that folder (room manager or content creator in a room)',
			notFound: `No folder has the ID ${folderId}`,
			itemIndex,
		},
	});
	return envelope.response as EntryDto;
}

export type EntryType = 'folder' | 'file';

/** `GET files/{folder|file}/{id}/share`: who the entry is shared with. */
export async function getSharing(
	ctx: IExecuteFunctions,
	entryType: EntryType,
	entryId: string,
	itemIndex: number,
): Promise<ShareDto[]> {
	return await callApiAllPages<ShareDto>(ctx, {
		method: 'GET',
		path: ['files', entryType, entryId, 'share'],
		error: {
			action: `read the sharing of the ${entryType}`,
			notFound: `No ${entryType} has the ID ${entryId}`,
			itemIndex,
		},
	});
}

export interface Sharing {
	share: Array<{ shareTo: string; access: number }>;
	notify: boolean;
	sharingMessage?: string;
}

/** `PUT files/{folder|file}/{id}/share`: DocSpace shares with people and groups in "My documents" only. */
export async function setSharing(
	ctx: IExecuteFunctions,
	entryType: EntryType,
	entryId: string,
	sharing: Sharing,
	itemIndex: number,
): Promise<ShareDto[]> {
	const envelope = await callApi<ShareDto[]>(ctx, {
		method: 'PUT',
		path: ['files', entryType, entryId, 'share'],
		body: sharing as unknown as IDataObject,
		error: {
			action: `share the ${entryType}`,
			requiredRole: 'the owner of the entry in their "My documents"',
			notFound: `No ${entryType} has the ID ${entryId}`,
			itemIndex,
		},
	});
	return envelope.response ?? [];
}
