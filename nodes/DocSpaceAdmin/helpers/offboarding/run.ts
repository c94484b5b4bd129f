import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AuditEventDto } from '../audit';
import { readEvents } from '../audit';
import type { FileOperation, TaskProgress } from '../dto';
import { waitSettings } from '../jobs';
import type { JobResult, TaskState } from '../poller';
import { DEFAULT_WAIT, waitForFileOperation, waitForTask } from '../poller';
import type { Plan, PlannedStep, StepName } from './plan';
import type { Envelope } from '../../transport';
import { apiRequest } from '../../transport';

export interface StepReport {
	step: StepName;
	status: 'done' | 'alreadyDone' | 'skipped' | 'failed';
	detail: string;
	durationSeconds?: number;
	error?: string;
}

/** Steps that change or erase data; none of them runs after a failed step. */
const DESTRUCTIVE: StepName[] = ['reassign', 'moveWorkspace', 'archiveAccess', 'finalize'];

function completed(result: JobResult<TaskState>, what: string): void {
	if (result.outcome !== 'completed') {
		throw new Error(`${what} did not finish in time (${result.state.progress?.percentage ?? 0}%); it ${result.outcome === 'terminated' ? 'was terminated' : 'is still running in DocSpace'}`);
	}
}

async function runStep(ctx: IExecuteFunctions, plan: Plan, step: PlannedStep, itemIndex: number): Promise<string> {
	const { user, recipient, settings } = plan;
	const wait = waitSettings(ctx, itemIndex) ?? DEFAULT_WAIT;
	switch (step.step) {
		case 'disable':
			await apiRequest.call(ctx, {
				method: 'PUT',
				path: ['people', 'status', 2],
				body: { userIds: [user.id], resendAll: false },
				error: { action: 'disable the user', requiredRole: 'a DocSpace admin (the owner for DocSpace admins)', itemIndex },
			});
			return `${user.displayName ?? user.id} disabled; sessions ended`;
		case 'reassign': {
			if (!plan.reassignTask || plan.reassignTask.status >= 2) {
				await apiRequest.call(ctx, {
					method: 'POST',
					path: ['people', 'reassign', 'start'],
					body: { fromUserId: user.id, toUserId: recipient.id, deleteProfile: false },
					error: { action: 'start the reassignment', requiredRole: 'a DocSpace admin (the owner for DocSpace admins)', itemIndex },
				});
			}
			completed(await waitForTask.call(ctx, 'reassign', user.id, 'the reassignment', wait, itemIndex), 'The reassignment');
			return `Rooms and shared files handed to ${recipient.displayName ?? recipient.id}`;
		}
		case 'moveWorkspace': {
			const started = (await apiRequest.call(ctx, {
				method: 'PUT',
				path: ['files', 'fileops', 'move'],
				body: { folderIds: [plan.workspace!.id], fileIds: [], destFolderId: plan.archive!.id, conflictResolveType: 'Duplicate', deleteAfter: false, returnSingleOperation: true },
				error: { action: 'move the workspace folder', itemIndex },
			})) as Envelope<FileOperation[]>;
			const operation = started.response?.[0];
			if (!operation) throw new Error('DocSpace did not start the move');
			const result = await waitForFileOperation.call(ctx, operation.id, 'moving the workspace', wait, itemIndex);
			if (result.outcome !== 'completed') throw new Error('The move did not finish in time');
			return `"${plan.workspace!.title}" moved into "${plan.archive!.title}"`;
		}
		case 'archiveAccess':
			await apiRequest.call(ctx, {
				method: 'PUT',
				path: ['files', 'folder', plan.workspace!.id, 'share'],
				body: { share: plan.shareChanges, notify: false },
				error: { action: 'set the workspace’s access', itemIndex },
			});
			return step.detail.replace(/^Set the workspace’s access:/, 'Workspace access set:');
		case 'finalize': {
			// Never erase anything while DocSpace is still handing the data over.
			const task = (await apiRequest.call(ctx, {
				method: 'GET',
				path: ['people', 'reassign', 'progress', user.id],
				error: { action: 'check the reassignment', itemIndex },
			})) as Envelope<TaskProgress>;
			if (task.response && task.response.status < 2) throw new Error('The reassignment is still running; nothing was deleted');
			if (settings.finalStep === 'deleteProfile') {
				await apiRequest.call(ctx, {
					method: 'DELETE',
					path: ['people', user.id],
					error: { action: 'delete the profile', requiredRole: 'a DocSpace admin (the owner for DocSpace admins)', itemIndex },
				});
				return `Profile of ${user.displayName ?? user.id} deleted`;
			}
			await apiRequest.call(ctx, {
				method: 'POST',
				path: ['people', 'remove', 'start'],
				body: { userId: user.id },
				error: { action: 'start the data removal', requiredRole: 'a DocSpace admin (the owner for DocSpace admins)', itemIndex },
			});
			completed(await waitForTask.call(ctx, 'remove', user.id, 'the data removal', wait, itemIndex), 'The data removal');
			return `Personal documents and profile of ${user.displayName ?? user.id} removed`;
		}
		default:
			return step.detail;
	}
}

