import type { IExecuteFunctions } from 'n8n-workflow';

import { FOLDER_TYPE, HTTP, httpCodeOf, NO_QUOTA } from '../../api/codes';
import type { EntryDto, ShareDto } from '../../api/dto';
import { getFolderPath, getSharing, listFilesInTree } from '../../api/files';
import { shareSubjectId } from '../entries';
import { roomMembersOnce, roomsOnce } from './sharedReads';
import type { Portal } from './steps/step';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];
export function bytes(size: number): string {
	let value = Math.max(0, size);
	let unit = 0;
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${unit ? value.toFixed(1) : value} ${UNITS[unit]}`;
}

/**
 * Why DocSpace would refuse to move the workspace into the room for its storage quota, if it
 * would: CopyPermissionsCheck.CheckFoldersPermissionsAsync compares the room's free space with
 * the folder's size before it queues the move. The room shows `quotaLimit` only while room
 * quotas are on (FolderDtoHelper.GetAsync); without it, or at -1, nothing is read.
 */
export async function roomSpaceShortfall(
	ctx: IExecuteFunctions,
	workspace: EntryDto,
	room: EntryDto,
	itemIndex: number,
): Promise<string | undefined> {
	const limit = room.quotaLimit;
	if (typeof limit !== 'number' || limit === NO_QUOTA) return undefined;
	const files = await listFilesInTree(ctx, workspace.id, itemIndex);
	const size = files.reduce((sum, f) => sum + (Number(f.pureContentLength) || 0), 0);
	const free = limit - (Number(room.usedSpace) || 0);
	if (size <= free) return undefined;
	return `"${workspace.title}" holds ${bytes(size)} of files, but "${room.title}" has ${bytes(free)} free of its ${bytes(limit)} storage quota, and DocSpace refuses a move that does not fit. Raise the room’s storage quota (Edit room → Storage quota) or free space in it, then preview again.`;
}

/** The room the workspace sits in, if any: its parent when that is a room read for many leavers, else from its path. */
async function sourceRoom(portal: Portal, workspace: EntryDto): Promise<EntryDto | undefined> {
	const parent = (await roomsOnce(portal))?.find((room) => room.id === workspace.parentId);
	if (parent) return parent;
	const path = await getFolderPath(portal.ctx, workspace.id, portal.itemIndex);
	return path.find((e) => e.roomType !== undefined && e.id !== workspace.id);
}

const nameOfShare = (share: ShareDto) =>
	share.sharedToUser?.displayName ?? share.sharedToGroup?.name ?? shareSubjectId(share);

/** A read DocSpace refuses (403) is `undefined`: what it would have told is then "not checked". */
const unlessRefused = <T>(read: Promise<T>) =>
	read.catch((error: unknown) => {
		if (httpCodeOf(error) !== HTTP.FORBIDDEN) throw error;
		return undefined;
	});
const notChecked = (what: string, workspace: EntryDto) =>
	`Not checked: ${what} (DocSpace refused to show it to the credential’s user), so Preview cannot say whose access the move of "${workspace.title}" ends. Check it in DocSpace before you run.`;

/**
 * Who sees the workspace now and will not once it is in the archive room (`keepAccess`: the
 * archive room's members, and the members of the group invited there). Inside a room,
 * access comes from the room's members only: DocSpace keeps no user or group shares on items
 * in rooms (FileSecurity `_availableRoomFileAccesses`: links only), and drops the shares of
 * files moved out of "My documents" into a room (FileMoveCopyOperation: `deleteLinks`).
 */
export async function accessLostByMove(
	portal: Portal,
	workspace: EntryDto,
	keepAccess: ReadonlySet<string>,
): Promise<string | undefined> {
	const { ctx, itemIndex } = portal;
	const source = await sourceRoom(portal, workspace);
	let losing: ShareDto[];
	let who: string;
	if (source) {
		const members = await unlessRefused(roomMembersOnce(portal, source.id));
		if (!members) return notChecked(`who the members of "${source.title}" are`, workspace);
		// The owner and DocSpace admins read every room (FileSecurity.FilterEntryAsync).
		losing = members.filter(
			(s) =>
				!keepAccess.has(shareSubjectId(s)) && !s.sharedToUser?.isAdmin && !s.sharedToUser?.isOwner,
		);
		who = `${losing.length === 1 ? 'a member' : 'members'} of "${source.title}"`;
	} else if (workspace.rootFolderType === FOLDER_TYPE.MY_DOCUMENTS) {
		const shares = await unlessRefused(getSharing(ctx, 'folder', String(workspace.id), itemIndex));
		if (!shares) return notChecked(`whom "${workspace.title}" is shared with`, workspace);
		losing = shares.filter((s) => !s.isOwner && !keepAccess.has(shareSubjectId(s)));
		who = 'it is shared with them in My documents';
	} else return undefined;
	if (!losing.length) return undefined;
	return `${losing.map(nameOfShare).join(', ')} (${who}) will no longer see "${workspace.title}" once it is in the archive room: in a room only its members and DocSpace admins see its content. Invite whoever still needs it to the archive room.`;
}
