import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EmployeeFull } from '../dto';
import type { EntryDto } from '../entries';
import { allowed } from '../entries';
import { isArchived } from '../reassignment';
import { isActiveNonGuest } from '../users';
import { SEARCH_AREA, SHARE, SUBJECT_FILTER } from '../../api/codes';
import type { OAuthClientDto } from '../../api/clients';
import { deleteClient, listClients } from '../../api/clients';
import type { GroupDto } from '../../api/groups';
import {
	getManagedGroups,
	getUserGroups,
	removeGroupMembers,
	setGroupManager,
} from '../../api/groups';
import type { ApiKeyDto } from '../../api/keys';
import { deleteApiKey, listApiKeys } from '../../api/keys';
import { FormRoleBlocksRemoval, listRooms, setRoomAccess } from '../../api/rooms';
import type { OffboardingSettings, PlannedStep } from './types';

/** Every door the leaver could still open besides their data: groups, room memberships, keys and apps. */
export interface AccessPlan {
	groups: GroupDto[];
	managed: GroupDto[];
	successor?: EmployeeFull;
	/** Rooms the leaver is a member of (not owner) that the credential's user may take them out of. */
	rooms: EntryDto[];
	/** Rooms they stay in, and why. */
	keptRooms: Array<{ room: EntryDto; reason: string }>;
	keys: ApiKeyDto[];
	clients: OAuthClientDto[];
	steps: PlannedStep[];
	blockers: string[];
	warnings: string[];
}

const nameOf = (user: EmployeeFull) => user.displayName ?? user.email ?? user.id;
const titles = (entries: Array<{ title?: string; name?: string }>) =>
	entries.map((e) => `"${e.title ?? e.name}"`).join(', ');
const isPortalAdmin = (user: EmployeeFull) => user.isOwner === true || user.isAdmin === true;

export const CONSENTS_WARNING =
	'DocSpace has no way for an admin to revoke the consents the leaver gave to OAuth apps; they stop working while the account is disabled or deleted.';

export async function planAccess(
	ctx: IExecuteFunctions,
	settings: OffboardingSettings,
	leaver: EmployeeFull,
	successor: EmployeeFull,
	self: EmployeeFull,
	itemIndex: number,
	leaverDeleted = false,
): Promise<AccessPlan> {
	const plan: AccessPlan = {
		groups: [],
		managed: [],
		rooms: [],
		keptRooms: [],
		keys: [],
		clients: [],
		steps: [],
		blockers: [],
		warnings: [],
	};
	const gone = 'The profile is deleted, which ended its group and room memberships';
	plan.steps.push(
		leaverDeleted
			? { step: 'leaveGroups', status: 'alreadyDone', detail: gone }
			: await planGroups(ctx, plan, settings, leaver, successor, self, itemIndex),
	);
	plan.steps.push(
		leaverDeleted
			? { step: 'leaveRooms', status: 'alreadyDone', detail: gone }
			: await planRooms(ctx, plan, settings, leaver, itemIndex),
	);
	plan.steps.push(await planKeys(ctx, plan, settings, leaver, self, itemIndex));
	return plan;
}

async function planGroups(
	ctx: IExecuteFunctions,
	plan: AccessPlan,
	settings: OffboardingSettings,
	leaver: EmployeeFull,
	successor: EmployeeFull,
	self: EmployeeFull,
	itemIndex: number,
): Promise<PlannedStep> {
	if (!settings.leaveGroups)
		return {
			step: 'leaveGroups',
			status: 'skipped',
			detail: 'Not chosen: the leaver stays in their groups',
		};
	plan.groups = await getUserGroups(ctx, leaver.id, itemIndex);
	plan.managed = await getManagedGroups(ctx, leaver.id, itemIndex);
	const name = nameOf(leaver);
	if (!plan.groups.length && !plan.managed.length)
		return { step: 'leaveGroups', status: 'alreadyDone', detail: `${name} is in no group` };
	if (!isPortalAdmin(self))
		plan.blockers.push(
			`Only a DocSpace admin may change groups: use an admin’s credential, or turn off "Remove From Groups".`,
		);
	const parts: string[] = [];
	if (plan.managed.length) {
		plan.successor = successor;
		// DocSpace ignores a guest or disabled manager without an error (GroupsController.SetGroupManager).
		if (!isActiveNonGuest(successor))
			plan.blockers.push(
				`${nameOf(successor)} cannot manage groups: choose an active user who is not a guest as the new group manager.`,
			);
		parts.push(`make ${nameOf(successor)} manager of ${titles(plan.managed)}`);
	}
	if (plan.groups.length) parts.push(`remove ${name} from ${titles(plan.groups)}`);
	return { step: 'leaveGroups', status: 'pending', detail: capitalise(parts.join(', then ')) };
}

