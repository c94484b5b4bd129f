import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { startRoomArchiving } from '../../api/rooms';
import { roomIsIn } from '../../helpers/destination';
import { followFileOperation } from '../../helpers/jobs';
import { roomLocator, showOnlyFor } from '../common.descriptions';
import { waitProperties } from '../wait.descriptions';
import { fetchRoomFromLocator, waitSettings } from '../parameters';

/** Archive and Unarchive: a file operation that moves the room, followed by the poller. */
export function archiveOperation(operation: 'archive' | 'unarchive', help: string) {
	return {
		description: showOnlyFor('room', operation, [
			roomLocator(help),
			...waitProperties(operation === 'archive' ? 'archiving' : 'restoring'),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const room = await fetchRoomFromLocator(this, itemIndex);
			const started = await startRoomArchiving(this, room.id, operation, itemIndex);
			const subject = `${operation === 'archive' ? 'archiving' : 'restoring'} the room`;
			const { output } = await followFileOperation(
				this,
				started,
				subject,
				roomIsIn(this, room.id, operation, itemIndex),
				waitSettings(this, itemIndex),
				itemIndex,
			);
			return [{ roomId: room.id, title: room.title, ...output }];
		},
	};
}
