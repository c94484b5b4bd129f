import { CLIENT_IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { plannedStep as planned, useAccessOffboarding } from '../../harness/offboarding';

const { current, offboarding, run } = useAccessOffboarding();
let sandbox: Sandbox;
let engineering: string;
beforeEach(() => {
	sandbox = current();
	engineering = sandbox.state.ids['group:engineering'];
});

describe('Offboarding → Preview: every door the leaver could still open', () => {
	it('Preview lists the groups, the rooms (and why some stay), the API keys and OAuth apps, and writes nothing', async () => {
		const preview = await run(offboarding('preview'));
		expect(sandbox.writes()).toEqual([]);
		expect(preview).toMatchObject({
			canRun: true,
			groups: [{ id: engineering, name: 'Engineering', manages: true }],
			managedGroups: [{ id: engineering, name: 'Engineering' }],
			rooms: [
				{ title: 'Company Workspaces', willLeave: true },
				{
					title: 'HR Policies',
					willLeave: false,
					reason: 'the credential’s user is not a room manager there',
				},
			],
			apiKeys: [{ name: 'Jane scripts' }],
			oauthApps: [{ id: CLIENT_IDS.jane, name: 'Jane report exporter' }],
		});
		expect(planned(preview, 'leaveGroups').detail).toBe(
			'Make Bob Brown manager of "Engineering", then remove Jane Doe from "Engineering"',
		);
		expect(planned(preview, 'leaveRooms').detail).toBe('Remove Jane Doe from "Company Workspaces"');
		expect(planned(preview, 'revokeKeysAndApps').detail).toBe(
			'Revoke 1 API key ("Jane scripts") and delete 1 OAuth app ("Jane report exporter") of Jane Doe',
		);
		expect(preview.warnings).toEqual([
			expect.stringContaining(
				'Jane Doe stays a member of "HR Policies" (the credential’s user is not a room manager there)',
			),
			expect.stringContaining('revoke the consents the leaver gave to OAuth apps'),
		]);
	});

	it('blocks a new group manager DocSpace would silently ignore', async () => {
		const preview = await run(
			offboarding('preview', { newGroupManagerId: sandbox.state.ids.gina }),
		);
		expect(preview.blockers).toEqual([
			'Gina Guest cannot manage groups: choose an active user who is not a guest as the new group manager.',
		]);
	});
});
