import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { byId, operations, reassign } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

// 50 ms between milestones: a reassignment takes 9 × 50 ms in these tests.
const current = useSandbox({ speed: { taskStepMs: 50, fileOpMs: 100 } });
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { id, first: run, disableJane } = operations(current);

describe('Data Reassignment → Start', () => {
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
});
