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

describe('User → Delete', () => {
	it('refuses to delete an active user, deletes after "Disable First", and returns { deleted: true }', async () => {
		const refused = await run({ resource: 'user', operation: 'delete', user: byId(IDS.jane) });
		expect(refused.json[0]).toEqual({
			error: 'The user Jane Doe is still active [item 0]',
			description:
				'DocSpace deletes only disabled users. Disable them first (User → Disable), or turn on "Disable First".',
		});
		expect(sandbox.writes()).toEqual([]);
		const { json } = await run({
			resource: 'user',
			operation: 'delete',
			user: byId(IDS.jane),
			disableFirst: true,
		});
		expect(json[0]).toEqual({
			deleted: true,
			id: IDS.jane,
			displayName: 'Jane Doe',
			email: 'jane.doe@corp.example',
		});
		expect(sandbox.state.user(IDS.jane)).toBeUndefined();
	});

	it('refuses to delete while the user’s data is being reassigned', async () => {
		sandbox.setJobFaults({ stickTask: { queue: 'reassign', atPercent: 50 } });
		await run({ resource: 'user', operation: 'disable', user: byId(id('victor')) });
		await run({
			resource: 'reassignment',
			operation: 'start',
			fromUser: byId(id('victor')),
			toUser: byId(IDS.bob),
			waitForCompletion: false,
		});
		const { json } = await run({ resource: 'user', operation: 'delete', user: byId(id('victor')) });
		expect(json[0].error).toMatch(
			/^The data of Victor Stale is still being reassigned \(\d+%\) \[item 0\]$/,
		);
		expect(requests('DELETE', /people/)).toEqual([]);
	});
});
