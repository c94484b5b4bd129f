import type { Sandbox } from '../../../sandbox/server';
import { byId, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { json } = operations(current);
const run = (parameters: Record<string, unknown>) => json({ resource: 'user', ...parameters });

describe('User → Get Groups', () => {
	it('lists the groups a user is in and manages', async () => {
		const liam = sandbox.state.ids.liam;
		expect(await run({ operation: 'getGroups', user: byId(liam) })).toEqual([
			{
				userId: liam,
				groupId: sandbox.state.ids['group:engineering'],
				name: 'Engineering',
				manages: true,
			},
		]);
	});
});
