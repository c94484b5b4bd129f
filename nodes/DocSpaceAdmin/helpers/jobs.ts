import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EmployeeFull, TaskProgress } from './dto';
import type { PeopleQueue, WaitSettings } from './poller';
import { DEFAULT_WAIT, describeTask, getTaskProgress, waitForTask } from './poller';

/** Reads "Wait for Completion" and its options. */
export function waitSettings(ctx: IExecuteFunctions, itemIndex: number): WaitSettings | undefined {
	if (!(ctx.getNodeParameter('waitForCompletion', itemIndex, true) as boolean)) return undefined;
	const options = ctx.getNodeParameter('waitOptions', itemIndex, {}) as Partial<WaitSettings>;
	return { ...DEFAULT_WAIT, ...options };
}

export function person(user: EmployeeFull | undefined): IDataObject | undefined {
	return user ? { id: user.id, displayName: user.displayName, email: user.email } : undefined;
}

/**
 * After a job was started: either returns its first status at once, or waits for it
 * with the poller. The output always names the status, percentage and time taken.
 */
export async function followTask(
	ctx: IExecuteFunctions,
	queue: PeopleQueue,
	userId: string,
	subject: string,
	started: TaskProgress | undefined,
	itemIndex: number,
	extra: IDataObject = {},
): Promise<IDataObject> {
	const settings = waitSettings(ctx, itemIndex);
	const startedAt = Date.now();
	if (!settings) return { userId, ...describeTask(started), outcome: 'started', ...extra };
	const result = await waitForTask.call(ctx, queue, userId, subject, settings, itemIndex);
	return {
		userId,
		...describeTask(result.state.progress),
		outcome: result.outcome,
		durationSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
		progressChecks: result.polls,
		...extra,
	};
}

export async function progressOutput(
	ctx: IExecuteFunctions,
	queue: PeopleQueue,
	userId: string,
	itemIndex: number,
): Promise<IDataObject> {
	return { userId, ...describeTask(await getTaskProgress.call(ctx, queue, userId, itemIndex)) };
}
