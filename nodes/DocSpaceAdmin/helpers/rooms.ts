import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EntryDto } from './entries';
import { entryIdFromParameter } from './entries';
import type { ShareDto } from './shares';
import type { Envelope } from '../transport';
import { apiRequest } from '../transport';

export async function fetchRoom(this: IExecuteFunctions, itemIndex: number): Promise<EntryDto> {
	const roomId = entryIdFromParameter(this, 'room', 'room', 'Room', itemIndex);
	const envelope = (await apiRequest.call(this, {
		method: 'GET',
		path: ['files', 'rooms', roomId],
		error: { action: 'get the room', notFound: `No room has the ID ${roomId}`, itemIndex },
	})) as Envelope<EntryDto>;
	return envelope.response as EntryDto;
}

interface RoomSecurity {
	members?: ShareDto[];
	error?: number;
	warning?: string;
}

/** Sets (or with access 0 removes) room members; `force` is needed to remove form fillers. */
export async function setRoomAccess(
	ctx: IExecuteFunctions,
	roomId: string,
	invitations: Array<{ id: string; access: number }>,
	options: { notify?: boolean; message?: string; force?: boolean },
	itemIndex: number,
): Promise<ShareDto[]> {
	const body: IDataObject = { invitations, notify: options.notify ?? false, force: options.force ?? false };
	if (options.notify && options.message) body.message = options.message;
	const envelope = (await apiRequest.call(ctx, {
		method: 'PUT',
		path: ['files', 'rooms', roomId, 'share'],
		body,
		error: {
			action: 'change the room’s members',
			requiredRole: 'a DocSpace admin, the room owner or a room manager',
			notFound: `No room has the ID ${roomId}`,
			itemIndex,
		},
	})) as Envelope<RoomSecurity>;
	if (envelope.response?.error === 1) {
		throw new NodeOperationError(ctx.getNode(), `DocSpace kept the room’s members unchanged [item ${itemIndex}]`, {
			description:
				'A member to remove holds a role in a form-filling process. Turn on "Remove Even Form Fillers" to remove them anyway.',
			itemIndex,
		});
	}
	return envelope.response?.members ?? [];
}
