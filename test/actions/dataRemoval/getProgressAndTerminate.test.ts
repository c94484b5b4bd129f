import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { byId, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

// 50 ms between milestones: a reassignment takes 9 × 50 ms in these tests.
const current = useSandbox({ speed: { taskStepMs: 50, fileOpMs: 100 } });
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { first: run, disableJane } = operations(current);

describe('Data Removal → Get Progress, and Terminate', () => {
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