/** The user's trail: what they did (as actor) and what was done to them (as target). */
export async function auditSummary(ctx: IExecuteFunctions, userId: string, itemIndex: number): Promise<IDataObject> {
	try {
		const asActor = (await readEvents(ctx, 'events', { userId }, 100, itemIndex)) as AuditEventDto[];
		const asTarget = (await readEvents(ctx, 'events', { target: userId }, 100, itemIndex)) as AuditEventDto[];
		const byAction: Record<string, number> = {};
		for (const e of asActor) byAction[String(e.action ?? e.actionId)] = (byAction[String(e.action ?? e.actionId)] ?? 0) + 1;
		return {
			available: true,
			eventsByUser: asActor.length,
			lastActivity: asActor[0]?.date,
			byAction,
			offboardingEvents: asTarget.filter((e) => [4006, 4018, 4020, 4022, 4030, 4031].includes(e.actionId ?? 0)).map((e) => ({ date: e.date, action: e.action, by: e.user })),
		};
	} catch (error) {
		return { available: false, reason: (error as Error).message };
	}
}

/**
 * Carries out the plan in the only safe order. A failed step stops every data-changing
 * step after it; the audit summary (reads only) is still produced.
 */
export async function runPlan(ctx: IExecuteFunctions, plan: Plan, itemIndex: number): Promise<{ steps: StepReport[]; audit?: IDataObject }> {
	if (plan.blockers.length) {
		throw new NodeOperationError(ctx.getNode(), `The offboarding cannot start [item ${itemIndex}]: ${plan.blockers[0]}`, {
			description: `${plan.blockers.join(' ')} Nothing was changed. Run Preview to see the whole plan.`,
			itemIndex,
		});
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
			reports.push({ step: step.step, status: 'skipped', detail: `Not run: the step "${failed}" failed` });
			continue;
		}
		const started = Date.now();
		try {
			let detail: string;
			if (step.step === 'auditSummary') {
				audit = await auditSummary(ctx, plan.user.id, itemIndex);
				detail = audit.available ? `${String(audit.eventsByUser)} event(s) by the user` : `Audit trail not available: ${String(audit.reason)}`;
			} else {
				detail = await runStep(ctx, plan, step, itemIndex);
			}
			reports.push({ step: step.step, status: 'done', detail, durationSeconds: seconds(started) });
		} catch (error) {
			failed = step.step;
			reports.push({ step: step.step, status: 'failed', detail: step.detail, error: (error as Error).message, durationSeconds: seconds(started) });
		}
	}
	return { steps: reports, audit };
}

function seconds(since: number): number {
	return Math.round((Date.now() - since) / 100) / 10;
}