async function planRooms(
	ctx: IExecuteFunctions,
	plan: AccessPlan,
	settings: OffboardingSettings,
	leaver: EmployeeFull,
	itemIndex: number,
): Promise<PlannedStep> {
	if (!settings.leaveRooms)
		return {
			step: 'leaveRooms',
			status: 'skipped',
			detail: 'Not chosen: the leaver stays a member of their rooms',
		};
	if (settings.finalStep !== 'keep')
		return {
			step: 'leaveRooms',
			status: 'skipped',
			detail: 'Deleting the profile ends the room memberships',
		};
	const memberships = await listRooms(
		ctx,
		{ subjectId: leaver.id, subjectFilter: SUBJECT_FILTER.MEMBER, searchArea: SEARCH_AREA.ANY },
		undefined,
		itemIndex,
	);
	for (const room of memberships) {
		if ((room.ownedBy ?? room.createdBy)?.id === leaver.id) continue;
		if (isArchived(room))
			plan.keptRooms.push({ room, reason: 'it is in the Archive, where members cannot change' });
		else if (!allowed(room, 'EditAccess'))
			plan.keptRooms.push({ room, reason: 'the credential’s user is not a room manager there' });
		else plan.rooms.push(room);
	}
	const name = nameOf(leaver);
	if (plan.keptRooms.length) {
		plan.warnings.push(
			`${name} stays a member of ${plan.keptRooms.map((k) => `"${k.room.title}" (${k.reason})`).join(', ')}: remove them there by hand, or delete the profile.`,
		);
	}
	if (!plan.rooms.length)
		return {
			step: 'leaveRooms',
			status: plan.keptRooms.length ? 'skipped' : 'alreadyDone',
			detail: `${name} is in no room the node can take them out of`,
		};
	const fillers = settings.removeFormFillers ? ', even where they fill in forms' : '';
	return {
		step: 'leaveRooms',
		status: 'pending',
		detail: `Remove ${name} from ${titles(plan.rooms)}${fillers}`,
	};
}

