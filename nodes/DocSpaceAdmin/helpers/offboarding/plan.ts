import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { readEvents } from '../audit';
import type { EmployeeFull, TaskProgress } from '../dto';
import { userType } from '../dto';
import { isTaskFinished } from '../poller';
import type { ReassignmentNeed } from '../reassignment';
import { isArchived, reassignmentNeed } from '../reassignment';
import { fetchUser, isActiveAdminOrRoomAdmin, isDisabled, readUserLocator } from '../users';
import { requireId } from '../validate';
import { AUDIT_ACTION, HTTP, httpCodeOf, TASK_STATUS } from '../../api/codes';
import { getSelf, getTaskProgress } from '../../api/people';
import type { AccessPlan } from './access';
import { planAccess } from './access';
import type { ArchivePlan } from './archive';
import { archiveSummary, planArchive } from './archive';
import type { FinalStep, OffboardingSettings, PlannedStep } from './types';

export type { FinalStep, OffboardingSettings, PlannedStep, StepName } from './types';

/** Everything Preview shows and Run acts on; built from reads only. */
export interface Plan {
	user: EmployeeFull;
	recipient: EmployeeFull;
	self: EmployeeFull;
	settings: OffboardingSettings;
	reassignTask?: TaskProgress;
	need?: ReassignmentNeed;
	archive: ArchivePlan;
	access: AccessPlan;
	steps: PlannedStep[];
	warnings: string[];
	/** Reasons the plan cannot run at all. */
	blockers: string[];
}

export function readSettings(ctx: IExecuteFunctions, itemIndex: number): OffboardingSettings {
	const node = ctx.getNode();
	const text = (name: string) => String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const optional = (name: string, label: string, kind: 'folder' | 'group' | 'room' | 'user') => {
		const value = text(name);
		return value ? requireId(node, kind, value, label, itemIndex) : undefined;
	};
	const workspaceFolderId = optional('workspaceFolderId', 'Workspace Folder ID', 'folder');
	const archiveInto = ctx.getNodeParameter(
		'archiveInto',
		itemIndex,
		'newRoom',
	) as OffboardingSettings['archiveInto'];
	return {
		workspaceFolderId,
		archiveInto,
		archiveRoomTitle: archiveInto === 'newRoom' ? text('archiveRoomTitle') : undefined,
		archiveRoomId:
			workspaceFolderId && archiveInto === 'existingRoom'
				? optional('archiveRoomId', 'Archive Room ID', 'room')
				: undefined,
		readOnlyGroupId: workspaceFolderId
			? optional('readOnlyGroupId', 'Read-Only Group ID', 'group')
			: undefined,
		archiveTheRoom: ctx.getNodeParameter('archiveTheRoom', itemIndex, false) as boolean,
		leaveGroups: ctx.getNodeParameter('leaveGroups', itemIndex, true) as boolean,
		newGroupManagerId: optional('newGroupManagerId', 'New Group Manager ID', 'user'),
		leaveRooms: ctx.getNodeParameter('leaveRooms', itemIndex, true) as boolean,
		removeFormFillers: ctx.getNodeParameter('removeFormFillers', itemIndex, false) as boolean,
		revokeKeysAndApps: ctx.getNodeParameter('revokeKeysAndApps', itemIndex, true) as boolean,
		finalStep: ctx.getNodeParameter('finalStep', itemIndex, 'keep') as FinalStep,
	};
}

const nameOf = (user: EmployeeFull) => user.displayName ?? user.email ?? user.id;

