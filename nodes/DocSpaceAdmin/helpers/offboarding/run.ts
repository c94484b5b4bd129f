import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AuditEventDto } from '../audit';
import { readEvents } from '../audit';
import { movedInto, roomIsIn } from '../destination';
import { followFileOperation, waitSettings } from '../jobs';
import type { JobResult, TaskState } from '../poller';
import { DEFAULT_WAIT, isTaskFinished, waitForTask } from '../poller';
import { reassignmentOutcome, removalOutcome } from '../reassignment';
import { AUDIT_ACTION, AUDIT_ENTRY, EMPLOYEE_STATUS, ROOM_TYPE } from '../../api/codes';
import { startMove } from '../../api/files';
import {
	deleteUser,
	getTaskProgress,
	setUserStatus,
	startReassignment,
	startRemoval,
} from '../../api/people';
import { createRoom, setRoomAccess, startRoomArchiving } from '../../api/rooms';
import type { FileOperation } from '../dto';
import { runLeaveGroups, runLeaveRooms, runRevokeKeysAndApps } from './access';
import { archiveRoomLeaver } from './archive';
import type { Plan, PlannedStep, StepName } from './plan';

export interface StepReport {
	step: StepName;
	status: 'done' | 'alreadyDone' | 'skipped' | 'failed';
	detail: string;
	durationSeconds?: number;
	error?: string;
}

/** Steps that change or erase data; none of them runs after a failed step. */
const DESTRUCTIVE: StepName[] = [
	'reassign',
	'leaveGroups',
	'leaveRooms',
	'revokeKeysAndApps',
	'createArchiveRoom',
	'archiveAccess',
	'moveWorkspace',
	'archiveTheRoom',
	'finalize',
];

/** The audit events that tell an offboarding's story. */
const OFFBOARDING_ACTIONS: number[] = [
	AUDIT_ACTION.USER_UPDATED,
	AUDIT_ACTION.USER_DELETED,
	AUDIT_ACTION.USERS_UPDATED_STATUS,
	AUDIT_ACTION.USERS_DELETED,
	AUDIT_ACTION.USER_DATA_REASSIGNS,
	AUDIT_ACTION.USER_DATA_REMOVING,
];

function completed(result: JobResult<TaskState>, what: string): void {
	if (result.outcome !== 'completed') {
		throw new Error(
			`${what} did not finish in time (${result.state.progress?.percentage ?? 0}%); it ${result.outcome === 'terminated' ? 'was terminated' : 'is still running in DocSpace'}`,
		);
	}
}

async function followOperation(
	ctx: IExecuteFunctions,
	started: FileOperation | undefined,
	subject: string,
	confirm: () => Promise<boolean>,
	itemIndex: number,
): Promise<void> {
	if (!started) throw new Error(`DocSpace did not start ${subject}`);
	const { outcome } = await followFileOperation(
		ctx,
		started,
		subject,
		confirm,
		itemIndex,
		waitSettings(ctx, itemIndex) ?? DEFAULT_WAIT,
	);
	if (outcome === 'unknown')
		throw new Error(
			`DocSpace no longer reports ${subject} and its result is not where it should be: check in DocSpace before running again`,
		);
	if (outcome !== 'completed') throw new Error(`${subject} did not finish in time`);
}

