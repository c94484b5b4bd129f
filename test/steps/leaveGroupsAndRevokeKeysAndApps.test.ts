import { EMPLOYEE_STATUS } from '../../nodes/DocSpaceAdmin/api/codes';
import { bob, jane, state, step } from '../harness/steps';

describe('Offboarding steps leaveGroups and revokeKeysAndApps', () => {
	it('say what blocks a run and what to know before it', () => {
		const group = { id: 'g1', name: 'Engineering' };
		const groups = step('leaveGroups').plan(
			state({
				self: bob,
				successor: { ...jane, status: EMPLOYEE_STATUS.TERMINATED },
				access: { ...state().access, groups: [group], managed: [group] },
			}),
		);
		expect(groups.status).toBe('pending');
		expect(groups.blockers).toEqual([
			expect.stringMatching(/^Only a DocSpace admin may change groups/),
			expect.stringMatching(/^Jane Doe cannot manage groups/),
		]);
		expect(step('revokeKeysAndApps').plan(state({ self: bob }))).toMatchObject({
			status: 'skipped',
			warnings: [expect.stringMatching(/^Only a DocSpace admin can see other users’ API keys/)],
		});
	});

	it('never say "none" for what the credential could not read', () => {
		const refused = 'DocSpace answered 403';
		const plan = step('revokeKeysAndApps').plan(
			state({ access: { ...state().access, keysUnreadable: refused, clientsUnreadable: refused } }),
		);
		expect(plan).toMatchObject({
			status: 'skipped',
			detail:
				'Not checked: API keys and OAuth apps of Jane Doe could not be read with this credential',
		});
		expect(plan.warnings).toEqual([
			expect.stringMatching(
				/^The leaver’s API keys could not be checked \(DocSpace answered 403\): use a full-access API key/,
			),
			expect.stringMatching(
				/^The leaver’s OAuth apps could not be checked \(DocSpace answered 403\): use a full-access API key/,
			),
			expect.stringMatching(/^DocSpace has no way for an admin to revoke the consents/),
		]);
		// Keys that were read are still revoked when the apps could not be read.
		const key = { id: 'k1', name: 'Exporter', createBy: { id: 'jane' } };
		expect(
			step('revokeKeysAndApps').plan(
				state({ access: { ...state().access, keys: [key], clientsUnreadable: refused } }),
			),
		).toMatchObject({ status: 'pending', detail: 'Revoke 1 API key ("Exporter") of Jane Doe' });
	});
});
