import { BOB_ID, employee, numberedEmployee } from '../../harness/fixtures';
import { portalCredentials as credentials, workflow } from '../../harness/operations';
import { envelope, portal } from '../../harness/portal';
import { jsonOf, runWorkflow } from '../../harness/runWorkflow';

describe('User → Get Many (engine run)', () => {
	it('pages with count=100 until total, applying the filters', async () => {
		const all = Array.from({ length: 150 }, (_, i) => numberedEmployee(i + 1));
		const api = portal()
			.get('/api/2.0/people/filter')
			.query({
				employeeStatus: 2,
				employeeType: 'User',
				filterValue: 'user',
				count: 100,
				startIndex: 0,
			})
			.reply(200, envelope(all.slice(0, 100), { total: 150 }))
			.get('/api/2.0/people/filter')
			.query({
				employeeStatus: 2,
				employeeType: 'User',
				filterValue: 'user',
				count: 100,
				startIndex: 100,
			})
			.reply(200, envelope(all.slice(100), { total: 150 }));

		const { output, errors } = await runWorkflow(workflow('user-getMany'), credentials());

		expect(errors).toEqual({});
		const users = jsonOf(output['Disabled Users']);
		expect(users).toHaveLength(150);
		expect(users[149]).toMatchObject({ displayName: 'User 150', type: 'user', status: 'active' });
		expect(
			output['Disabled Users'].every((i) => JSON.stringify(i.pairedItem) === '{"item":0}'),
		).toBe(true);
		expect(api.isDone()).toBe(true);
	});

	it('stops at the limit, asking only for what it needs', async () => {
		const api = portal()
			.get('/api/2.0/people/filter')
			.query({ count: 3, startIndex: 0 })
			.reply(
				200,
				envelope([employee(), employee({ id: BOB_ID, displayName: 'Bob' }), numberedEmployee(3)], {
					total: 40,
				}),
			);
		const wf = workflow('user-getMany');
		const node = wf.nodes.find((n) => n.name === 'Disabled Users')!;
		node.parameters = {
			resource: 'user',
			operation: 'getMany',
			returnAll: false,
			limit: 3,
			output: 'raw',
		};

		const { output } = await runWorkflow(wf, credentials());

		expect(jsonOf(output['Disabled Users']).map((u) => u.displayName)).toEqual([
			'Jane Doe',
			'Bob',
			'User 3',
		]);
		expect(api.isDone()).toBe(true);
	});
});
