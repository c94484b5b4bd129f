import { IDS } from '../../../sandbox/seed';
import { byId, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();

const { json: run } = operations(current);

describe('Room → Get Many', () => {
	it('lists the rooms a user owns, in any area', async () => {
		const rooms = await run({
			resource: 'room',
			operation: 'getMany',
			returnAll: true,
			subject: 'owner',
			user: byId(IDS.jane),
			searchArea: 2,
		});
		expect(rooms.map((r) => r.title)).toEqual(['Project Phoenix', 'Sales Deals']);
	});
});
