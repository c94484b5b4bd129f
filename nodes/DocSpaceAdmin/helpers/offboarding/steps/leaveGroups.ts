import {
	getManagedGroups,
	getUserGroups,
	removeGroupMembers,
	setGroupManager,
} from '../../../api/groups';
import { isActiveNonGuest } from '../../users';
import { groupsOnce } from '../sharedReads';
import type { Step } from './step';
import {
	capitalise,
	isPortalAdmin,
	MEMBERSHIPS_ENDED,
	nameOf,
	quotedTitles,
	ReadBackMismatch,
} from './step';

export const leaveGroups = {
	name: 'leaveGroups',
	title: 'Leave their groups, handing the groups they manage to a successor',
	destructive: true,
	settings: ['leaveGroups', 'newGroupManagerId'],
	async read(portal, { deletedOn, settings, user, access }) {
		if (deletedOn || !settings.leaveGroups) return;
		// The profile lists the user's groups as `group/user/{id}` does: both are
		// UserManager.GetUserGroupsAsync (EmployeeFullDtoHelper.FillGroupsAsync; none: no field).
		access.groups = (user.groups ?? []).map(({ id, name }) => ({ id, name }));
		// A manager need not be a member: the portal's groups, each with its manager.
		access.managed = (await groupsOnce(portal)).filter((g) => g.manager?.id === user.id);
	},
	plan({ deletedOn, settings, user, self, successor, access }) {
		if (deletedOn) return { status: 'alreadyDone', detail: MEMBERSHIPS_ENDED };
		if (!settings.leaveGroups)
			return { status: 'skipped', detail: 'Not chosen: the leaver stays in their groups' };
		const name = nameOf(user);
		if (!access.groups.length && !access.managed.length)
			return { status: 'alreadyDone', detail: `${name} is in no group` };
		const blockers: string[] = [];
		if (!isPortalAdmin(self))
			blockers.push(
				`Only a DocSpace admin may change groups: use an admin’s credential, or turn off "Remove From Groups".`,
			);
		const parts: string[] = [];
		if (access.managed.length) {
			// DocSpace ignores a guest or disabled manager without an error (GroupsController.SetGroupManager).
			if (!isActiveNonGuest(successor))
				blockers.push(
					`${nameOf(successor)} cannot manage groups: choose an active user who is not a guest as the new group manager.`,
				);
			parts.push(`make ${nameOf(successor)} manager of ${quotedTitles(access.managed)}`);
		}
		if (access.groups.length) parts.push(`remove ${name} from ${quotedTitles(access.groups)}`);
		return { status: 'pending', detail: capitalise(parts.join(', then ')), blockers };
	},
	async run({ ctx, itemIndex }, { user, successor, access }) {
		for (const group of access.managed) {
			const updated = await setGroupManager(ctx, group.id, successor.id, itemIndex);
			if (updated?.manager?.id && updated.manager.id !== successor.id)
				throw new Error(`DocSpace kept the manager of "${group.name}" unchanged`);
		}
		// Set the new manager first: removing a manager as a member leaves them manager.
		for (const group of access.groups)
			await removeGroupMembers(ctx, group.id, [user.id], itemIndex);
		const handed = access.managed.length
			? `; ${nameOf(successor)} now manages ${quotedTitles(access.managed)}`
			: '';
		return `${nameOf(user)} removed from ${access.groups.length ? quotedTitles(access.groups) : 'no group'}${handed}`;
	},
	async verify({ ctx, itemIndex }, { user, access }) {
		const still = (await getUserGroups(ctx, user.id, itemIndex)).filter((g) =>
			access.groups.some((planned) => planned.id === g.id),
		);
		const manages = await getManagedGroups(ctx, user.id, itemIndex);
		if (still.length || manages.length)
			throw new ReadBackMismatch(
				[
					still.length ? `${nameOf(user)} still in ${quotedTitles(still)}` : '',
					manages.length ? `${nameOf(user)} still manager of ${quotedTitles(manages)}` : '',
				]
					.filter(Boolean)
					.join(' and '),
			);
		return `${nameOf(user)} is in none of those groups and manages none`;
	},
	summary: ({ access }) => ({
		groups: access.groups.map((g) => ({
			id: g.id,
			name: g.name,
			manages: access.managed.some((m) => m.id === g.id),
		})),
		managedGroups: access.managed.map((g) => ({ id: g.id, name: g.name })),
	}),
} satisfies Step<'leaveGroups'>;
