import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { readEvents } from '../audit';
import type { EmployeeFull, TaskProgress } from '../dto';
import { userType } from '../dto';
import type { EntryDto } from '../entries';
import { getTaskProgress } from '../poller';
import type { ShareDto } from '../shares';
import { fetchUser, isActiveAdminOrRoomAdmin, isReassignmentNeeded, readUserLocator } from '../users';
import { requireId } from '../validate';
import type { Envelope } from '../../transport';
import { apiRequest, apiRequestAllItems } from '../../transport';

export type StepName = 'disable' | 'reassign' | 'moveWorkspace' | 'archiveAccess' | 'finalize' | 'auditSummary';
export type StepStatus = 'pending' | 'alreadyDone' | 'skipped';
export type FinalStep = 'keep' | 'deleteProfile' | 'removeData';

export interface PlannedStep {
	step: StepName;
	status: StepStatus;
	detail: string;
}

export interface OffboardingSettings {
	workspaceFolderId?: string;
	archiveFolderId?: string;
	readOnlyGroupId?: string;
	removeOtherAccess: boolean;
	finalStep: FinalStep;
}

export interface ShareChange {
	shareTo: string;
	access: number;
}

/** Everything Preview shows and Run acts on; built from reads only. */
export interface Plan {
	user: EmployeeFull;
	recipient: EmployeeFull;
	settings: OffboardingSettings;
	reassignTask?: TaskProgress;
	ownedRooms: EntryDto[];
	workspace?: EntryDto;
	archive?: EntryDto;
	shareChanges: ShareChange[];
	steps: PlannedStep[];
	warnings: string[];
	/** Reasons the plan cannot run at all. */
	blockers: string[];
}

export function readSettings(ctx: IExecuteFunctions, itemIndex: number): OffboardingSettings {
	const node = ctx.getNode();
	const optional = (name: string, label: string, kind: 'folder' | 'group') => {
		const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
		return value ? requireId(node, kind, value, label, itemIndex) : undefined;
	};
	return {
		workspaceFolderId: optional('workspaceFolderId', 'Workspace Folder ID', 'folder'),
		archiveFolderId: optional('archiveFolderId', 'Archive Folder ID', 'folder'),
		readOnlyGroupId: optional('readOnlyGroupId', 'Read-Only Group ID', 'group'),
		removeOtherAccess: ctx.getNodeParameter('removeOtherAccess', itemIndex, true) as boolean,
		finalStep: ctx.getNodeParameter('finalStep', itemIndex, 'keep') as FinalStep,
	};
}

async function folderInfo(ctx: IExecuteFunctions, id: string, label: string, itemIndex: number): Promise<EntryDto> {
	const envelope = (await apiRequest.call(ctx, {
		method: 'GET',
		path: ['files', 'folder', id],
		error: { action: `read the ${label}`, notFound: `No folder has the ID ${id} (${label})`, itemIndex },
	})) as Envelope<EntryDto>;
	return envelope.response as EntryDto;
}

/** The shares the archived workspace should end up with, as changes to send. */
function shareChanges(current: ShareDto[], recipientId: string, settings: OffboardingSettings, ownerId?: string): ShareChange[] {
	const have = new Map(current.map((s) => [s.sharedToUser?.id ?? s.sharedToGroup?.id ?? '', s.access]));
	const want = new Map<string, number>([[recipientId, 1]]);
	if (settings.readOnlyGroupId) want.set(settings.readOnlyGroupId, 2);
	const changes: ShareChange[] = [];
	for (const [subject, access] of want) if (have.get(subject) !== access) changes.push({ shareTo: subject, access });
	if (settings.removeOtherAccess) {
		for (const share of current) {
			const subject = share.sharedToUser?.id ?? share.sharedToGroup?.id;
			if (subject && !want.has(subject) && !share.isOwner && subject !== ownerId && share.access !== 0) {
				changes.push({ shareTo: subject, access: 0 });
			}
		}
	}
	return changes;
}

