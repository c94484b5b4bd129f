import { counted } from './names';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EntryDto } from '../api/dto';
import type { VanishedTaskCheck } from './poller/waitForTask';
import { FOLDER_TYPE, HTTP, httpCodeOf } from '../api/codes';
import { getUserById } from '../api/people';
import { reassignNecessary } from '../api/peopleTasks';
import { roomsOwnedBy } from './roomSearches';

export interface ReassignmentNeed {
	needed: boolean;
	/** Rooms the user owns, active and archived. */
	ownedRooms: EntryDto[];
	archivedRooms: number;
	/** DocSpace's check asked in its Guest form: active rooms owned, or else files shared from "My documents". */
	ownsActiveRoomsOrSharedFiles: boolean;
	reasons: string[];
}

export function isArchived(room: EntryDto): boolean {
	return room.rootFolderType === FOLDER_TYPE.ARCHIVE;
}

/**
 * Whether the user's data should go to someone else, from facts the node reads rather than
 * DocSpace's yes/no alone: `GET people/reassign/necessary` counts only **active** rooms the user
 * owns, and files shared from "My documents" only when asked with `Type=Guest`
 * (ReassignController.NecessaryReassign, FileStorageService.AnyRoomsAsync). So the node lists the
 * rooms the user owns in any area and asks the check in its Guest form.
 */
export async function reassignmentNeed(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
	/** The rooms the user owns, when the caller has them already. */
	owned?: EntryDto[],
): Promise<ReassignmentNeed> {
	const ownedRooms = owned ?? (await roomsOwnedBy(ctx, userId, itemIndex));
	const archivedRooms = ownedRooms.filter(isArchived).length;
	const activeRooms = ownedRooms.length - archivedRooms;
	// NecessaryReassign is AnyRoomsAsync(userId) first: true whenever an active room is theirs
	// (ReassignController.NecessaryReassign), so rooms read for many leavers spare the question.
	const ownsActiveRoomsOrSharedFiles =
		(owned !== undefined && activeRooms > 0) ||
		(await reassignNecessary(ctx, userId, 'Guest', itemIndex));
	const reasons: string[] = [];
	if (activeRooms) reasons.push(`owns ${counted(activeRooms, 'active room')}`);
	if (archivedRooms)
		reasons.push(
			`owns ${counted(archivedRooms, 'archived room')}, which only a reassignment can hand over (DocSpace refuses Change Owner in the Archive)`,
		);
	if (ownsActiveRoomsOrSharedFiles && !activeRooms)
		reasons.push('shared files from "My documents"');
	return {
		needed: ownedRooms.length > 0 || ownsActiveRoomsOrSharedFiles,
		ownedRooms,
		archivedRooms,
		ownsActiveRoomsOrSharedFiles,
		reasons,
	};
}

export function describeNeed(need: ReassignmentNeed): IDataObject {
	return {
		reassignmentNeeded: need.needed,
		reasons: need.reasons,
		ownedRooms: need.ownedRooms.length,
		archivedRooms: need.archivedRooms,
	};
}

async function profileIsGone(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
): Promise<boolean> {
	try {
		return (await getUserById(ctx, userId, itemIndex)) === undefined;
	} catch (error) {
		return httpCodeOf(error) === HTTP.NOT_FOUND;
	}
}

/**
 * A reassignment DocSpace stopped reporting (it drops a finished task about a minute after its
 * last update) completed if the user owns nothing any more, or if the profile is gone (the
 * reassignment deletes it when asked to).
 */
export function reassignmentOutcome(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
): VanishedTaskCheck {
	return async () => {
		if (await profileIsGone(ctx, userId, itemIndex)) return 'completed';
		return (await reassignmentNeed(ctx, userId, itemIndex)).needed ? undefined : 'completed';
	};
}

/** A data removal ends by deleting the profile: once it is gone, the removal completed. */
export function removalOutcome(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
): VanishedTaskCheck {
	return async () => ((await profileIsGone(ctx, userId, itemIndex)) ? 'completed' : undefined);
}
