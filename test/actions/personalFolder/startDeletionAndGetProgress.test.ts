import { PASSWORD } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { operations } from '../../harness/operations';
import { sandboxCredentials, useSandbox } from '../../harness/sandbox';

// 50 ms between milestones: a reassignment takes 9 × 50 ms in these tests.
const current = useSandbox({ speed: { taskStepMs: 50, fileOpMs: 100 } });
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { id, first: run } = operations(current);

describe('Personal Folder → Start Deletion, then Get Progress', () => {
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
