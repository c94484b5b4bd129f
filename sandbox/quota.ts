/**
 * Room storage quotas as DocSpace-server keeps them: a portal-wide switch and default
 * (`TenantRoomQuotaSettings.EnableQuota`, `DefaultQuota`) and a per-room setting
 * (`DbRoomSettings.Quota`: -2 the default, -1 no quota, else bytes).
 */
import type { Entry } from './model';
import type { SandboxState } from './state';

export const ROOM_QUOTA = { NONE: -1, DEFAULT: -2 } as const;

/** Bytes of the files under an entry (the server's `Folder.Counter`; versions are not modelled). */
export function usedSpace(state: SandboxState, entry: Entry): number {
	if (entry.kind === 'file') return entry.size ?? 0;
	return state.children(entry.id).reduce((sum, child) => sum + usedSpace(state, child), 0);
}

/**
 * While room quotas are on: the room's limit (its own setting, else the portal's default; -1
 * none) and whether it is its own. The server stores a setting below -1 as -2, the default
 * (FolderDao.ChangeFolderQuotaAsync), so "above -2" and "not -2" are the same test.
 */
export function roomQuota(
	state: SandboxState,
	room: Entry,
): { limit: number; custom: boolean } | undefined {
	const settings = state.quota.rooms;
	if (!settings) return undefined;
	const own = room.quota ?? ROOM_QUOTA.DEFAULT;
	const custom = own > ROOM_QUOTA.DEFAULT;
	return { limit: custom ? own : settings.defaultQuota, custom };
}

/** The room's limit in bytes, or undefined when no quota applies. */
export function quotaLimit(state: SandboxState, room: Entry): number | undefined {
	const limit = roomQuota(state, room)?.limit;
	return limit === ROOM_QUOTA.NONE ? undefined : limit;
}

/**
 * CopyPermissionsCheck.CheckFoldersPermissionsAsync: a folder moved or copied into another room
 * must fit in that room's free space (`roomQuotaLimit - toFolderRoom.Counter < folder.Counter`),
 * checked before the operation is queued. Files are not checked there.
 */
export function roomQuotaProblem(
	state: SandboxState,
	entry: Entry,
	dest: Entry,
): string | undefined {
	if (entry.kind !== 'folder' || state.isRoom(entry)) return undefined;
	const toRoom = state.isRoom(dest) ? dest : state.room(dest);
	if (!toRoom || toRoom.id === state.room(entry)?.id) return undefined;
	const limit = quotaLimit(state, toRoom);
	if (limit === undefined || limit - usedSpace(state, toRoom) >= usedSpace(state, entry))
		return undefined;
	// FileSizeComment.GetRoomFreeSpaceException; the resource text itself is an assumption.
	return `The room's storage quota is exceeded (${limit} bytes).`;
}
