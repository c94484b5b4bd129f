import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { byId, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { id, paired: run, requests } = operations(current);

describe('User → Change Type', () => {
	it('changes a room admin to a user and hands the rooms to the recipient', async () => {
		const refused = await run({
			resource: 'user',
			operation: 'changeType',
			user: byId(id('rita')),
			type: 'User',
			recipient: byId(id('liam')),
		});
		expect(refused.json[0].error).toBe(
			"Invalid value in the parameter 'Recipient of Rooms' [item 0]",
		);
		expect(requests('POST', /type/)).toEqual([]);
		const { json } = await run({
			resource: 'user',
			operation: 'changeType',
			user: byId(id('rita')),
			type: 'User',
			recipient: byId(IDS.bob),
		});
		expect(json[0]).toMatchObject({
			status: 'completed',
			percentage: 100,
			outcome: 'completed',
			recipient: { id: IDS.bob },
		});
		expect(sandbox.state.user(id('rita'))!.type).toBe('User');
		expect(sandbox.state.entry(sandbox.state.folders['room:marketing'])!.createdBy).toBe(IDS.bob);
	});
});
