import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { FileOperation } from '../../helpers/dto';
import { describeFileOperation } from '../../helpers/fileOperations';
import { waitSettings } from '../../helpers/jobs';
import { waitForFileOperation } from '../../helpers/poller';
import { fetchRoom } from '../../helpers/rooms';
import type { Envelope } from '../../transport';
import { apiRequest } from '../../transport';
import { roomLocator, waitProperties } from '../common.descriptions';

/** Archive and Unarchive: a file operation that moves the room, followed by the poller. */
export function archiveOperation(operation: 'archive' | 'unarchive', help: string) {
	return {
		description: updateDisplayOptions({ show: { resource: ['room'], operation: [operation] } }, [
			roomLocator(help),
			...waitProperties(operation === 'archive' ? 'archiving' : 'restoring'),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const room = await fetchRoom.call(this, itemIndex);
			const envelope = (await apiRequest.call(this, {
				method: 'PUT',
				path: ['files', 'rooms', room.id, operation],
				body: { deleteAfter: false },
				error: { action: `${operation} the room`, requiredRole: 'a DocSpace admin, the room owner or a room manager', itemIndex },
			})) as Envelope<FileOperation>;
			const started = envelope.response as FileOperation;
			const base = { roomId: room.id, title: room.title };
			const settings = waitSettings(this, itemIndex);
			if (!settings) return [{ ...base, ...describeFileOperation(started) }];
			const result = await waitForFileOperation.call(this, started.id, `${operation === 'archive' ? 'archiving' : 'restoring'} the room`, settings, itemIndex);
			return [{ ...base, ...describeFileOperation(result.state.operation ?? { ...started, finished: true }), outcome: result.outcome }];
		},
	};
}
