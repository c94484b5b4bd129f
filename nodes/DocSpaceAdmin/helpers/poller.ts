import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { FileOperation, TaskProgress } from './dto';
import { TASK_STATUS } from './dto';
import type { Envelope } from '../transport';
import { apiRequest } from '../transport';

export type OnTimeout = 'fail' | 'returnStatus' | 'terminate';

export interface WaitSettings {
	timeoutSeconds: number;
	pollIntervalSeconds: number;
	onTimeout: OnTimeout;
}

export const DEFAULT_WAIT: WaitSettings = { timeoutSeconds: 600, pollIntervalSeconds: 5, onTimeout: 'fail' };

export const FIRST_POLL_DELAY_MS = 250;
/** The shortest pause between two polls, however close the job seems to its end. */
export const MIN_POLL_DELAY_MS = 100;

/** Time as the poller sees it; tests pass a fake one. */
export interface Clock {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep: async (ms, signal) => await sleep(ms, signal) };

export type Phase = 'running' | 'completed' | 'failed' | 'canceled';

export interface JobWatch<S> {
	/** Used in messages, e.g. "the data reassignment of user 3f2b…". */
	subject: string;
	poll(): Promise<S>;
	phase(state: S): Phase;
	failureMessage(state: S): string;
	terminate?(): Promise<S | undefined>;
	/** 0–100 when the job reports it; lets the poller check again when the job should be done. */
	percentage?(state: S): number | undefined;
}

interface Sample {
	at: number;
	percentage: number;
}

/** Time until 100 %, at the average pace seen since the first poll; undefined without progress. */
export function estimateRemainingMs(first: Sample | undefined, last: Sample): number | undefined {
	if (!first || last.percentage <= first.percentage || last.at <= first.at) return undefined;
	const perMs = (last.percentage - first.percentage) / (last.at - first.at);
	return (100 - last.percentage) / perMs;
}

export interface JobResult<S> {
	state: S;
	outcome: 'completed' | 'timedOut' | 'terminated';
	polls: number;
	elapsedMs: number;
}

/**
 * Waits for a server-side job: polls at once, then sleeps between
 * non-terminal polls (250 ms doubling up to the chosen interval, or less when the
 * job's progress says it should finish sooner), stops at an elapsed-time deadline
 * and honours the execution's cancel signal.
 */
export async function waitForJob<S>(
	ctx: IExecuteFunctions,
	watch: JobWatch<S>,
	settings: WaitSettings,
	itemIndex: number,
	clock: Clock = realClock,
): Promise<JobResult<S>> {
	const node = ctx.getNode();
	const signal = ctx.getExecutionCancelSignal?.();
	const started = clock.now();
	const deadline = started + settings.timeoutSeconds * 1000;
	const intervalMs = Math.max(1, settings.pollIntervalSeconds) * 1000;
	let delay = Math.min(FIRST_POLL_DELAY_MS, intervalMs);
	let polls = 0;
	let first: Sample | undefined;

	for (;;) {
		const state = await watch.poll();
		polls++;
		const phase = watch.phase(state);
		const elapsedMs = clock.now() - started;
		const percentage = watch.percentage?.(state);
		const sample = percentage === undefined ? undefined : { at: clock.now(), percentage };
		first ??= sample;
		const eta = sample && estimateRemainingMs(first, sample);
		if (phase === 'completed') return { state, outcome: 'completed', polls, elapsedMs };
		if (phase === 'failed' || phase === 'canceled') {
			throw new NodeOperationError(
				node,
				`${capitalise(watch.subject)} ${phase === 'failed' ? 'failed' : 'was canceled'} [item ${itemIndex}]: ${watch.failureMessage(state)}`,
				{
					description:
						phase === 'failed'
							? 'DocSpace stopped the job with the message above. Resolve it, then start the job again.'
							: 'The job was canceled in DocSpace (or by a Terminate step) before it finished. Start it again if it is still needed.',
					itemIndex,
				},
			);
		}
		const remaining = deadline - clock.now();
		if (remaining <= 0) return await timedOut(ctx, watch, settings, state, polls, started, itemIndex, clock);
		const pause = eta === undefined ? delay : Math.min(delay, Math.max(MIN_POLL_DELAY_MS, eta + 50));
		await clock.sleep(Math.min(pause, remaining), signal);
		if (signal?.aborted) {
			throw new NodeOperationError(node, `Stopped waiting for ${watch.subject}: the execution was canceled`, {
				description: 'The job may still be running in DocSpace. Use the Get Progress operation to check it.',
				itemIndex,
			});
		}
		delay = Math.min(delay * 2, intervalMs);
	}
}

