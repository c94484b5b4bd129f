import { IDS, PASSWORD } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { workflow } from '../harness/operations';
import { runWorkflow } from '../harness/runWorkflow';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

describe('Credential: email and password against the sandbox portal (engine run, real HTTP)', () => {
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
