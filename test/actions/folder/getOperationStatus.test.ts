import { operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();

const { json: run } = operations(current);

describe('Folder / File → Get Operation Status', () => {
	it('says when a finished operation is no longer listed', async () => {
		const [status] = await run({
			resource: 'folder',
			operation: 'getOperationStatus',
			operationId: '7c9a1f0e-1b2c-4d3e-9f4a-5b6c7d8e9f00',
		});
		expect(status).toMatchObject({ status: 'gone' });
	});
});
