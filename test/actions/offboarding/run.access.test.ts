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
		expect(step(report, 'leaveRooms').readBack).toBe(
			'Jane Doe is a member of none of the rooms they left; still a member, as reported, of "HR Policies"',
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

	it('fails the step when the portal answers the removal as done but keeps the member', async () => {
		sandbox.faults.push({ method: 'PUT', path: '^/files/rooms/[^/]+/share$', status: 200 });
		const report = await run(offboarding('run'));
		expect(report).toMatchObject({ success: false, failedStep: 'leaveRooms' });
		expect(step(report, 'leaveRooms')).toMatchObject({ status: 'failed' });
		expect(String(report.failureReason)).toBe(
			'Read back, DocSpace shows Jane Doe still a member of "Company Workspaces"',
		);
	});
});
