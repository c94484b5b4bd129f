import { setRoomAccess } from '../../../api/rooms';
import type { Step } from './step';
import { nameOf } from './step';

export const archiveAccess = {
	name: 'archiveAccess',
	title: 'Give the recipient (and the read-only group) access to the archive room',
	destructive: true,
	settings: ['readOnlyGroupId'],
	plan({ archive, recipient }) {
		if (archive.skipped || !archive.room)
			return { status: 'skipped', detail: archive.skipped ?? 'No archive room' };
		const title = `"${archive.room.title}"`;
		const invited = archive.invitations.map((i) =>
			i.id === recipient.id ? `${nameOf(recipient)} as room manager` : `group ${i.id} as viewers`,
		);
		return invited.length
			? { status: 'pending', detail: `Add to ${title}: ${invited.join(', ')}` }
			: { status: 'alreadyDone', detail: `${title} already has the archive’s members` };
	},
	async run({ ctx, itemIndex }, { archive }, planned) {
		const members = await setRoomAccess(
			ctx,
			archive.room!.id!,
			archive.invitations,
			{ notify: false },
			itemIndex,
		);
		// DocSpace skips some invitees without an error (e.g. disabled users): check who made it.
		const added = new Set(members.map((m) => m.sharedToUser?.id ?? m.sharedToGroup?.id));
		const missing = archive.invitations.filter((i) => !added.has(i.id)).map((i) => i.id);
		if (missing.length)
			throw new Error(
				`DocSpace did not add ${missing.join(', ')} to the room (it skips disabled users and groups that no longer exist)`,
			);
		return planned.detail.replace(/^Add to/, 'Added to');
	},
} satisfies Step<'archiveAccess'>;
