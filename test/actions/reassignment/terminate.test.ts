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

const { first: run, disableJane } = operations(current);

describe('Data Reassignment → Terminate', () => {
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
