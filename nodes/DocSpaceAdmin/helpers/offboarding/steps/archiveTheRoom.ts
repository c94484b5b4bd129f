import { getRoom, startRoomArchiving } from '../../../api/rooms';
import { isArchived } from '../../reassignment';
import { roomIsIn } from '../../destination';
import { followOperation } from './jobs';
import type { Step } from './step';
import { ReadBackMismatch } from './step';

export const archiveTheRoom = {
	name: 'archiveTheRoom',
	title: 'Optionally move the archive room to DocSpace’s Archive (read-only), and wait',
	destructive: true,
	settings: ['archiveTheRoom'],
	plan({ archive, settings }) {
		if (archive.skipped || !archive.room)
			return { status: 'skipped', detail: archive.skipped ?? 'No archive room' };
		const title = `"${archive.room.title}"`;
		if (!settings.archiveTheRoom)
			return { status: 'skipped', detail: `${title} stays an active room` };
		return archive.room.archived
			? { status: 'alreadyDone', detail: `${title} is in DocSpace’s Archive` }
			: { status: 'pending', detail: `Move ${title} to DocSpace’s Archive (read-only), and wait` };
	},
	async run(portal, { archive }) {
		const { ctx, itemIndex } = portal;
		const roomId = archive.room!.id!;
		const started = await startRoomArchiving(ctx, roomId, 'archive', itemIndex);
		await followOperation(
			portal,
			started,
			'archiving the room',
			roomIsIn(ctx, roomId, 'archive', itemIndex),
		);
		return `"${archive.room!.title}" moved to DocSpace’s Archive`;
	},
	async verify({ ctx, itemIndex }, { archive }) {
		const room = await getRoom(ctx, archive.room!.id!, itemIndex);
		if (!isArchived(room))
			throw new ReadBackMismatch(`"${room.title}" still among the active rooms`);
		return `"${room.title}" is in DocSpace’s Archive`;
	},
} satisfies Step<'archiveTheRoom'>;
