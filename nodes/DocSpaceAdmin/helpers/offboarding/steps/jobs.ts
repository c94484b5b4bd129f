import type { FileOperation } from '../../../api/dto';
import { followFileOperation } from '../../jobs';
import type { JobResult } from '../../poller/waitForJob';
import type { TaskState } from '../../poller/waitForTask';
import type { Portal } from './step';

/** A people job the offboarding waited for must have completed: anything else stops the run. */
export function completed(result: JobResult<TaskState>, what: string): void {
	if (result.outcome !== 'completed') {
		throw new Error(
			`${what} did not finish in time (${result.state.progress?.percentage ?? 0}%); it ${result.outcome === 'terminated' ? 'was terminated' : 'is still running in DocSpace'}`,
		);
	}
}

/** Waits for a file operation a step started; it must end where it should. */
export async function followOperation(
	{ ctx, itemIndex, wait }: Portal,
	started: FileOperation | undefined,
	subject: string,
	confirm: () => Promise<boolean>,
): Promise<void> {
	if (!started) throw new Error(`DocSpace did not start ${subject}`);
	const { outcome } = await followFileOperation(ctx, started, subject, confirm, wait, itemIndex);
	if (outcome === 'unknown')
		throw new Error(
			`DocSpace no longer reports ${subject} and its result is not where it should be: check in DocSpace before running again`,
		);
	if (outcome !== 'completed') throw new Error(`${subject} did not finish in time`);
}
