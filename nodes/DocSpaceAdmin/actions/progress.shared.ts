import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { terminateTask } from '../api/peopleTasks';
import { progressOutput } from '../helpers/jobs';
import { describeTask } from '../helpers/poller/waitForTask';
import { userLocator, showOnlyFor } from './common.descriptions';
import { userIdFromLocator } from './parameters';

/** Get Progress of a people job, keyed by the user it works on. */
export function getProgressOperation(
	resource: string,
	queue: 'reassign' | 'remove',
	searchListMethod: string,
) {
	return {
		description: showOnlyFor(resource, 'getProgress', [
			userLocator('User', {
				searchListMethod,
				description: 'The user the job works on; "none" means DocSpace holds no job for them',
			}),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const userId = await userIdFromLocator(this, 'user', 'User', itemIndex);
			return [await progressOutput(this, queue, userId, itemIndex)];
		},
	};
}

/** Terminate a people job. */
export function terminateOperation(
	resource: string,
	queue: 'reassign' | 'remove',
	searchListMethod: string,
) {
	return {
		description: showOnlyFor(resource, 'terminate', [
			userLocator('User', {
				searchListMethod,
				description: 'Stops the job; what was already moved or deleted stays so',
			}),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const userId = await userIdFromLocator(this, 'user', 'User', itemIndex);
			const progress = await terminateTask(this, queue, userId, itemIndex);
			if (progress) return [{ terminated: true, userId, ...describeTask(progress) }];
			// Removal's terminate answers without a body: read the status afterwards.
			return [{ terminated: true, ...(await progressOutput(this, queue, userId, itemIndex)) }];
		},
	};
}