async function timedOut<S>(
	ctx: IExecuteFunctions,
	watch: JobWatch<S>,
	settings: WaitSettings,
	state: S,
	polls: number,
	started: number,
	itemIndex: number,
	clock: Clock,
): Promise<JobResult<S>> {
	const elapsedMs = clock.now() - started;
	if (settings.onTimeout === 'returnStatus') return { state, outcome: 'timedOut', polls, elapsedMs };
	if (settings.onTimeout === 'terminate' && watch.terminate) {
		const after = await watch.terminate();
		return { state: after ?? state, outcome: 'terminated', polls, elapsedMs };
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`${capitalise(watch.subject)} did not finish within ${settings.timeoutSeconds} seconds [item ${itemIndex}]`,
		{
			description:
				'The job is still running in DocSpace. Raise "Timeout (Seconds)", choose another "On Timeout" behaviour, or check later with Get Progress.',
			itemIndex,
		},
	);
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- people tasks (reassign, remove, type change, personal folder) ----

export type PeopleQueue = 'reassign' | 'remove' | 'type' | 'personalFolder';

const QUEUE_PATHS: Record<PeopleQueue, { progress: (userId: string) => string[]; terminate?: string[] }> = {
	reassign: { progress: (id) => ['people', 'reassign', 'progress', id], terminate: ['people', 'reassign', 'terminate'] },
	remove: { progress: (id) => ['people', 'remove', 'progress', id], terminate: ['people', 'remove', 'terminate'] },
	type: { progress: (id) => ['people', 'type', 'progress', id], terminate: ['people', 'type', 'terminate'] },
	personalFolder: { progress: () => ['people', 'delete', 'personal', 'progress'] },
};

/** A task's state; `undefined` progress means DocSpace holds no task for the user. */
export interface TaskState {
	progress?: TaskProgress;
}

export function taskPhase(state: TaskState): Phase {
	const p = state.progress;
	if (!p) return 'failed';
	if (p.status === 4) return 'failed';
	if (p.status === 3) return 'canceled';
	if (p.status === 2) return 'completed';
	return 'running';
}

export async function getTaskProgress(
	this: IExecuteFunctions,
	queue: PeopleQueue,
	userId: string,
	itemIndex: number,
): Promise<TaskProgress | undefined> {
	const envelope = (await apiRequest.call(this, {
		method: 'GET',
		path: QUEUE_PATHS[queue].progress(userId),
		error: { action: `read the ${queue} progress`, requiredRole: 'a DocSpace admin or the owner', itemIndex },
	})) as Envelope<TaskProgress>;
	return envelope.response;
}

export function describeTask(progress: TaskProgress | undefined): IDataObject {
	if (!progress) return { status: 'none', percentage: 0, isCompleted: false, error: '' };
	return {
		taskId: progress.id,
		status: TASK_STATUS[progress.status as keyof typeof TASK_STATUS] ?? String(progress.status),
		statusCode: progress.status,
		percentage: progress.percentage,
		isCompleted: progress.isCompleted,
		error: progress.error,
	};
}

export async function waitForTask(
	this: IExecuteFunctions,
	queue: PeopleQueue,
	userId: string,
	subject: string,
	settings: WaitSettings,
	itemIndex: number,
	clock?: Clock,
): Promise<JobResult<TaskState>> {
	const terminatePath = QUEUE_PATHS[queue].terminate;
	return await waitForJob(
		this,
		{
			subject,
			poll: async () => ({ progress: await getTaskProgress.call(this, queue, userId, itemIndex) }),
			phase: taskPhase,
			percentage: (state: TaskState) => state.progress?.percentage,
			failureMessage: (state: TaskState) =>
				state.progress
					? state.progress.error || 'no reason given'
					: 'DocSpace holds no such task for this user (it was never started or has expired)',
			terminate: terminatePath
				? async () => {
						const envelope = (await apiRequest.call(this, {
							method: 'PUT',
							path: terminatePath,
							body: { userId },
							error: { action: `terminate ${subject}`, itemIndex },
						})) as Envelope<TaskProgress>;
						return envelope.response ? { progress: envelope.response } : undefined;
					}
				: undefined,
		},
		settings,
		itemIndex,
		clock,
	);
}

// ---- file operations (move, copy, delete, archive) ----

/** `operation` is undefined once DocSpace has reported the finished operation and dropped it. */
export interface FileOperationState {
	operation?: FileOperation;
	seen: boolean;
}

export function fileOperationPhase(state: FileOperationState): Phase {
	const op = state.operation;
	if (!op) return 'completed';
	if (op.finished || (op.status !== undefined && op.status >= 2)) {
		if (op.error) return 'failed';
		return op.status === 3 ? 'canceled' : 'completed';
	}
	return 'running';
}

export async function waitForFileOperation(
	this: IExecuteFunctions,
	operationId: string,
	subject: string,
	settings: WaitSettings,
	itemIndex: number,
	clock?: Clock,
): Promise<JobResult<FileOperationState>> {
	let seen = false;
	return await waitForJob(
		this,
		{
			subject,
			poll: async () => {
				const envelope = (await apiRequest.call(this, {
					method: 'GET',
					path: ['files', 'fileops'],
					qs: { id: operationId },
					error: { action: 'read the file operation status', itemIndex },
				})) as Envelope<FileOperation[]>;
				const operation = (envelope.response ?? []).find((op) => op.id === operationId);
				seen = seen || operation !== undefined;
				return { operation, seen };
			},
			phase: fileOperationPhase,
			percentage: (state: FileOperationState) => state.operation?.progress,
			failureMessage: (state: FileOperationState) => state.operation?.error || 'no reason given',
			terminate: async () => {
				await apiRequest.call(this, {
					method: 'PUT',
					path: ['files', 'fileops', 'terminate', operationId],
					error: { action: `terminate ${subject}`, itemIndex },
				});
				return undefined;
			},
		},
		settings,
		itemIndex,
		clock,
	);
}