export async function buildPlan(ctx: IExecuteFunctions, itemIndex: number): Promise<Plan> {
	const settings = readSettings(ctx, itemIndex);
	const ref = readUserLocator(ctx, 'user', 'User', itemIndex);
	const recipient = await fetchUser.call(ctx, readUserLocator(ctx, 'recipient', 'Recipient', itemIndex), 'Recipient', itemIndex);
	let user: EmployeeFull;
	try {
		user = await fetchUser.call(ctx, ref, 'User', itemIndex);
	} catch (error) {
		// A profile deleted by an earlier run: everything that concerned it is done.
		const userId = 'id' in ref ? ref.id : undefined;
		const deletedOn = userId && (error as { httpCode?: string }).httpCode === '404' ? await deletionDate(ctx, userId, itemIndex) : undefined;
		if (!userId || !deletedOn) throw new NodeApiError(ctx.getNode(), error as JsonObject);
		return await deletedUserPlan(ctx, userId, deletedOn, recipient, settings, itemIndex);
	}
	const name = user.displayName ?? user.id;
	const warnings: string[] = [];
	const blockers: string[] = [];

	if (user.isOwner) blockers.push('The portal owner cannot be offboarded. Transfer portal ownership first.');
	if (user.id === recipient.id) blockers.push('The recipient must be someone else than the departing user.');
	if (!isActiveAdminOrRoomAdmin(recipient)) {
		blockers.push(`${recipient.displayName ?? recipient.id} cannot receive data: choose an active DocSpace admin or room admin.`);
	}
	if (user.isAdmin) warnings.push(`${name} is a DocSpace admin: only the portal owner may disable them and reassign their data.`);

	const reassignTask = await getTaskProgress.call(ctx, 'reassign', user.id, itemIndex);
	const needed = await isReassignmentNeeded(ctx, user, itemIndex);
	const ownedRooms = (await apiRequestAllItems.call(
		ctx,
		{ method: 'GET', path: ['files', 'rooms'], qs: { subjectId: user.id, subjectFilter: 0, searchArea: 2 }, error: { action: 'list the user’s rooms', itemIndex } },
		undefined,
		(envelope) => {
			const content = (envelope.response ?? {}) as { folders?: EntryDto[]; total?: number };
			return { rows: content.folders ?? [], total: content.total };
		},
	)) as EntryDto[];

	const space = await workspacePlan(ctx, settings, recipient, itemIndex);
	blockers.push(...space.blockers);
	if (settings.finalStep !== 'keep') {
		warnings.push(
			'Private files in the user’s "My documents" cannot be transferred by an admin: files they never shared are deleted with the profile. Ask the user to move or share what must be kept before they leave.',
		);
	}

	const running = reassignTask && reassignTask.status < 2;
	const reassignDone = reassignTask?.status === 2;
	const steps: PlannedStep[] = [
		user.status === 2
			? { step: 'disable', status: 'alreadyDone', detail: `${name} is already disabled` }
			: { step: 'disable', status: 'pending', detail: `Disable ${name} and end all their sessions` },
		running
			? { step: 'reassign', status: 'pending', detail: `Wait for the running reassignment (${reassignTask.percentage}%)` }
			: needed
				? { step: 'reassign', status: 'pending', detail: `Hand ${ownedRooms.length} room(s) and the files ${name} shared to ${recipient.displayName ?? recipient.id}, and wait` }
				: { step: 'reassign', status: reassignDone ? 'alreadyDone' : 'skipped', detail: reassignDone ? 'Data already reassigned' : `${name} owns no rooms or shared files` },
		...space.steps,
		settings.finalStep === 'keep'
			? { step: 'finalize', status: 'skipped', detail: 'The disabled profile is kept' }
			: {
					step: 'finalize',
					status: 'pending',
					detail:
						settings.finalStep === 'deleteProfile'
							? `Delete the profile of ${name} (their remaining personal files go with it)`
							: `Erase the personal documents of ${name} and delete the profile`,
				},
		{ step: 'auditSummary', status: 'pending', detail: `Summarise the audit trail of ${name} (reads only)` },
	];
	return { user, recipient, settings, reassignTask, ownedRooms, ...space, steps, warnings, blockers };
}

