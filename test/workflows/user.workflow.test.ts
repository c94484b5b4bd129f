import path from 'path';

import { BOB_ID, employee, JANE_ID, numberedEmployee } from '../harness/fixtures';
import {
	API_KEY,
	apiKeyCredentials,
	envelope,
	errorEnvelope,
	portal,
	PORTAL,
} from '../harness/portal';
import { jsonOf, loadWorkflow, runWorkflow } from '../harness/runWorkflow';

const workflow = (name: string) => loadWorkflow(path.join(__dirname, `${name}.workflow.json`));
const credentials = () =>
	structuredClone(apiKeyCredentials) as unknown as Record<string, Record<string, string>>;

describe('User → Get (engine run)', () => {
	it('finds users by email and by ID, and reports a missing user as an error item', async () => {
		const jane = employee({ status: 2, terminated: '2026-03-05T17:40:02.0000000Z' });
		const api = portal()
			.matchHeader('authorization', `Bearer ${API_KEY}`)
			.get('/api/2.0/people/email')
			.query({ email: 'jane.doe@corp.example' })
			.reply(200, envelope(jane))
			.get('/api/2.0/people/email')
			.query({ email: 'nobody@corp.example' })
			.reply(
				404,
				errorEnvelope(404, 'The user could not be found', 'ASC.Common.Web.ItemNotFoundException'),
			)
			.get(`/api/2.0/people/${JANE_ID}`)
			.reply(200, envelope(jane));

		const { output, expected, errors } = await runWorkflow(workflow('user-get'), credentials());

		expect(errors).toEqual({});
		expect(jsonOf(output['Get User by Email'])).toEqual(jsonOf(expected['Get User by Email']));
		expect(output['Get User by Email'].map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
		// The error item has no id, so the next node reports a parameter problem for it, without a request.
		const byId = output['Get User by ID'];
		expect(byId[0].json).toMatchObject({ id: JANE_ID, status: 2, isCollaborator: true });
		expect(byId[1].json.error).toBe("Invalid value in the parameter 'User' [item 1]");
		expect(api.isDone()).toBe(true);
	});
});

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

describe('Credential: normalised portal URL', () => {
	it('sends requests to the origin only, whatever path the user pasted', async () => {
		const api = portal().get(`/api/2.0/people/${JANE_ID}`).reply(200, envelope(employee()));
		const creds = credentials();
		creds.docSpaceApi.baseUrl = `${PORTAL}/rooms/shared/filter?folder=1//`;
		const wf = workflow('user-get');
		wf.pinData = { Start: [{ json: { id: JANE_ID } }] };
		wf.nodes = wf.nodes.filter((n) => n.name !== 'Get User by Email');
		wf.connections = { Start: { main: [[{ node: 'Get User by ID', type: 'main', index: 0 }]] } };

		const { output, errors } = await runWorkflow(wf, creds);

		expect(errors).toEqual({});
		expect(output['Get User by ID'][0].json.id).toBe(JANE_ID);
		expect(api.isDone()).toBe(true);
	});
});
