import type { OffboardingSettings } from '../../nodes/DocSpaceAdmin/helpers/offboarding/types';
import { SETTINGS, state, step } from '../harness/steps';

describe('Offboarding step finalize', () => {
	it('erase data only on the exact final step', () => {
		const finalize = step('finalize');
		const plan = (finalStep: string) =>
			finalize.plan(state({ settings: { ...SETTINGS, finalStep } as OffboardingSettings }));
		expect(plan('keep')).toEqual({ status: 'skipped', detail: 'The disabled profile is kept' });
		expect(plan('deleteProfile')).toMatchObject({
			status: 'pending',
			detail: expect.stringMatching(/^Delete the profile of Jane Doe/),
		});
		expect(plan('removeData')).toMatchObject({
			status: 'pending',
			detail: expect.stringMatching(/^Erase the personal documents of Jane Doe/),
		});
		for (const sloppy of ['Keep', 'KEEP', 'none', ''])
			expect(() => plan(sloppy)).toThrow(`Unknown final step "${sloppy}"`);
	});
});
