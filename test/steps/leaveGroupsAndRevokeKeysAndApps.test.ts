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
});
