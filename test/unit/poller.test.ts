import type { IExecuteFunctions } from 'n8n-workflow';

import type { FileOperation, TaskProgress } from '../../nodes/DocSpaceAdmin/api/dto';
import type { PeopleQueue } from '../../nodes/DocSpaceAdmin/api/peopleTasks';
import { waitForFileOperation } from '../../nodes/DocSpaceAdmin/helpers/poller/waitForFileOperation';
import type { Clock, JobWatch, Phase } from '../../nodes/DocSpaceAdmin/helpers/poller/waitForJob';
import {
	estimateRemainingMs,
	waitForJob,
} from '../../nodes/DocSpaceAdmin/helpers/poller/waitForJob';
import type { VanishedTaskCheck } from '../../nodes/DocSpaceAdmin/helpers/poller/waitForTask';
import { describeTask, waitForTask } from '../../nodes/DocSpaceAdmin/helpers/poller/waitForTask';
import type { WaitSettings } from '../../nodes/DocSpaceAdmin/helpers/poller/waitSettings';
import { MAX_POLL_INTERVAL_SECONDS } from '../../nodes/DocSpaceAdmin/helpers/poller/waitSettings';
import { executeContext } from '../harness/context';
import { JANE_ID } from '../harness/fixtures';
import { apiKeyCredentials, envelope, portal } from '../harness/portal';

/** Time that passes only when the poller sleeps. */
function fakeClock(onSleep?: (ms: number) => void) {
	let now = 1_000_000;
	const sleeps: number[] = [];
	const clock: Clock = {
		now: () => now,
		sleep: async (ms) => {
			sleeps.push(ms);
			now += ms;
			onSleep?.(ms);
		},
	};
	return { clock, sleeps };
}

function ctx(abortSignal?: AbortSignal): IExecuteFunctions {
	return executeContext(structuredClone(apiKeyCredentials), { abortSignal })
		.context as unknown as IExecuteFunctions;
}

const settings = (overrides: Partial<WaitSettings> = {}): WaitSettings => ({
	timeoutSeconds: 60,
	pollIntervalSeconds: 5,
	onTimeout: 'fail',
	...overrides,
});

interface RunOptions {
	itemIndex?: number;
	signal?: AbortSignal;
	onSleep?: (ms: number) => void;
}

/** waitForJob on a fake clock: its promise, and the pauses it slept (filled in as it runs). */
function runJob<S>(
	watch: JobWatch<S>,
	wait: Partial<WaitSettings> = {},
	{ itemIndex = 0, signal, onSleep }: RunOptions = {},
) {
	const { clock, sleeps } = fakeClock(onSleep);
	return { done: waitForJob(ctx(signal), watch, settings(wait), itemIndex, clock), sleeps };
}

/** A job whose polls return the given phases in order (the last one repeats). */
function scripted(phases: Phase[], extra: Partial<JobWatch<Phase>> = {}) {
	let polls = 0;
	const watch: JobWatch<Phase> = {
		subject: 'the test job',
		poll: async () => phases[Math.min(polls++, phases.length - 1)],
		phase: (state) => state,
		failureMessage: () => 'Disk quota exceeded',
		...extra,
	};
	return { watch, polls: () => polls };
}

/** `running` for `polls` polls, then completed. */
const completedAfter = (polls: number): Phase[] => [
	...Array<Phase>(polls).fill('running'),
	'completed',
];

async function failureOf(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return error as { message: string; description: string; name: string };
	}
	throw new Error('expected a failure');
}

