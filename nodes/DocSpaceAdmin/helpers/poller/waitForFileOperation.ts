/** File operations (move, copy, delete, archive), keyed by the operation's id. */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { FileOperation } from '../../api/dto';
import { TASK_STATUS } from '../../api/codes';
import { getFileOperations, terminateFileOperation } from '../../api/files';
import { isFileOperationFinished } from '../fileOperations';
import type { Clock, JobResult, Phase } from './waitForJob';
import { waitForJob } from './waitForJob';
import type { WaitSettings } from './waitSettings';

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