async function planKeys(
	ctx: IExecuteFunctions,
	plan: AccessPlan,
	settings: OffboardingSettings,
	leaver: EmployeeFull,
	self: EmployeeFull,
	itemIndex: number,
): Promise<PlannedStep> {
	if (!settings.revokeKeysAndApps)
		return { step: 'revokeKeysAndApps', status: 'skipped', detail: 'Not chosen' };
	if (!isPortalAdmin(self)) {
		plan.warnings.push(
			'Only a DocSpace admin can see other users’ API keys and OAuth apps: the leaver’s were not checked.',
		);
		return {
			step: 'revokeKeysAndApps',
			status: 'skipped',
			detail: 'The credential’s user is not a DocSpace admin',
		};
	}
	plan.keys = (await listApiKeys(ctx, itemIndex)).filter((k) => k.createBy?.id === leaver.id);
	try {
		plan.clients = (await listClients(ctx, itemIndex)).filter((c) => c.created_by === leaver.id);
	} catch (error) {
		plan.warnings.push(
			`The leaver’s OAuth apps could not be listed (${(error as Error).message}): check Developer Tools → OAuth in DocSpace.`,
		);
	}
	plan.warnings.push(CONSENTS_WARNING);
	const name = nameOf(leaver);
	if (!plan.keys.length && !plan.clients.length)
		return {
			step: 'revokeKeysAndApps',
			status: 'alreadyDone',
			detail: `${name} has no API keys or OAuth apps`,
		};
	// Disabled accounts' keys stop working but come back on re-enable, and survive a deleted profile (ApiKeyBearerAuthHandler, SecurityContext).
	const parts = [];
	if (plan.keys.length) parts.push(`revoke ${plan.keys.length} API key(s) (${titles(plan.keys)})`);
	if (plan.clients.length)
		parts.push(`delete ${plan.clients.length} OAuth app(s) (${titles(plan.clients)})`);
	return {
		step: 'revokeKeysAndApps',
		status: 'pending',
		detail: `${capitalise(parts.join(' and '))} of ${name}`,
	};
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- running ----

export async function runLeaveGroups(
	ctx: IExecuteFunctions,
	plan: AccessPlan,
	leaver: EmployeeFull,
	itemIndex: number,
): Promise<string> {
	const successor = plan.successor;
	for (const group of plan.managed) {
		if (!successor) break;
		const updated = await setGroupManager(ctx, group.id, successor.id, itemIndex);
		if (updated?.manager?.id && updated.manager.id !== successor.id)
			throw new Error(`DocSpace kept the manager of "${group.name}" unchanged`);
	}
	// Set the new manager first: removing a manager as a member leaves them manager.
	for (const group of plan.groups) await removeGroupMembers(ctx, group.id, [leaver.id], itemIndex);
	const handed =
		plan.managed.length && successor
			? `; ${nameOf(successor)} now manages ${titles(plan.managed)}`
			: '';
	return `${nameOf(leaver)} removed from ${plan.groups.length} group(s)${handed}`;
}

/** A form-filling role blocks the removal unless forced; such rooms are reported, not failed. */
export async function runLeaveRooms(
	ctx: IExecuteFunctions,
	plan: AccessPlan,
	leaver: EmployeeFull,
	force: boolean,
	itemIndex: number,
): Promise<string> {
	const left: string[] = [];
	const stayed: string[] = plan.keptRooms.map((k) => `"${k.room.title}" (${k.reason})`);
	for (const room of plan.rooms) {
		const removed = await setRoomAccess(
			ctx,
			room.id,
			[{ id: leaver.id, access: SHARE.NONE }],
			{ force },
			itemIndex,
		).then(
			() => true,
			(error: Error) => {
				if (error instanceof FormRoleBlocksRemoval) return false;
				throw new NodeOperationError(ctx.getNode(), error, { itemIndex });
			},
		);
		if (removed) left.push(`"${room.title}"`);
		else stayed.push(`"${room.title}" (fills in forms there: turn on "Remove Even Form Fillers")`);
	}
	const rest = stayed.length ? `; still a member of ${stayed.join(', ')}` : '';
	return `${nameOf(leaver)} removed from ${left.length ? left.join(', ') : 'no room'}${rest}`;
}

export async function runRevokeKeysAndApps(
	ctx: IExecuteFunctions,
	plan: AccessPlan,
	leaver: EmployeeFull,
	itemIndex: number,
): Promise<string> {
	for (const key of plan.keys) await deleteApiKey(ctx, key.id, itemIndex);
	// DocSpace answers true even when it deleted nothing: look again.
	const left = (await listApiKeys(ctx, itemIndex)).filter((k) =>
		plan.keys.some((p) => p.id === k.id),
	);
	if (left.length)
		throw new Error(`DocSpace still lists the API key(s) ${titles(left)} of ${nameOf(leaver)}`);
	for (const client of plan.clients) await deleteClient(ctx, client.client_id, itemIndex);
	return `${plan.keys.length} API key(s) revoked, ${plan.clients.length} OAuth app(s) deleted`;
}
