import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { allowed, simplifyEntry } from '../../helpers/entries';
import { person } from '../../helpers/jobs';
import { changeRoomOwner, setRoomAccess } from '../../api/rooms';
import { isActiveAdminOrRoomAdmin, notAdminOrRoomAdmin } from '../../helpers/users';
import { isArchived } from '../../helpers/reassignment';
import { roomLocator, userLocator, showOnlyFor } from '../common.descriptions';
import { fetchRoomFromLocator, fetchUserFromLocator } from '../parameters';

const properties: INodeProperties[] = [
	roomLocator(),
	userLocator('New Owner', {
		name: 'newOwner',
		searchListMethod: 'searchAdmins',
		description: 'An active DocSpace admin or room admin',
	}),
	{
		displayName: 'Remove Previous Owner',
		name: 'removePreviousOwner',
		type: 'boolean',
		default: false,
		description:
			'Whether to take the previous owner out of the room. Off: DocSpace keeps them as room manager.',
	},
];

export const description = showOnlyFor('room', 'changeOwner', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const room = await fetchRoomFromLocator(this, itemIndex);
	const owner = await fetchUserFromLocator(this, 'newOwner', 'New Owner', itemIndex);
	if (!isActiveAdminOrRoomAdmin(owner))
		throw notAdminOrRoomAdmin(this.getNode(), owner, 'New Owner', 'cannot own rooms', itemIndex);
	const previous = (room.ownedBy ?? room.createdBy)?.id;
	if (isArchived(room)) {
		throw new NodeOperationError(
			this.getNode(),
			`The room "${room.title}" is in the Archive [item ${itemIndex}]`,
			{
				description:
					'DocSpace refuses Change Owner for archived rooms. Restore the room first (Room → Unarchive), or hand all of a leaver’s rooms over with Data Reassignment, which also covers archived rooms.',
				itemIndex,
			},
		);
	}
	const removed = this.getNodeParameter('removePreviousOwner', itemIndex, false) as boolean;
	// Refuse before changing anything what DocSpace would refuse halfway (the room's `security` flags).
	if (removed && !allowed(room, 'EditAccess')) {
		throw new NodeOperationError(
			this.getNode(),
			`The credential’s user may not remove members of "${room.title}" [item ${itemIndex}]`,
			{
				description:
					'Only the room’s owner and its room managers may change its members; a DocSpace admin who was not invited may not. Turn off "Remove Previous Owner", or invite the credential’s user as room manager first. Nothing was changed.',
				itemIndex,
			},
		);
	}
	const updatedRooms = await changeRoomOwner(this, room.id, owner.id, itemIndex);
	if (removed && previous && previous !== owner.id) {
		await setRoomAccess(
			this,
			String(room.id),
			[{ id: previous, access: 0 }],
			{ force: true },
			itemIndex,
		);
	}
	const updated = updatedRooms[0] ?? room;
	return [
		{
			...simplifyEntry(updated),
			newOwner: person(owner),
			previousOwnerId: previous,
			previousOwnerRemoved: removed && previous !== owner.id,
		},
	];
}
