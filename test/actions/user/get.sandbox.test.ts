import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { workflow } from '../../harness/operations';
import { jsonOf, runWorkflow } from '../../harness/runWorkflow';
import { sandboxCredentials, useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

describe('User → Get against the sandbox portal (engine run, real HTTP)', () => {
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
});
