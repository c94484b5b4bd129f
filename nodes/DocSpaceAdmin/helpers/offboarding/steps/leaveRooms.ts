import { NodeOperationError } from 'n8n-workflow';

import { SHARE } from '../../../api/codes';
import { FormRoleBlocksRemoval, setRoomAccess } from '../../../api/rooms';
import type { EntryDto } from '../../../api/dto';
import { allowed } from '../../entries';
import { isArchived } from '../../reassignment';
import { roomsWithMember } from '../../roomSearches';
import { memberRooms } from '../sharedReads';
import type { Step } from './step';
import { MEMBERSHIPS_ENDED, nameOf, quotedTitles, ReadBackMismatch } from './step';

export const leaveRooms = {
	name: 'leaveRooms',
	title: 'Leave the rooms they are a member of',
	destructive: true,
	settings: ['leaveRooms', 'removeFormFillers', 'finalStep'],
	async read(portal, { deletedOn, settings, user, access }) {
		if (deletedOn || !settings.leaveRooms || settings.finalStep !== 'keep') return;
		for (const room of await memberRooms(portal, user.id)) {
			if ((room.ownedBy ?? room.createdBy)?.id === user.id) continue;
			if (isArchived(room))
				access.keptRooms.push({
					room,
					reason: 'it is in the Archive, where members cannot change',
				});
			else if (!allowed(room, 'EditAccess'))
				access.keptRooms.push({
					room,
					reason: 'the credential’s user is not a room manager there',
				});
			else access.rooms.push(room);
		}
	},
	plan({ deletedOn, settings, user, access }) {
		if (deletedOn) return { status: 'alreadyDone', detail: MEMBERSHIPS_ENDED };
		if (!settings.leaveRooms)
			return { status: 'skipped', detail: 'Not chosen: the leaver stays a member of their rooms' };
		if (settings.finalStep !== 'keep')
			return { status: 'skipped', detail: 'Deleting the profile ends the room memberships' };
		const name = nameOf(user);
		const warnings = access.keptRooms.length
			? [
					`${name} stays a member of ${access.keptRooms.map((k) => `"${k.room.title}" (${k.reason})`).join(', ')}: remove them there by hand, or delete the profile.`,
				]
			: [];
		if (!access.rooms.length)
			return {
				status: access.keptRooms.length ? 'skipped' : 'alreadyDone',
				detail: `${name} is in no room the node can take them out of`,
				warnings,
			};
		const fillers = settings.removeFormFillers ? ', even where they fill in forms' : '';
		return {
			status: 'pending',
			detail: `Remove ${name} from ${quotedTitles(access.rooms)}${fillers}`,
			warnings,
		};
	},
	/**
	 * A form-filling role blocks the removal unless forced; such rooms move to the kept ones with
	 * the reason (reported, not failed), so that `access.rooms` is what the leaver left.
	 */
	async run({ ctx, itemIndex }, { user, settings, access }) {
		const left: EntryDto[] = [];
		for (const room of access.rooms) {
			const removed = await setRoomAccess(
				ctx,
				room.id,
				[{ id: user.id, access: SHARE.NONE }],
				{ force: settings.removeFormFillers },
				itemIndex,
			).then(
				() => true,
				(error: Error) => {
					if (error instanceof FormRoleBlocksRemoval) return false;
					throw new NodeOperationError(ctx.getNode(), error, { itemIndex });
				},
			);
			if (removed) left.push(room);
			else
				access.keptRooms.push({
					room,
					reason: 'fills in forms there: turn on "Remove Even Form Fillers"',
				});
		}
		access.rooms = left;
		const stayed = access.keptRooms.map((k) => `"${k.room.title}" (${k.reason})`);
		const rest = stayed.length ? `; still a member of ${stayed.join(', ')}` : '';
		return `${nameOf(user)} removed from ${left.length ? quotedTitles(left) : 'no room'}${rest}`;
	},
	async verify({ ctx, itemIndex }, { user, access }) {
		const now = await roomsWithMember(ctx, user.id, itemIndex);
		const still = access.rooms.filter((room) => now.some((r) => String(r.id) === String(room.id)));
		if (still.length)
			throw new ReadBackMismatch(`${nameOf(user)} still a member of ${quotedTitles(still)}`);
		const kept = access.keptRooms.length
			? `; still a member, as reported, of ${quotedTitles(access.keptRooms.map((k) => k.room))}`
			: '';
		return `${nameOf(user)} is a member of none of the rooms they left${kept}`;
	},
	summary: ({ access }) => ({
		rooms: [
			...access.rooms.map((r) => ({ id: r.id, title: r.title, willLeave: true })),
			...access.keptRooms.map((k) => ({
				id: k.room.id,
				title: k.room.title,
				willLeave: false,
				reason: k.reason,
			})),
		],
	}),
} satisfies Step<'leaveRooms'>;
