import { EMPLOYEE_STATUS } from '../../nodes/DocSpaceAdmin/api/codes';
import { jane, state, step } from '../harness/steps';

describe('Offboarding steps disable and moveWorkspace', () => {
	it('plan from the state alone', () => {
		expect(step('disable').plan(state())).toEqual({
			status: 'pending',
			detail: 'Disable Jane Doe and end all their sessions',
		});
		expect(
			step('disable').plan(state({ user: { ...jane, status: EMPLOYEE_STATUS.TERMINATED } })),
		).toMatchObject({ status: 'alreadyDone' });
		expect(step('disable').plan(state({ deletedOn: '2026-01-02' }))).toEqual({
			status: 'alreadyDone',
			detail: 'The profile was deleted on 2026-01-02',
		});
		expect(step('moveWorkspace').plan(state())).toEqual({
			status: 'skipped',
			detail: 'No workspace folder chosen',
		});
	});
});
