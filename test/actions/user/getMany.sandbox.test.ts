import type { Sandbox } from '../../../sandbox/server';
import { workflow } from '../../harness/operations';
import { jsonOf, runWorkflow } from '../../harness/runWorkflow';
import { sandboxCredentials, useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

describe('User → Get Many against the sandbox portal (engine run, real HTTP)', () => {
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
});
