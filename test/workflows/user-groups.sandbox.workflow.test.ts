import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function run(parameters: Record<string, unknown>) {
	const { output, errors } = await runWorkflow(
		singleNodeWorkflow({ resource: 'user', ...parameters }, [{}], { continueOnFail: true }),
		sandboxCredentials(sandbox) as never,
	);
	expect(errors).toEqual({});
	return jsonOf(output['DocSpace Admin']);
}

describe('User → groups', () => {
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
