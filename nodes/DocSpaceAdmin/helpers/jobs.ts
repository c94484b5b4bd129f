import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EmployeeFull, FileOperation, TaskProgress } from '../api/dto';
import { describeFileOperation } from './fileOperations';
import { waitForFileOperation } from './poller/waitForFileOperation';
import type { VanishedTaskCheck } from './poller/waitForTask';
import { describeTask, waitForTask } from './poller/waitForTask';
import type { WaitSettings } from './poller/waitSettings';
import type { PeopleQueue } from '../api/peopleTasks';
import { getTaskProgress } from '../api/peopleTasks';
import { secondsSince } from './values';

export function person(user: EmployeeFull | undefined): IDataObject | undefined {
	return user ? { id: user.id, displayName: user.displayName, email: user.email } : undefined;
}

/**
 * After a people job was started: returns its first status at once (no `wait`), or waits for it
 * with the poller. The output always names the status, percentage and time taken.
 */
export async function followTask(
	ctx: IExecuteFunctions,
	queue: PeopleQueue,
	userId: string,
	subject: string,
	started: TaskProgress | undefined,
	wait: WaitSettings | undefined,
	itemIndex: number,
	extra: IDataObject = {},
	vanished?: VanishedTaskCheck,
): Promise<IDataObject> {
	const startedAt = Date.now();
	if (!wait) return { userId, ...describeTask(started), outcome: 'started', ...extra };
	const result = await waitForTask(
		ctx,
		queue,
		userId,
		subject,
		wait,
		itemIndex,
		undefined,
		vanished,
	);
	return {
		userId,
		...describeTask(result.state.progress),
		outcome: result.outcome,
		durationSeconds: secondsSince(startedAt),
		progressChecks: result.polls,
		...extra,
	};
}

/**
 * After a file operation was started: returns it at once (no `wait`), or waits for it. An operation that
 * vanished before it was seen finished is `completed` only when `confirm` finds the result at
 * its destination, else `unknown` with what to check.
 */
export async function followFileOperation(
	ctx: IExecuteFunctions,
	started: FileOperation,
	subject: string,
	confirm: () => Promise<boolean>,
	wait: WaitSettings | undefined,
	itemIndex: number,
): Promise<{ output: IDataObject; final?: FileOperation; outcome: string }> {
	if (!wait)
		return {
			output: { ...describeFileOperation(started), outcome: 'started' },
			outcome: 'started',
		};
	const startedAt = Date.now();
	const result = await waitForFileOperation(ctx, started.id, subject, wait, itemIndex, confirm);
	const final = result.state.operation;
	const output: IDataObject = {
		...describeFileOperation(final ?? { ...started, finished: result.outcome === 'completed' }),
		outcome: result.outcome,
		durationSeconds: secondsSince(startedAt),
		progressChecks: result.polls,
	};
	if (result.outcome === 'unknown') {
		output.status = 'unknown';
		output.warning = `DocSpace no longer reports ${subject} and its result is not at the destination. Check the destination in DocSpace before running it again.`;
	}
	return { output, final, outcome: result.outcome };
}

export async function progressOutput(
	ctx: IExecuteFunctions,
	queue: PeopleQueue,
	userId: string,
	itemIndex: number,
): Promise<IDataObject> {
	return { userId, ...describeTask(await getTaskProgress(ctx, queue, userId, itemIndex)) };
}
