/** People tasks (reassign, remove, type change, personal folder), keyed by the user's id. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { TaskProgress } from '../../api/dto';
import { TASK_STATUS } from '../../api/codes';
import type { PeopleQueue } from '../../api/peopleTasks';
import { canTerminate, getTaskProgress, terminateTask } from '../../api/peopleTasks';
import { TASK_STATUS_NAMES } from '../names';
import type { Clock, JobResult, Phase } from './waitForJob';
import { waitForJob } from './waitForJob';
import type { WaitSettings } from './waitSettings';

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
