import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { WaitSettings } from './waitSettings';
import { FIRST_POLL_DELAY_MS, MAX_POLL_INTERVAL_SECONDS, MIN_POLL_DELAY_MS } from './waitSettings';

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