/** The workspace half of the plan: move into the archive folder, then set its access. */
async function workspacePlan(ctx: IExecuteFunctions, settings: OffboardingSettings, recipient: EmployeeFull, itemIndex: number) {
	const blockers: string[] = [];
	if (!settings.workspaceFolderId) {
		const none = 'No workspace folder chosen';
		return {
			blockers,
			shareChanges: [] as ShareChange[],
			steps: [
				{ step: 'moveWorkspace', status: 'skipped', detail: none },
				{ step: 'archiveAccess', status: 'skipped', detail: none },
			] as PlannedStep[],
		};
	}
	if (!settings.archiveFolderId) blockers.push('A workspace folder was chosen but no archive folder to move it into.');
	const workspace = await folderInfo(ctx, settings.workspaceFolderId, 'workspace folder', itemIndex);
	const archive = settings.archiveFolderId ? await folderInfo(ctx, settings.archiveFolderId, 'archive folder', itemIndex) : undefined;
	const archived = archive !== undefined && workspace.parentId === archive.id;
	if (archive && !archived) {
		const check = (await apiRequest.call(ctx, {
			method: 'GET',
			path: ['files', 'fileops', 'checkdestfolder'],
			qs: { destFolderId: archive.id, folderIds: [workspace.id] },
			error: { action: 'check the archive folder', itemIndex },
		})) as Envelope<{ result: number }>;
		if (check.response?.result !== 0) blockers.push(`The archive folder "${archive.title}" refuses the workspace folder: check the credential’s rights there.`);
	}
	const shares = (await apiRequestAllItems.call(ctx, {
		method: 'GET',
		path: ['files', 'folder', workspace.id, 'share'],
		error: { action: 'read the workspace folder’s sharing', itemIndex },
	})) as ShareDto[];
	const changes = shareChanges(shares, recipient.id, settings, workspace.createdBy?.id);
	const steps: PlannedStep[] = [
		archived
			? { step: 'moveWorkspace', status: 'alreadyDone', detail: `"${workspace.title}" is already in "${archive.title}"` }
			: { step: 'moveWorkspace', status: 'pending', detail: `Move "${workspace.title}" into "${archive?.title ?? '?'}", and wait` },
		changes.length === 0
			? { step: 'archiveAccess', status: 'alreadyDone', detail: 'The workspace already has the archive access' }
			: { step: 'archiveAccess', status: 'pending', detail: describeChanges(changes, recipient) },
	];
	return { blockers, workspace, archive, shareChanges: changes, steps };
}

function describeChanges(changes: ShareChange[], recipient: EmployeeFull): string {
	const parts = changes.map((c) =>
		c.shareTo === recipient.id ? `full access for ${recipient.displayName ?? recipient.id}` : c.access === 2 ? `read-only for group ${c.shareTo}` : `remove ${c.shareTo}`,
	);
	return `Set the workspace’s access: ${parts.join(', ')}`;
}

export function planSummary(plan: Plan): IDataObject {
	return {
		user: { id: plan.user.id, displayName: plan.user.displayName, email: plan.user.email, status: plan.user.status === 2 ? 'disabled' : 'active', type: userType(plan.user), profileUrl: plan.user.profileUrl },
		recipient: { id: plan.recipient.id, displayName: plan.recipient.displayName, email: plan.recipient.email },
		ownedRooms: plan.ownedRooms.map((r) => ({ id: r.id, title: r.title, archived: r.rootFolderType === 20 })),
		workspace: plan.workspace ? { id: plan.workspace.id, title: plan.workspace.title } : undefined,
		archiveFolder: plan.archive ? { id: plan.archive.id, title: plan.archive.title } : undefined,
	};
}

async function deletionDate(ctx: IExecuteFunctions, userId: string, itemIndex: number): Promise<string | undefined> {
	try {
		const [event] = await readEvents(ctx, 'events', { action: 4018, target: userId }, 1, itemIndex);
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
	settings: OffboardingSettings,
	itemIndex: number,
): Promise<Plan> {
	const space = await workspacePlan(ctx, settings, recipient, itemIndex);
	const gone = `The profile was deleted on ${deletedOn}`;
	return {
		user: { id: userId, displayName: userId, status: 2 },
		recipient,
		settings,
		ownedRooms: [],
		...space,
		warnings: [],
		steps: [
			{ step: 'disable', status: 'alreadyDone', detail: gone },
			{ step: 'reassign', status: 'alreadyDone', detail: gone },
			...space.steps,
			{ step: 'finalize', status: 'alreadyDone', detail: gone },
			{ step: 'auditSummary', status: 'pending', detail: 'Summarise the audit trail (reads only)' },
		],
	};
}
