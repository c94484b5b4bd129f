import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { EntryDto } from '../../helpers/entries';
import { simplifyEntry } from '../../helpers/entries';
import { person } from '../../helpers/jobs';
import { fetchRoom, setRoomAccess } from '../../helpers/rooms';
import { fetchUserFromLocator, isActiveAdminOrRoomAdmin } from '../../helpers/users';
import type { Envelope } from '../../transport';
import { apiRequest } from '../../transport';
import { roomLocator, userLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	roomLocator(),
	userLocator('New Owner', { name: 'newOwner', searchListMethod: 'searchAdmins', description: 'An active DocSpace admin or room admin' }),
	{
		displayName: 'Remove Previous Owner',
		name: 'removePreviousOwner',
		type: 'boolean',
		default: false,
		description: 'Whether to take the previous owner out of the room. Off: DocSpace keeps them as room manager.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['room'], operation: ['changeOwner'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const room = await fetchRoom.call(this, itemIndex);
	const owner = await fetchUserFromLocator.call(this, 'newOwner', 'New Owner', itemIndex);
	if (!isActiveAdminOrRoomAdmin(owner)) {
		throw new NodeOperationError(this.getNode(), `Invalid value in the parameter 'New Owner' [item ${itemIndex}]`, {
			description: `${owner.displayName ?? owner.id} cannot own rooms: pick an active DocSpace admin or room admin.`,
			itemIndex,
		});
	}
	const previous = (room.ownedBy ?? room.createdBy)?.id;
	const envelope = (await apiRequest.call(this, {
		method: 'POST',
		path: ['files', 'owner'],
		body: { folderIds: [room.id], userId: owner.id },
		error: { action: 'change the room’s owner', requiredRole: 'a DocSpace admin or the room’s owner', itemIndex },
	})) as Envelope<EntryDto[]>;
	const removed = this.getNodeParameter('removePreviousOwner', itemIndex, false) as boolean;
	if (removed && previous && previous !== owner.id) {
		await setRoomAccess(this, String(room.id), [{ id: previous, access: 0 }], { force: true }, itemIndex);
	}
	const updated = envelope.response?.[0] ?? room;
	return [{ ...simplifyEntry(updated), newOwner: person(owner), previousOwnerId: previous, previousOwnerRemoved: removed && previous !== owner.id }];
}
