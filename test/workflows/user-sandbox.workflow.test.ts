import path from 'path';

import { IDS, PASSWORD } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';
import { jsonOf, loadWorkflow, runWorkflow } from '../harness/runWorkflow';

const workflow = (name: string) => loadWorkflow(path.join(__dirname, `${name}.workflow.json`));

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

describe('User operations against the sandbox portal (engine run, real HTTP)', () => {
	it('gets users by email and ID', async () => {
		const wf = workflow('user-get');
		wf.pinData = {
			Start: [
				{ json: { email: 'jane.doe@corp.example' } },
				{ json: { email: 'nobody@corp.example' } },
			],
		};

		const { output, errors } = await runWorkflow(wf, sandboxCredentials(sandbox) as never);

		expect(errors).toEqual({});
		expect(jsonOf(output['Get User by Email'])).toEqual([
			expect.objectContaining({
				id: IDS.jane,
				displayName: 'Jane Doe',
				type: 'user',
				status: 'active',
			}),
			expect.objectContaining({
				error: 'Could not find the user: No user has the email nobody@corp.example',
			}),
		]);
		expect(output['Get User by ID'][0].json).toMatchObject({ id: IDS.jane, isCollaborator: true });
		expect(sandbox.writes()).toEqual([]);
	});

	it('lists the disabled users', async () => {
		const wf = workflow('user-getMany');
		wf.nodes[1].parameters = {
			resource: 'user',
			operation: 'getMany',
			returnAll: true,
			filters: { status: 'disabled' },
			output: 'simplified',
		};

		const { output } = await runWorkflow(wf, sandboxCredentials(sandbox) as never);

		expect(jsonOf(output['Disabled Users']).map((u) => u.displayName)).toEqual([
			'Greg Former',
			'Paula Gone',
			'Victor Stale',
		]);
		expect(sandbox.log.map((r) => `${r.method} ${r.path}${r.query}`)).toEqual([
			'GET /people/filter?employeeStatus=2&count=100&startIndex=0',
		]);
	});

	it('signs in with email and password and keeps working after the token expires', async () => {
		const wf = workflow('user-get');
		wf.pinData = { Start: [{ json: { email: 'bob.brown@corp.example' } }] };
		sandbox.faults = [{ path: '^/people/' + IDS.bob + '$', expireToken: true, times: 1 }];
		const credentials = sandboxCredentials(sandbox, {
			authType: 'password',
			email: 'alex.admin@corp.example',
			password: PASSWORD,
			sessionToken: '',
		});

		const { output, errors, credentials: helper } = await runWorkflow(wf, credentials as never);

		expect(errors).toEqual({});
		expect(output['Get User by ID'][0].json.id).toBe(IDS.bob);
		expect(helper.preAuthenticationCalls).toBe(2);
		expect(sandbox.log.filter((r) => r.path === '/authentication').length).toBe(2);
	});
});
