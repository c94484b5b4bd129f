import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EntryDto, ShareDto } from '../api/dto';
import type { IdKind } from './ids';
import { requireId } from './validate';
import { compact } from './values';

const ROOT_NAMES: Record<number, string> = {
	3: 'trash',
	5: 'myDocuments',
	14: 'rooms',
	20: 'archive',
};
const ROOM_TYPES: Record<number, string> = {
	1: 'fillingForms',
	2: 'editing',
	5: 'custom',
	6: 'public',
	8: 'virtualData',
	9: 'ai',
};

/** FileShare numbers, named as DocSpace's UI names them. */
export const ACCESS_NAMES: Record<number, string> = {
	0: 'none',
	1: 'fullAccess',
	2: 'viewer',
	3: 'deny',
	4: 'varies',
	5: 'reviewer',
	6: 'commenter',
	7: 'formFiller',
	9: 'roomManager',
	10: 'editor',
	11: 'contentCreator',
};

/** The user or group a share is for. */
export const shareSubjectId = (share: ShareDto) =>
	share.sharedToUser?.id ?? share.sharedToGroup?.id ?? '';

/** Whether the entry's `security` flags (what the credential's user may do there) allow the action. */
export function allowed(entry: EntryDto | undefined, action: string): boolean {
	return (entry?.security as Record<string, boolean> | undefined)?.[action] === true;
}

export function simplifyEntry(entry: EntryDto): IDataObject {
	const isFile = entry.fileEntryType === 2 || entry.folderId !== undefined;
	const simple: IDataObject = {
		id: entry.id,
		title: entry.title,
		type: entry.roomType !== undefined ? 'room' : isFile ? 'file' : 'folder',
		parentId: isFile ? entry.folderId : entry.parentId,
		roomType:
			entry.roomType === undefined ? undefined : (ROOM_TYPES[entry.roomType] ?? entry.roomType),
		location: ROOT_NAMES[entry.rootFolderType ?? -1] ?? entry.rootFolderType,
		owner: (entry.ownedBy ?? entry.createdBy)?.displayName,
		ownerId: (entry.ownedBy ?? entry.createdBy)?.id,
		yourAccess: ACCESS_NAMES[entry.access ?? -1] ?? entry.access,
		created: entry.created,
		updated: entry.updated,
	};
	return compact(simple);
}

/** A comma-separated list of ids, each validated. */
export function idList(
	ctx: IExecuteFunctions,
	kind: IdKind,
	value: unknown,
	label: string,
	itemIndex: number,
): number[] {
	const parts = String(value ?? '')
		.split(',')
		.map((p) => p.trim())
		.filter((p) => p !== '');
	return parts.map((p) => Number(requireId(ctx.getNode(), kind, p, label, itemIndex)));
}
