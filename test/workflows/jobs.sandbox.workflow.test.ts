import { IDS, PASSWORD } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

// 50 ms between milestones: a reassignment takes 9 × 50 ms in these tests.
const current = useSandbox({ speed: { taskStepMs: 50, fileOpMs: 100 } });
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const id = (key: string) => sandbox.state.ids[key];
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function run(parameters: Record<string, unknown>, credentials = sandboxCredentials(sandbox)) {
	const { output, errors } = await runWorkflow(
		singleNodeWorkflow(parameters, [{}], { continueOnFail: true }),
		credentials as never,
	);
	expect(errors).toEqual({});
	return jsonOf(output['DocSpace Admin'])[0];
}

async function disableJane() {
	await run({ resource: 'user', operation: 'disable', user: byId(IDS.jane) });
}

const reassign = (extra: Record<string, unknown> = {}) => ({
	resource: 'reassignment',
	operation: 'start',
	fromUser: byId(IDS.jane),
	toUser: byId(IDS.bob),
	...extra,
});

describe('Data Reassignment', () => {
	it('checks whether a reassignment is needed', async () => {
		expect(
			await run({ resource: 'reassignment', operation: 'checkNeeded', user: byId(IDS.jane) }),
		).toEqual({
			userId: IDS.jane,
			displayName: 'Jane Doe',
			reassignmentNeeded: true,
			reasons: ['owns 2 active room(s)'],
			ownedRooms: 2,
			archivedRooms: 0,
		});
		expect(
			await run({ resource: 'reassignment', operation: 'checkNeeded', user: byId(id('paula')) }),
		).toMatchObject({ reassignmentNeeded: false, reasons: [] });
		// DocSpace's own check says "not needed" for these two; the node reads the facts.
		expect(
			await run({ resource: 'reassignment', operation: 'checkNeeded', user: byId(id('rita')) }),
		).toMatchObject({ reassignmentNeeded: true, archivedRooms: 1 });
		expect(
			await run({ resource: 'reassignment', operation: 'checkNeeded', user: byId(id('greg')) }),
		).toMatchObject({
			reassignmentNeeded: true,
			reasons: ['shared files from "My documents"'],
		});
	});

	it('refuses an active user before starting anything', async () => {
		const result = await run(reassign());
		expect(result).toEqual({
			error: 'The user Jane Doe is still active [item 0]',
			description:
				'DocSpace reassigns data only from disabled users. Disable them first (User → Disable).',
		});
		expect(sandbox.writes()).toEqual([]);
	});

	it('refuses a recipient who cannot receive data', async () => {
		await disableJane();
		const result = await run(reassign({ toUser: byId(id('liam')) }));
		expect(result.error).toBe("Invalid value in the parameter 'To User' [item 0]");
		expect(sandbox.log.filter((r) => r.path === '/people/reassign/start')).toEqual([]);
	});

	it('starts, waits for completion and reports status, percentage, duration and recipient', async () => {
		await disableJane();
		const result = await run(reassign());
		expect(result).toMatchObject({
			userId: IDS.jane,
			status: 'completed',
			statusCode: 2,
			percentage: 100,
			isCompleted: true,
			error: '',
			outcome: 'completed',
			from: { id: IDS.jane, displayName: 'Jane Doe' },
			recipient: { id: IDS.bob, displayName: 'Bob Brown', email: 'bob.brown@corp.example' },
		});
		expect(result.durationSeconds).toBeLessThan(3);
		expect(sandbox.log.filter((r) => r.path === '/people/reassign/start')).toHaveLength(1);
		expect(sandbox.state.entry(sandbox.state.folders['room:deals'])!.createdBy).toBe(IDS.bob);
	});

	it('returns at once when not waiting; Get Progress then follows the job', async () => {
		await disableJane();
		const started = await run(reassign({ waitForCompletion: false }));
		expect(started).toMatchObject({ status: 'created', percentage: 0, outcome: 'started' });
		const progress = await run({
			resource: 'reassignment',
			operation: 'getProgress',
			user: byId(IDS.jane),
		});
		expect(['created', 'running', 'completed']).toContain(progress.status);
		const none = await run({
			resource: 'reassignment',
			operation: 'getProgress',
			user: byId(id('paula')),
		});
		expect(none).toEqual({
			userId: id('paula'),
			status: 'none',
			percentage: 0,
			isCompleted: false,
			error: '',
		});
	});

	it('ends as an error carrying the server’s message when the job fails', async () => {
		await disableJane();
		sandbox.setJobFaults({
			failTask: { queue: 'reassign', atPercent: 50, message: 'Storage quota exceeded' },
		});
		const result = await run(reassign());
		expect(result.error).toBe(
			'The data reassignment of Jane Doe failed [item 0]: Storage quota exceeded',
		);
	});

	it.each([
		[
			'fail',
			{ error: 'The data reassignment of Jane Doe did not finish within 1 seconds [item 0]' },
		],
		['returnStatus', { outcome: 'timedOut', status: 'running', percentage: 30 }],
		['terminate', { outcome: 'terminated', status: 'canceled', isCompleted: true }],
	])(
		'honours the timeout policy "%s" for a job that never finishes',
		async (onTimeout, expected) => {
			await disableJane();
			sandbox.setJobFaults({ stickTask: { queue: 'reassign', atPercent: 30 } });
			const result = await run(
				reassign({ waitOptions: { timeoutSeconds: 1, pollIntervalSeconds: 1, onTimeout } }),
			);
			expect(result).toMatchObject(expected);
		},
	);

	it('terminates a running job', async () => {
		await disableJane();
		sandbox.setJobFaults({ stickTask: { queue: 'reassign', atPercent: 20 } });
		await run(reassign({ waitForCompletion: false }));
		const result = await run({
			resource: 'reassignment',
			operation: 'terminate',
			user: byId(IDS.jane),
		});
		expect(result).toMatchObject({ terminated: true, userId: IDS.jane, status: 'canceled' });
	});
});