/** What DocSpace would refuse for this leaver, recipient and credential (UserController, ReassignController). */
function peopleBlockers(
	user: EmployeeFull,
	recipient: EmployeeFull,
	self: EmployeeFull,
	finalStep: FinalStep,
): string[] {
	const name = nameOf(user);
	const blockers: string[] = [];
	if (user.isOwner)
		blockers.push('The portal owner cannot be offboarded. Transfer portal ownership first.');
	if (user.id === self.id)
		blockers.push(
			'The credential’s own user cannot be offboarded with it: DocSpace refuses to disable or reassign the caller. Use another admin’s credential.',
		);
	if (user.isAdmin && !user.isOwner && !self.isOwner)
		blockers.push(
			`${name} is a DocSpace admin: only the portal owner may disable them and hand over their data. Use the owner’s credential.`,
		);
	if (user.isLDAP && !isDisabled(user))
		blockers.push(
			`${name} signs in through LDAP: DocSpace refuses to disable LDAP users. Disable them in your LDAP directory, then run again.`,
		);
	if (user.isLDAP && finalStep === 'deleteProfile')
		blockers.push(
			`${name} signs in through LDAP: DocSpace refuses to delete LDAP users. Choose "Keep the Disabled Profile".`,
		);
	if (user.id === recipient.id)
		blockers.push('The recipient must be someone else than the departing user.');
	if (!isActiveAdminOrRoomAdmin(recipient))
		blockers.push(
			`${nameOf(recipient)} cannot receive data: choose an active DocSpace admin or room admin.`,
		);
	return blockers;
}

export async function buildPlan(ctx: IExecuteFunctions, itemIndex: number): Promise<Plan> {
	const settings = readSettings(ctx, itemIndex);
	const ref = readUserLocator(ctx, 'user', 'User', itemIndex);
	const recipient = await fetchUser.call(
		ctx,
		readUserLocator(ctx, 'recipient', 'Recipient', itemIndex),
		'Recipient',
		itemIndex,
	);
	const self = await getSelf(ctx, itemIndex);
	let user: EmployeeFull;
	try {
		user = await fetchUser.call(ctx, ref, 'User', itemIndex);
	} catch (error) {
		// A profile deleted by an earlier run: everything that concerned it is done.
		const userId = 'id' in ref ? ref.id : undefined;
		const deletedOn =
			userId && httpCodeOf(error) === HTTP.NOT_FOUND
				? await deletionDate(ctx, userId, itemIndex)
				: undefined;
		if (!userId || !deletedOn) throw new NodeApiError(ctx.getNode(), error as JsonObject);
		return await deletedUserPlan(ctx, userId, deletedOn, recipient, self, settings, itemIndex);
	}
	const name = nameOf(user);
	const warnings: string[] = [];
	const blockers = peopleBlockers(user, recipient, self, settings.finalStep);
	const successor = settings.newGroupManagerId
		? await fetchUser.call(
				ctx,
				{ id: settings.newGroupManagerId },
				'New Group Manager ID',
				itemIndex,
			)
		: recipient;
	const access = await planAccess(ctx, settings, user, successor, self, itemIndex);
	const archive = await planArchive(ctx, settings, user, recipient, self, itemIndex);
	blockers.push(...access.blockers, ...archive.blockers);
	warnings.push(...access.warnings, ...archive.warnings);
	if (settings.finalStep !== 'keep') {
		warnings.push(
			'Private files in the user’s "My documents" cannot be transferred by an admin: files they never shared are deleted with the profile. Ask the user to move or share what must be kept before they leave.',
		);
	}
	// DocSpace answers 403 to these reads for an admin leaver unless the caller is the owner.
	const readable = !(user.isAdmin && !self.isOwner);
	const reassignTask = readable
		? await getTaskProgress(ctx, 'reassign', user.id, itemIndex)
		: undefined;
	const need = readable ? await reassignmentNeed(ctx, user.id, itemIndex) : undefined;
	const running = reassignTask !== undefined && !isTaskFinished(reassignTask);
	const reassignDone = reassignTask?.status === TASK_STATUS.COMPLETED;
	const steps: PlannedStep[] = [
		isDisabled(user)
			? { step: 'disable', status: 'alreadyDone', detail: `${name} is already disabled` }
			: {
					step: 'disable',
					status: 'pending',
					detail: `Disable ${name} and end all their sessions`,
				},
		running
			? {
					step: 'reassign',
					status: 'pending',
					detail: `Wait for the running reassignment (${reassignTask.percentage}%)`,
				}
			: need?.needed
				? {
						step: 'reassign',
						status: 'pending',
						detail: `Hand over to ${nameOf(recipient)} what ${name} ${need.reasons.join('; ')}, and wait`,
					}
				: {
						step: 'reassign',
						status: reassignDone ? 'alreadyDone' : 'skipped',
						detail: reassignDone
							? 'Data already reassigned'
							: `${name} owns no rooms and shared no files`,
					},
		...access.steps,
		...archive.steps,
		finalStep(settings.finalStep, name),
		{
			step: 'auditSummary',
			status: 'pending',
			detail: `Summarise the audit trail of ${name} (reads only)`,
		},
	];
	return {
		user,
		recipient,
		self,
		settings,
		reassignTask,
		need,
		archive,
		access,
		steps,
		warnings,
		blockers,
	};
}

