import { operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

// 50 ms between milestones: a reassignment takes 9 × 50 ms in these tests.
const current = useSandbox({ speed: { taskStepMs: 50, fileOpMs: 100 } });

const { first: run } = operations(current);

describe('Personal Folder → Start Deletion', () => {
	it('is refused for an admin credential, with the reason', async () => {
		const result = await run({ resource: 'personalFolder', operation: 'startDeletion' });
		expect(result.error).toBe('Could not start deleting the personal folder: access denied');
		expect(result.description).toContain('a credential of a guest');
	});
});