describe('Data Removal', () => {
	it('refuses an active user, and erases a disabled one', async () => {
		const refused = await run({
			resource: 'dataRemoval',
			operation: 'start',
			user: byId(IDS.jane),
		});
		expect(refused.error).toBe('The user Jane Doe is still active [item 0]');
		expect(sandbox.writes()).toEqual([]);
		await disableJane();
		const result = await run({ resource: 'dataRemoval', operation: 'start', user: byId(IDS.jane) });
		expect(result).toMatchObject({ status: 'completed', percentage: 100, user: { id: IDS.jane } });
		expect(sandbox.state.user(IDS.jane)).toBeUndefined();
		expect(sandbox.state.myDocuments(IDS.jane)).toBeUndefined();
	});

	it('reads progress and terminates (which answers without a body)', async () => {
		await disableJane();
		sandbox.setJobFaults({ stickTask: { queue: 'remove', atPercent: 45 } });
		await run({
			resource: 'dataRemoval',
			operation: 'start',
			user: byId(IDS.jane),
			waitForCompletion: false,
		});
		expect(
			await run({ resource: 'dataRemoval', operation: 'getProgress', user: byId(IDS.jane) }),
		).toMatchObject({ status: 'running' });
		const stopped = await run({
			resource: 'dataRemoval',
			operation: 'terminate',
			user: byId(IDS.jane),
		});
		expect(stopped).toMatchObject({ terminated: true, userId: IDS.jane, status: 'canceled' });
	});
});

describe('Personal Folder', () => {
	it('is refused for an admin credential, with the reason', async () => {
		const result = await run({ resource: 'personalFolder', operation: 'startDeletion' });
		expect(result.error).toBe('Could not start deleting the personal folder: access denied');
		expect(result.description).toContain('a credential of a guest');
	});

	it('empties a guest’s own "My documents"', async () => {
		const guest = sandboxCredentials(sandbox, {
			authType: 'password',
			email: 'gina.guest@corp.example',
			password: PASSWORD,
			sessionToken: '',
		});
		const result = await run({ resource: 'personalFolder', operation: 'startDeletion' }, guest);
		expect(result).toMatchObject({ userId: id('gina'), status: 'completed', outcome: 'completed' });
		expect(sandbox.state.children(sandbox.state.myDocuments(id('gina'))!.id)).toEqual([]);
		expect(
			await run({ resource: 'personalFolder', operation: 'getProgress' }, guest),
		).toMatchObject({ status: 'completed' });
	});
});