function finalStep(choice: FinalStep, name: string): PlannedStep {
	switch (choice) {
		case 'keep':
			return { step: 'finalize', status: 'skipped', detail: 'The disabled profile is kept' };
		case 'deleteProfile':
			return {
				step: 'finalize',
				status: 'pending',
				detail: `Delete the profile of ${name} (their remaining personal files go with it)`,
			};
		case 'removeData':
			return {
				step: 'finalize',
				status: 'pending',
				detail: `Erase the personal documents of ${name} and delete the profile`,
			};
		default:
			throw new Error(`Unknown final step "${String(choice)}"`);
	}
}

export function planSummary(plan: Plan): IDataObject {
	const { user, recipient, need } = plan;
	return {
		user: {
			id: user.id,
			displayName: user.displayName,
			email: user.email,
			status: isDisabled(user) ? 'disabled' : 'active',
			type: userType(user),
			profileUrl: user.profileUrl,
		},
		recipient: { id: recipient.id, displayName: recipient.displayName, email: recipient.email },
		ranAs: { id: plan.self.id, displayName: plan.self.displayName, type: userType(plan.self) },
		ownedRooms: (need?.ownedRooms ?? []).map((r) => ({
			id: r.id,
			title: r.title,
			archived: isArchived(r),
		})),
		reassignment: need ? { needed: need.needed, reasons: need.reasons } : undefined,
		groups: plan.access.groups.map((g) => ({
			id: g.id,
			name: g.name,
			manages: plan.access.managed.some((m) => m.id === g.id),
		})),
		managedGroups: plan.access.managed.map((g) => ({ id: g.id, name: g.name })),
		rooms: [
			...plan.access.rooms.map((r) => ({ id: r.id, title: r.title, willLeave: true })),
			...plan.access.keptRooms.map((k) => ({
				id: k.room.id,
				title: k.room.title,
				willLeave: false,
				reason: k.reason,
			})),
		],
		apiKeys: plan.access.keys.map((k) => ({ id: k.id, name: k.name, keyPostfix: k.keyPostfix })),
		oauthApps: plan.access.clients.map((c) => ({ id: c.client_id, name: c.name })),
		archive: archiveSummary(plan.archive),
	};
}

async function deletionDate(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
): Promise<string | undefined> {
	try {
		const [event] = await readEvents(
			ctx,
			'events',
			{ action: AUDIT_ACTION.USER_DELETED, target: userId },
			1,
			itemIndex,
		);
		return event?.date;
	} catch {
		return undefined;
	}
}

async function deletedUserPlan(
	ctx: IExecuteFunctions,
	userId: string,
	deletedOn: string,
	recipient: EmployeeFull,
	self: EmployeeFull,
	settings: OffboardingSettings,
	itemIndex: number,
): Promise<Plan> {
	const user: EmployeeFull = { id: userId, displayName: userId };
	const access = await planAccess(ctx, settings, user, recipient, self, itemIndex, true);
	const archive = await planArchive(ctx, settings, user, recipient, self, itemIndex);
	const gone = `The profile was deleted on ${deletedOn}`;
	return {
		user,
		recipient,
		self,
		settings,
		archive,
		access,
		warnings: [...access.warnings, ...archive.warnings],
		blockers: [...access.blockers, ...archive.blockers],
		steps: [
			{ step: 'disable', status: 'alreadyDone', detail: gone },
			{ step: 'reassign', status: 'alreadyDone', detail: gone },
			...access.steps,
			...archive.steps,
			{ step: 'finalize', status: 'alreadyDone', detail: gone },
			{ step: 'auditSummary', status: 'pending', detail: 'Summarise the audit trail (reads only)' },
		],
	};
}
