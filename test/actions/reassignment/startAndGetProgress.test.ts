import { IDS } from '../../../sandbox/seed';
import { byId, operations, reassign } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

// 50 ms between milestones: a reassignment takes 9 × 50 ms in these tests.
const current = useSandbox({ speed: { taskStepMs: 50, fileOpMs: 100 } });

const { id, first: run, disableJane } = operations(current);

describe('Data Reassignment → Start without waiting, then Get Progress', () => {
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
});
