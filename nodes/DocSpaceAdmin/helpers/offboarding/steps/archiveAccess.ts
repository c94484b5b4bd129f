import { SHARE_FILTER } from '../../../api/codes';
import { getRoomMembers, setRoomAccess } from '../../../api/rooms';
import { shareSubjectId } from '../../entries';
import type { Step } from './step';
import { nameOf, ReadBackMismatch } from './step';

export const archiveAccess = {
	name: 'archiveAccess',
	title: 'Give the recipient (and the read-only group) access to the archive room',
	destructive: true,
	settings: ['readOnlyGroupId'],
	plan({ archive, recipient }) {
		if (archive.skipped || !archive.room)
			return { status: 'skipped', detail: archive.skipped ?? 'No archive room' };
		const title = `"${archive.room.title}"`;
		const nameOfSubject = (id: string) => archive.visibleTo.find((v) => v.id === id)?.name ?? id;
		const invited = archive.invitations.map((i) =>
			i.id === recipient.id
				? `${nameOf(recipient)} as room manager`
				: `the group "${nameOfSubject(i.id)}" as viewers`,
		);
		return invited.length
			? { status: 'pending', detail: `Add to ${title}: ${invited.join(', ')}` }
			: { status: 'alreadyDone', detail: `${title} already has the archive’s members` };
	},
	async run({ ctx, itemIndex }, { archive }, planned) {
		await setRoomAccess(ctx, archive.room!.id!, archive.invitations, { notify: false }, itemIndex);
		return planned.detail.replace(/^Add to/, 'Added to');
	},
	/** DocSpace skips some invitees without an error (disabled users: FileSharingAceHelper.SetAceObjectAsync). */
	async verify({ ctx, itemIndex }, { archive }) {
		const members = await getRoomMembers(
			ctx,
			archive.room!.id!,
			SHARE_FILTER.USERS_AND_GROUPS,
			itemIndex,
		);
		const access = new Map(members.map((m) => [shareSubjectId(m), m.access]));
		const missing = archive.invitations
			.filter((i) => access.get(i.id) !== i.access)
			.map((i) => archive.visibleTo.find((v) => v.id === i.id)?.name ?? i.id);
		if (missing.length)
			throw new ReadBackMismatch(
				`${missing.join(', ')} without the planned role in the room (DocSpace skips disabled users and groups that no longer exist)`,
			);
		return `the room's members: ${members.map((m) => m.sharedToUser?.displayName ?? m.sharedToGroup?.name ?? '?').join(', ')}`;
	},
} satisfies Step<'archiveAccess'>;
