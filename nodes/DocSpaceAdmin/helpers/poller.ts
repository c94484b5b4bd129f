import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { FileOperation, TaskProgress } from '../api/dto';
import { TASK_STATUS_NAMES } from './names';
import { isFileOperationFinished } from './fileOperations';
import { TASK_STATUS } from '../api/codes';
import { getFileOperations, terminateFileOperation } from '../api/files';
import type { PeopleQueue } from '../api/peopleTasks';
import { canTerminate, getTaskProgress, terminateTask } from '../api/peopleTasks';

export type { PeopleQueue };

export type OnTimeout = 'fail' | 'returnStatus' | 'terminate';

export interface WaitSettings {
	timeoutSeconds: number;
	pollIntervalSeconds: number;
	onTimeout: OnTimeout;
}

export const DEFAULT_WAIT: WaitSettings = {
	timeoutSeconds: 600,
	pollIntervalSeconds: 5,
	onTimeout: 'fail',
};

export const FIRST_POLL_DELAY_MS = 250;
/** The shortest pause between two polls, however close the job seems to its end. */
export const MIN_POLL_DELAY_MS = 100;
/**
 * The longest pause between two polls, whatever the user chose: DocSpace drops a finished
 * people task about 60 s after its last update (DistributedTaskQueue), and a poller that
 * sleeps longer may never see the result.
 */
export const MAX_POLL_INTERVAL_SECONDS = 30;

/** Time as the poller sees it; tests pass a fake one. */
export interface Clock {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => await sleep(ms, signal),
};

/** `unknown`: the job is gone and its result could not be confirmed. */
export type Phase = 'running' | 'completed' | 'failed' | 'canceled' | 'unknown';

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
	outcome: 'completed' | 'timedOut' | 'terminated' | 'unknown';
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
	const intervalMs =
		Math.min(MAX_POLL_INTERVAL_SECONDS, Math.max(1, settings.pollIntervalSeconds)) * 1000;
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
		if (phase === 'completed' || phase === 'unknown')
			return { state, outcome: phase, polls, elapsedMs };
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
		if (remaining <= 0)
			return await timedOut(ctx, watch, settings, state, polls, started, itemIndex, clock);
		const pause =
			eta === undefined ? delay : Math.min(delay, Math.max(MIN_POLL_DELAY_MS, eta + 50));
		await clock.sleep(Math.min(pause, remaining), signal);
		if (signal?.aborted) {
			throw new NodeOperationError(
				node,
				`Stopped waiting for ${watch.subject}: the execution was canceled`,
				{
					description:
						'The job may still be running in DocSpace. Use the Get Progress operation to check it.',
					itemIndex,
				},
			);
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
	if (settings.onTimeout === 'returnStatus')
		return { state, outcome: 'timedOut', polls, elapsedMs };
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

/** A task's state; `undefined` progress means DocSpace holds no task for the user. */
export interface TaskState {
	progress?: TaskProgress;
}

export function isTaskFinished(progress: TaskProgress | undefined): boolean {
	return progress !== undefined && progress.status >= TASK_STATUS.COMPLETED;
}

export function taskPhase(state: TaskState): Phase {
	const p = state.progress;
	if (!p) return 'failed';
	if (p.status === TASK_STATUS.FAILED) return 'failed';
	if (p.status === TASK_STATUS.CANCELED) return 'canceled';
	if (p.status === TASK_STATUS.COMPLETED) return 'completed';
	return 'running';
}

export function describeTask(progress: TaskProgress | undefined): IDataObject {
	if (!progress) return { status: 'none', percentage: 0, isCompleted: false, error: '' };
	return {
		taskId: progress.id,
		status: TASK_STATUS_NAMES[progress.status] ?? String(progress.status),
		statusCode: progress.status,
		percentage: progress.percentage,
		isCompleted: progress.isCompleted,
		error: progress.error,
	};
}

/**
 * What the portal says about a task that the poller saw running and that then vanished:
 * DocSpace drops a finished task about a minute after its last update, so a vanished
 * task is not a failure by itself. Returns the outcome, or undefined when it cannot tell.
 */
export type VanishedTaskCheck = () => Promise<'completed' | undefined>;

export async function waitForTask(
	ctx: IExecuteFunctions,
	queue: PeopleQueue,
	userId: string,
	subject: string,
	settings: WaitSettings,
	itemIndex: number,
	clock?: Clock,
	vanished?: VanishedTaskCheck,
): Promise<JobResult<TaskState>> {
	let seen = false;
	return await waitForJob(
		ctx,
		{
			subject,
			poll: async () => {
				const progress = await getTaskProgress(ctx, queue, userId, itemIndex);
				if (progress) seen = true;
				else if (seen && vanished && (await vanished()) === 'completed') {
					return {
						progress: {
							id: '',
							error: '',
							percentage: 100,
							isCompleted: true,
							status: TASK_STATUS.COMPLETED,
						},
					};
				}
				return { progress };
			},
			phase: taskPhase,
			percentage: (state: TaskState) => state.progress?.percentage,
			failureMessage: (state: TaskState) =>
				state.progress
					? state.progress.error || 'no reason given'
					: seen
						? 'DocSpace no longer reports the task, and the portal does not show its result'
						: 'DocSpace holds no such task for this user (it was never started or has expired)',
			terminate: canTerminate(queue)
				? async () => {
						const progress = await terminateTask(ctx, queue, userId, itemIndex);
						return progress ? { progress } : undefined;
					}
				: undefined,
		},
		settings,
		itemIndex,
		clock,
	);
}

// ---- file operations (move, copy, delete, archive) ----

/**
 * `operation` is undefined once DocSpace no longer reports it. `confirmed` says whether the
 * result was then checked where it should be (see waitForFileOperation).
 */
export interface FileOperationState {
	operation?: FileOperation;
	seen: boolean;
	/** Set when the operation vanished: true if the result is where it should be, false if not. */
	confirmed?: boolean;
}

export function fileOperationPhase(state: FileOperationState): Phase {
	const op = state.operation;
	if (!op) return state.confirmed === false ? 'unknown' : 'completed';
	if (isFileOperationFinished(op)) {
		if (op.error) return 'failed';
		return op.status === TASK_STATUS.CANCELED ? 'canceled' : 'completed';
	}
	return 'running';
}

/**
 * Follows a file operation. DocSpace reports a finished operation once, to its starter, then
 * forgets it; so an operation that vanished before the node saw it finish (a lost response, or
 * another client read the report first) is not proof of success: `confirm` looks at the
 * destination, and the job ends `unknown` when the result is not there.
 */
export async function waitForFileOperation(
	ctx: IExecuteFunctions,
	operationId: string,
	subject: string,
	settings: WaitSettings,
	itemIndex: number,
	confirm: () => Promise<boolean>,
	clock?: Clock,
): Promise<JobResult<FileOperationState>> {
	let seen = false;
	return await waitForJob(
		ctx,
		{
			subject,
			poll: async () => {
				const operation = (await getFileOperations(ctx, operationId, itemIndex)).find(
					(op) => op.id === operationId,
				);
				seen = seen || operation !== undefined;
				if (operation) return { operation, seen };
				return { seen, confirmed: await confirm() };
			},
			phase: fileOperationPhase,
			percentage: (state: FileOperationState) => state.operation?.progress,
			failureMessage: (state: FileOperationState) => state.operation?.error || 'no reason given',
			terminate: async () => {
				await terminateFileOperation(ctx, operationId, itemIndex);
				return undefined;
			},
		},
		settings,
		itemIndex,
		clock,
	);
}