async function runStep(
	ctx: IExecuteFunctions,
	plan: Plan,
	step: PlannedStep,
	itemIndex: number,
): Promise<string> {
	const { user, recipient, settings, archive } = plan;
	const wait = waitSettings(ctx, itemIndex) ?? DEFAULT_WAIT;
	const name = user.displayName ?? user.id;
	switch (step.step) {
		case 'disable':
			await setUserStatus(
				ctx,
				[user.id],
				EMPLOYEE_STATUS.TERMINATED,
				'disable the user',
				itemIndex,
			);
			return `${name} disabled; sessions ended`;
		case 'reassign': {
			// A start while one runs returns the running task (QueueWorker.StartAsync): never a second job.
			if (!plan.reassignTask || isTaskFinished(plan.reassignTask))
				await startReassignment(ctx, user.id, recipient.id, false, itemIndex);
			const result = await waitForTask.call(
				ctx,
				'reassign',
				user.id,
				'the reassignment',
				wait,
				itemIndex,
				undefined,
				reassignmentOutcome(ctx, user.id, itemIndex),
			);
			completed(result, 'The reassignment');
			return `Rooms and shared files handed to ${recipient.displayName ?? recipient.id}`;
		}
		case 'leaveGroups':
			return await runLeaveGroups(ctx, plan.access, user, itemIndex);
		case 'leaveRooms':
			return await runLeaveRooms(ctx, plan.access, user, settings.removeFormFillers, itemIndex);
		case 'revokeKeysAndApps':
			return await runRevokeKeysAndApps(ctx, plan.access, user, itemIndex);
		case 'createArchiveRoom': {
			const planned = archive.room!;
			const room = await createRoom(ctx, planned.title, ROOM_TYPE.CUSTOM, itemIndex);
			archive.room = { ...planned, id: room.id, title: room.title ?? planned.title, exists: true };
			// A later run finds the room by the ID in its title: a title DocSpace cut short could not be found.
			if (archiveRoomLeaver(archive.room.title) !== user.id.toLowerCase())
				throw new Error(
					`DocSpace named the new room "${archive.room.title}", without the leaver's user ID: shorten the Archive Room Name and run again`,
				);
			return `Room "${archive.room.title}" created`;
		}
		case 'archiveAccess': {
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
			return step.detail.replace(/^Add to/, 'Added to');
		}
		case 'moveWorkspace': {
			const workspace = archive.workspace!;
			const roomId = archive.room!.id!;
			const started = await startMove(
				ctx,
				{
					folderIds: [workspace.id],
					fileIds: [],
					destFolderId: roomId,
					conflictResolveType: 'Duplicate',
				},
				itemIndex,
			);
			await followOperation(
				ctx,
				started,
				'the move of the workspace',
				movedInto(ctx, [workspace.id], [], roomId, itemIndex),
				itemIndex,
			);
			return `"${workspace.title}" moved into "${archive.room!.title}"`;
		}
		case 'archiveTheRoom': {
			const roomId = archive.room!.id!;
			const started = await startRoomArchiving(ctx, roomId, 'archive', itemIndex);
			await followOperation(
				ctx,
				started,
				'archiving the room',
				roomIsIn(ctx, roomId, 'archive', itemIndex),
				itemIndex,
			);
			return `"${archive.room!.title}" moved to DocSpace’s Archive`;
		}
		case 'finalize': {
			// Never erase anything while DocSpace is still handing the data over.
			const task = await getTaskProgress(ctx, 'reassign', user.id, itemIndex);
			if (task && !isTaskFinished(task))
				throw new Error('The reassignment is still running; nothing was deleted');
			if (settings.finalStep === 'deleteProfile') {
				await deleteUser(ctx, user.id, itemIndex);
				return `Profile of ${name} deleted`;
			}
			// Erasing is never a fallback: only the exact choice starts it.
			if (settings.finalStep !== 'removeData')
				throw new Error(`Unknown final step "${String(settings.finalStep)}"; nothing was deleted`);
			await startRemoval(ctx, user.id, itemIndex);
			completed(
				await waitForTask.call(
					ctx,
					'remove',
					user.id,
					'the data removal',
					wait,
					itemIndex,
					undefined,
					removalOutcome(ctx, user.id, itemIndex),
				),
				'The data removal',
			);
			return `Personal documents and profile of ${name} removed`;
		}
		default:
			return step.detail;
	}
}

/** The user's trail: what they did (as actor) and what was done to them (as target). */
export async function auditSummary(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		const asActor = (await readEvents(
			ctx,
			'events',
			{ userId },
			100,
			itemIndex,
		)) as AuditEventDto[];
		const asTarget = (await readEvents(
			ctx,
			'events',
			{ target: userId, entryType: AUDIT_ENTRY.USER },
			100,
			itemIndex,
		)) as AuditEventDto[];
		const byAction: Record<string, number> = {};
		for (const e of asActor)
			byAction[String(e.action ?? e.actionId)] =
				(byAction[String(e.action ?? e.actionId)] ?? 0) + 1;
		return {
			available: true,
			eventsByUser: asActor.length,
			lastActivity: asActor[0]?.date,
			byAction,
			offboardingEvents: asTarget
				.filter((e) => OFFBOARDING_ACTIONS.includes(e.actionId ?? 0))
				.map((e) => ({ date: e.date, action: e.action, by: e.user })),
		};
	} catch (error) {
		return { available: false, reason: (error as Error).message };
	}
}

/**
 * Carries out the plan in the only safe order. A failed step stops every data-changing
 * step after it; the audit summary (reads only) is still produced.
 */
export async function runPlan(
	ctx: IExecuteFunctions,
	plan: Plan,
	itemIndex: number,
): Promise<{ steps: StepReport[]; audit?: IDataObject }> {
	if (plan.blockers.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The offboarding cannot start [item ${itemIndex}]: ${plan.blockers[0]}`,
			{
				description: `${plan.blockers.join(' ')} Nothing was changed. Run Preview to see the whole plan.`,
				itemIndex,
			},
		);
	}
	const reports: StepReport[] = [];
	let failed: StepName | undefined;
	let audit: IDataObject | undefined;
	for (const step of plan.steps) {
		if (step.status !== 'pending') {
			reports.push({ step: step.step, status: step.status, detail: step.detail });
			continue;
		}
		if (failed && DESTRUCTIVE.includes(step.step)) {
			reports.push({
				step: step.step,
				status: 'skipped',
				detail: `Not run: the step "${failed}" failed`,
			});
			continue;
		}
		const started = Date.now();
		try {
			let detail: string;
			if (step.step === 'auditSummary') {
				audit = await auditSummary(ctx, plan.user.id, itemIndex);
				detail = audit.available
					? `${String(audit.eventsByUser)} event(s) by the user`
					: `Audit trail not available: ${String(audit.reason)}`;
			} else {
				detail = await runStep(ctx, plan, step, itemIndex);
			}
			reports.push({ step: step.step, status: 'done', detail, durationSeconds: seconds(started) });
		} catch (error) {
			failed = step.step;
			reports.push({
				step: step.step,
				status: 'failed',
				detail: step.detail,
				error: (error as Error).message,
				durationSeconds: seconds(started),
			});
		}
	}
	return { steps: reports, audit };
}

function seconds(since: number): number {
	return Math.round((Date.now() - since) / 100) / 10;
}
