import { IDS } from '../../../sandbox/seed';
import { byId, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();

const { paired: run, requests } = operations(current);

describe('User → Update', () => {
	it('updates the credential’s own name and refuses other people’s, without writing', async () => {
		const own = await run({
			resource: 'user',
			operation: 'update',
			user: byId(IDS.owner),
			updateFields: { firstName: 'Alexandra' },
		});
		expect(own.json[0]).toMatchObject({ displayName: 'Alexandra Admin' });
		const other = await run({
			resource: 'user',
			operation: 'update',
			user: byId(IDS.jane),
			updateFields: { firstName: 'X' },
		});
		expect(other.json[0].error).toBe(
			"Cannot update the parameter 'User' [item 0]: it is not the credential’s own profile",
		);
		expect(requests('PUT', new RegExp(IDS.jane))).toEqual([]);
	});
});
