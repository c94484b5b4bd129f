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

describe('User → Make Group Manager', () => {
	it('refuses a guest as group manager before asking DocSpace, which would ignore it silently', async () => {
		const [refused] = await run({
			operation: 'makeGroupManager',
			user: byId(sandbox.state.ids.gina),
			groupId: sandbox.state.ids['group:hr'],
		});
		expect(refused.error).toBe("Invalid value in the parameter 'User' [item 0]");
		expect(sandbox.writes()).toEqual([]);
	});
});
