import { CLIENT_IDS, IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { reportedStep as step, useAccessOffboarding } from '../../harness/offboarding';

const { current, offboarding, run } = useAccessOffboarding();
let sandbox: Sandbox;
let engineering: string;
beforeEach(() => {
	sandbox = current();
	engineering = sandbox.state.ids['group:engineering'];
});

describe('Offboarding → Run: every door the leaver could still open', () => {
	it('Run closes them, hands the managed group over, and a second run changes nothing', async () => {
		const report = await run(offboarding('run'));
		expect(report).toMatchObject({ success: true });
		const state = sandbox.state;
		const group = state.groups.find((g) => g.id === engineering)!;
		expect(group.managerId).toBe(IDS.bob);
		expect(state.user(IDS.jane)!.groups).not.toContain(engineering);
		expect(state.entry(state.folders['room:workspaces'])!.shares[IDS.jane]).toBeUndefined();
		expect(state.entry(state.folders['room:hr'])!.shares[IDS.jane]).toBe(2);
		expect(state.apiKeys.some((k) => k.userId === IDS.jane)).toBe(false);
		expect(state.clients.some((c) => c.clientId === CLIENT_IDS.jane)).toBe(false);
		expect(step(report, 'leaveRooms').detail).toBe(
			'Jane Doe removed from "Company Workspaces"; still a member of "HR Policies" (the credential’s user is not a room manager there)',
		);
		// The new manager is set before the leaver leaves: DocSpace keeps a removed member as manager otherwise.
		const writes = sandbox.writes().map((r) => `${r.method} ${r.path}`);
		expect(writes.indexOf(`PUT /group/${engineering}/manager`)).toBeLessThan(
			writes.indexOf(`DELETE /group/${engineering}/members`),
		);

		sandbox.log.length = 0;
		const again = await run(offboarding('run'));
		expect(sandbox.writes()).toEqual([]);
		expect(again).toMatchObject({ success: true, changed: false });
		expect([
			step(again, 'leaveGroups').status,
			step(again, 'leaveRooms').status,
			step(again, 'revokeKeysAndApps').status,
		]).toEqual(['alreadyDone', 'skipped', 'alreadyDone']);
	});

	it('keeps a form filler in the room unless told to remove them anyway', async () => {
		sandbox.state.entry(sandbox.state.folders['room:workspaces'])!.formRoles = [IDS.jane];
		const kept = await run(offboarding('run'));
		expect(step(kept, 'leaveRooms').detail).toContain(
			'still a member of "HR Policies" (the credential’s user is not a room manager there), "Company Workspaces" (fills in forms there',
		);
		expect(sandbox.state.entry(sandbox.state.folders['room:workspaces'])!.shares[IDS.jane]).toBe(
			10,
		);
		const forced = await run(offboarding('run', { removeFormFillers: true }));
		expect(step(forced, 'leaveRooms').status).toBe('done');
		expect(
			sandbox.state.entry(sandbox.state.folders['room:workspaces'])!.shares[IDS.jane],
		).toBeUndefined();
	});
});