describe('waitForJob', () => {
	it('polls at once and does not sleep when the job is already done', async () => {
		const { done, sleeps } = runJob(scripted(['completed']).watch);
		expect(await done).toMatchObject({ outcome: 'completed', polls: 1, elapsedMs: 0 });
		expect(sleeps).toEqual([]);
	});

	it('starts with short sleeps and grows them to the poll interval', async () => {
		const { done, sleeps } = runJob(scripted(completedAfter(6)).watch, { pollIntervalSeconds: 3 });
		const result = await done;
		expect(sleeps).toEqual([250, 500, 1000, 2000, 3000, 3000]);
		expect(result).toMatchObject({ outcome: 'completed', polls: 7, elapsedMs: 9750 });
	});

	it('fails at the deadline with a message that says what to do', async () => {
		const { done, sleeps } = runJob(
			scripted(['running']).watch,
			{ timeoutSeconds: 10 },
			{ itemIndex: 2 },
		);
		const error = await failureOf(done);
		expect(error.message).toBe('The test job did not finish within 10 seconds [item 2]');
		expect(error.description).toMatch(/Timeout \(Seconds\)/);
		expect(sleeps.reduce((a, b) => a + b, 0)).toBe(10_000);
	});

	it('never sleeps past the deadline', async () => {
		const { done, sleeps } = runJob(scripted(['running']).watch, {
			timeoutSeconds: 1,
			pollIntervalSeconds: 30,
		});
		await failureOf(done);
		expect(sleeps).toEqual([250, 500, 250]);
	});

	it('returns the last status at the deadline when asked to', async () => {
		const { done } = runJob(scripted(['running']).watch, {
			timeoutSeconds: 5,
			onTimeout: 'returnStatus',
		});
		expect(await done).toMatchObject({ outcome: 'timedOut', state: 'running', elapsedMs: 5000 });
	});

	it('terminates the job at the deadline when asked to', async () => {
		const terminate = jest.fn(async () => 'canceled' as Phase);
		const { done } = runJob(scripted(['running'], { terminate }).watch, {
			timeoutSeconds: 5,
			onTimeout: 'terminate',
		});
		const result = await done;
		expect(terminate).toHaveBeenCalledTimes(1);
		expect(result).toMatchObject({ outcome: 'terminated', state: 'canceled' });
	});

	it.each([
		['failed', 'The test job failed [item 0]: Disk quota exceeded'],
		['canceled', 'The test job was canceled [item 0]: Disk quota exceeded'],
	] as const)('treats a %s job as an error, not a success', async (phase, message) => {
		const error = await failureOf(runJob(scripted(['running', phase]).watch).done);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe(message);
	});

	it('stops when the execution is canceled while it sleeps', async () => {
		const controller = new AbortController();
		const job = scripted(['running']);
		const { done } = runJob(
			job.watch,
			{},
			{ signal: controller.signal, onSleep: () => controller.abort() },
		);
		const error = await failureOf(done);
		expect(error.message).toBe('Stopped waiting for the test job: the execution was canceled');
		expect(job.polls()).toBe(1);
	});
});

const progress = (status: number, percentage: number, error = ''): TaskProgress => ({
	id: `1_${JANE_ID}_ReassignProgressItem`,
	error,
	percentage,
	isCompleted: status >= 2,
	status,
});

const progressPath = (queue: PeopleQueue) => `/api/2.0/people/${queue}/progress/${JANE_ID}`;

/** The portal answers one report per poll of Jane's task in `queue` (undefined: no task). */
function taskReports(queue: PeopleQueue, ...reports: Array<TaskProgress | undefined>) {
	const api = portal();
	for (const report of reports) api.get(progressPath(queue)).reply(200, envelope(report));
	return api;
}

/** waitForTask on Jane's data reassignment, on a fake clock. */
const reassignment = (wait: Partial<WaitSettings> = {}, vanished?: VanishedTaskCheck) =>
	waitForTask(
		ctx(),
		'reassign',
		JANE_ID,
		'the data reassignment',
		settings(wait),
		0,
		fakeClock().clock,
		vanished,
	);

describe('waitForTask (people jobs keyed by user id)', () => {
	it('follows a reassignment from Created to Completed', async () => {
		const api = taskReports('reassign', progress(0, 0), progress(1, 30), progress(2, 100));
		const result = await reassignment();
		expect(result.outcome).toBe('completed');
		expect(describeTask(result.state.progress)).toEqual({
			taskId: `1_${JANE_ID}_ReassignProgressItem`,
			status: 'completed',
			statusCode: 2,
			percentage: 100,
			isCompleted: true,
			error: '',
		});
		expect(api.isDone()).toBe(true);
	});

	it('reports a Failted task with the server’s error', async () => {
		taskReports('remove', progress(4, 45, 'Can not delete user with id = x'));
		const { clock } = fakeClock();
		const error = await failureOf(
			waitForTask(ctx(), 'remove', JANE_ID, 'the data removal', settings(), 1, clock),
		);
		expect(error.message).toBe('The data removal failed [item 1]: Can not delete user with id = x');
	});

	it('treats "no task" (an envelope without response) as an error', async () => {
		taskReports('reassign', undefined);
		const error = await failureOf(reassignment());
		expect(error.message).toMatch(/holds no such task/);
		expect(describeTask(undefined)).toMatchObject({ status: 'none' });
	});

	const seenThenGone = () => taskReports('reassign', progress(1, 90), undefined);

	it('asks the portal for the outcome of a task it saw running that DocSpace then dropped', async () => {
		seenThenGone();
		let asked = 0;
		const outcome = async () => {
			asked++;
			return 'completed' as const;
		};
		const result = await reassignment({}, outcome);
		expect(result.outcome).toBe('completed');
		expect(asked).toBe(1);
	});

	it('fails a dropped task whose result the portal does not show, saying so', async () => {
		seenThenGone();
		const error = await failureOf(reassignment({}, async () => undefined));
		expect(error.message).toBe(
			'The data reassignment failed [item 0]: DocSpace no longer reports the task, and the portal does not show its result',
		);
	});

	it('never sleeps longer than 30 s between polls, whatever the interval asked for', async () => {
		const { done, sleeps } = runJob(scripted(completedAfter(8)).watch, {
			pollIntervalSeconds: 300,
			timeoutSeconds: 3600,
		});
		await done;
		expect(Math.max(...sleeps)).toBe(MAX_POLL_INTERVAL_SECONDS * 1000);
		expect(MAX_POLL_INTERVAL_SECONDS * 1000).toBeLessThan(60_000);
	});

	it('terminates through the queue’s terminate route on timeout', async () => {
		const api = portal()
			.get(progressPath('reassign'))
			.times(3)
			.reply(200, envelope(progress(1, 20)))
			.put('/api/2.0/people/reassign/terminate', { userId: JANE_ID })
			.reply(200, envelope(progress(3, 20)));
		const result = await reassignment({ timeoutSeconds: 0.75, onTimeout: 'terminate' });
		expect(result.outcome).toBe('terminated');
		expect(result.state.progress?.status).toBe(3);
		expect(api.isDone()).toBe(true);
	});
});

