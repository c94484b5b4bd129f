import { IDS } from '../../../sandbox/seed';
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

describe('User → Make Group Manager, then Remove From Group', () => {
	it('hands a group to a new manager, then takes the old one out', async () => {
		const engineering = sandbox.state.ids['group:engineering'];
		const [made] = await run({
			operation: 'makeGroupManager',
			user: byId(IDS.bob),
			groupId: engineering,
		});
		expect(made).toMatchObject({ groupId: engineering, name: 'Engineering', managerId: IDS.bob });
		const [removed] = await run({
			operation: 'removeFromGroup',
			user: byId(sandbox.state.ids.liam),
			groupId: engineering,
		});
		expect(removed).toMatchObject({ removed: true, stillManager: false });
		expect(sandbox.state.user(sandbox.state.ids.liam)!.groups).not.toContain(engineering);
	});
});
