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

describe('Data Removal → Start', () => {
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
});