describe('waitForFileOperation', () => {
	const notChecked = async () => {
		throw new Error('the destination must not be read while DocSpace reports the operation');
	};
	const OP = '7c9a1f0e-1b2c-4d3e-9f4a-5b6c7d8e9f00';
	const op = (finished: boolean, extra: Partial<FileOperation> = {}): FileOperation => ({
		id: OP,
		Operation: 0,
		progress: finished ? 100 : 40,
		error: '',
		processed: '1',
		finished,
		status: finished ? 2 : 1,
		...extra,
	});

	/** The portal answers one list of operations per poll. */
	function operationReports(...reports: FileOperation[][]) {
		const api = portal();
		for (const report of reports)
			api.get('/api/2.0/files/fileops').query({ id: OP }).reply(200, envelope(report));
		return api;
	}

	/** waitForFileOperation on moving a folder, on a fake clock; `confirm` reads the destination. */
	const moveFolder = (confirm: () => Promise<boolean>) =>
		waitForFileOperation(ctx(), OP, 'moving the folder', settings(), 0, confirm, fakeClock().clock);

	it('waits until the operation reports finished', async () => {
		operationReports([op(false)], [op(true, { folders: [{ id: 1201, parentId: 1300 }] })]);
		const result = await moveFolder(notChecked);
		expect(result.outcome).toBe('completed');
		expect(result.state.operation?.folders).toEqual([{ id: 1201, parentId: 1300 }]);
	});

	const vanishing = () => operationReports([op(false)], []);

	it('counts an operation that vanished as completed only when its result is at the destination', async () => {
		vanishing();
		const result = await moveFolder(async () => true);
		expect(result.outcome).toBe('completed');
		expect(result.state).toEqual({ seen: true, confirmed: true });
	});

	it('reports an operation that vanished without its result at the destination as unknown, not completed', async () => {
		vanishing();
		const result = await moveFolder(async () => false);
		expect(result.outcome).toBe('unknown');
		expect(result.state).toEqual({ seen: true, confirmed: false });
	});

	it('does not take an operation it never saw for a success either', async () => {
		operationReports([]);
		const result = await moveFolder(async () => false);
		expect(result.outcome).toBe('unknown');
	});

	it('fails with the per-item error of a finished operation', async () => {
		operationReports([
			op(true, { error: "You don't have enough permission to move the folder", status: 4 }),
		]);
		const error = await failureOf(moveFolder(notChecked));
		expect(error.message).toBe(
			"Moving the folder failed [item 0]: You don't have enough permission to move the folder",
		);
	});
});

describe('progress-guided polling', () => {
	/** A job that reports these percentages, one per poll, and is done at 100. */
	function progressJob(percentages: number[]): JobWatch<number> {
		let i = 0;
		return {
			subject: 'the test job',
			poll: async () => percentages[Math.min(i++, percentages.length - 1)],
			phase: (p) => (p === 100 ? 'completed' : 'running'),
			percentage: (p) => p,
			failureMessage: () => '',
		};
	}

	it('checks again when the progress says the job should be done, never sooner than 100 ms', async () => {
		const { done, sleeps } = runJob(progressJob([10, 50, 90, 100]), { pollIntervalSeconds: 5 });
		expect((await done).outcome).toBe('completed');
		// 10 % → 50 % in 250 ms: 312.5 ms to go (+50 ms) instead of the 500 ms backoff, and so on.
		expect(sleeps).toEqual([250, 362.5, 126.5625]);
	});

	it('never polls more often than every 100 ms', async () => {
		const { done, sleeps } = runJob(progressJob([10, 99, 100]));
		await done;
		expect(sleeps).toEqual([250, 100]);
	});

	it('estimates nothing without progress', () => {
		expect(estimateRemainingMs(undefined, { at: 10, percentage: 50 })).toBeUndefined();
		expect(
			estimateRemainingMs({ at: 0, percentage: 30 }, { at: 10, percentage: 30 }),
		).toBeUndefined();
		expect(estimateRemainingMs({ at: 0, percentage: 0 }, { at: 1000, percentage: 50 })).toBe(1000);
	});
});
