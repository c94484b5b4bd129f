import { SEARCH_AREA } from '../../api/codes';
import type { EmployeeFull, EntryDto } from '../../api/dto';
import { listRooms } from '../../api/rooms';
import { roomsOnce } from './sharedReads';
import type { Portal } from './steps/step';
import { nameOf } from './steps/step';

/** How an archive room is known to be a leaver's: its title carries their user ID. */

/** DocSpace cuts longer titles (Global.ReplaceInvalidCharsAndTruncate). */
const MAX_ROOM_TITLE = 170;
/** A GUID in parentheses at the end of a title: the leaver an archive room was made for. */
const ARCHIVE_OWNER_MARK =
	/\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)\s*$/i;

/**
 * The archive room's title always carries the leaver's user ID: two people with the same name
 * ("John Smith") get two rooms, and a later run finds the room by the ID, never by the name.
 */
export function archiveTitle(leaver: EmployeeFull, chosen?: string): string {
	const base = chosen?.trim() || `Archive – ${nameOf(leaver)}`;
	if (archiveRoomLeaver(base) === leaver.id.toLowerCase()) return base;
	const mark = ` (${leaver.id})`;
	return `${base.slice(0, MAX_ROOM_TITLE - mark.length).trimEnd()}${mark}`;
}

/** The user ID an archive room's title says it was made for, if any. */
export function archiveRoomLeaver(title: string | undefined): string | undefined {
	return title?.match(ARCHIVE_OWNER_MARK)?.[1]?.toLowerCase();
}

const ownedBySelf = (room: EntryDto, self: EmployeeFull) =>
	(room.ownedBy ?? room.createdBy)?.id === self.id;

/**
 * The room an earlier run created for this leaver: owned by the credential's user, its title
 * carrying the leaver's ID. The one with the expected title first, else the oldest. Searched by
 * the ID, then by the whole title (a portal with full-text search may not match a bare ID).
 */
export async function findOwnArchiveRoom(
	portal: Portal,
	leaverId: string,
	title: string,
	self: EmployeeFull,
): Promise<EntryDto | undefined> {
	// Every room, when they were read for many leavers: the searches below only narrow that list.
	const all = await roomsOnce(portal);
	for (const filterValue of all ? [undefined] : [leaverId, title]) {
		const rooms =
			all ??
			(await listRooms(
				portal.ctx,
				{ filterValue, searchArea: SEARCH_AREA.ANY },
				undefined,
				portal.itemIndex,
			));
		const candidates = rooms.filter(
			(room) => ownedBySelf(room, self) && archiveRoomLeaver(room.title) === leaverId.toLowerCase(),
		);
		const found =
			candidates.find((room) => room.title === title) ??
			[...candidates].sort((a, b) => a.id - b.id)[0];
		if (found) return found;
	}
	return undefined;
}
