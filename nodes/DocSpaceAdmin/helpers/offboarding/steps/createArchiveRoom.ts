import { ROOM_TYPE } from '../../../api/codes';
import { createRoom, getRoom } from '../../../api/rooms';
import { archiveSummary, readArchive } from '../archive';
import { archiveRoomLeaver } from '../archiveIdentity';
import type { Step } from './step';
import { ReadBackMismatch } from './step';

export const createArchiveRoom = {
	name: 'createArchiveRoom',
	title: 'Create the archive room (its title carries the leaver’s user ID)',
	destructive: true,
	settings: ['workspaceFolderId', 'archiveInto', 'archiveRoomTitle', 'archiveRoomId'],
	async read(portal, state) {
		state.archive = await readArchive(
			portal,
			state.settings,
			state.user,
			state.recipient,
			state.self,
		);
	},
	plan({ archive }) {
		const { blockers, warnings } = archive;
		if (archive.skipped || !archive.room)
			return {
				status: 'skipped',
				detail: archive.skipped ?? 'No archive room',
				blockers,
				warnings,
			};
		const title = `"${archive.room.title}"`;
		return archive.room.exists
			? { status: 'alreadyDone', detail: `The archive room ${title} exists`, blockers, warnings }
			: { status: 'pending', detail: `Create the custom room ${title}`, blockers, warnings };
	},
	async run({ ctx, itemIndex }, { archive }) {
		const planned = archive.room!;
		const room = await createRoom(ctx, planned.title, ROOM_TYPE.CUSTOM, itemIndex);
		archive.room = { ...planned, id: room.id, title: room.title ?? planned.title, exists: true };
		return `Room "${archive.room.title}" created`;
	},
	async verify({ ctx, itemIndex }, { archive, user }) {
		const room = await getRoom(ctx, archive.room!.id!, itemIndex);
		// A later run finds the room by the ID in its title: a title DocSpace cut short could not be found.
		if (archiveRoomLeaver(room.title) !== user.id.toLowerCase())
			throw new ReadBackMismatch(
				`the new room as "${room.title}", without the leaver's user ID: shorten the Archive Room Name and run again`,
			);
		return `the room "${room.title}" exists; its title carries the leaver's user ID`;
	},
	summary: ({ archive }) => ({ archive: archiveSummary(archive) }),
} satisfies Step<'createArchiveRoom'>;
