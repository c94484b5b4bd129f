import { emptyArchive } from '../../../nodes/DocSpaceAdmin/helpers/offboarding/archive';
import { STEPS } from '../../../nodes/DocSpaceAdmin/helpers/offboarding/steps';
import type {
	OffboardingSettings,
	OffboardingState,
} from '../../../nodes/DocSpaceAdmin/helpers/offboarding/types';
import { EMPLOYEE_STATUS } from '../../../nodes/DocSpaceAdmin/api/codes';

// Each step plans from plain values: no node, no request.
const jane = { id: 'jane', displayName: 'Jane Doe', status: EMPLOYEE_STATUS.ACTIVE };
const bob = {
	id: 'bob',
	displayName: 'Bob Brown',
	status: EMPLOYEE_STATUS.ACTIVE,
	isRoomAdmin: true,
};
const admin = {
	id: 'admin',
	displayName: 'Alex Admin',
	status: EMPLOYEE_STATUS.ACTIVE,
	isAdmin: true,
};
const SETTINGS: OffboardingSettings = {
	archiveInto: 'newRoom',
	archiveTheRoom: false,
	leaveGroups: true,
	leaveRooms: true,
	removeFormFillers: false,
	revokeKeysAndApps: true,
	finalStep: 'keep',
};
const state = (overrides: Partial<OffboardingState> = {}): OffboardingState => ({
	user: jane,
	recipient: bob,
	self: admin,
	successor: bob,
	settings: SETTINGS,
	access: { groups: [], managed: [], rooms: [], keptRooms: [], keys: [], clients: [] },
	archive: { ...emptyArchive(), skipped: 'No workspace folder chosen' },
	...overrides,
});
const step = (name: string) => STEPS.find((s) => s.name === name)!;

describe('Offboarding steps', () => {
	it('are listed once, in the only safe order; every step that changes data is marked destructive', () => {
		expect(STEPS.map((s) => s.name)).toEqual([
			'disable',
			'reassign',
			'leaveGroups',
			'leaveRooms',
			'revokeKeysAndApps',
			'createArchiveRoom',
			'archiveAccess',
			'moveWorkspace',
			'finalize',
			'auditSummary',
			'storeReport',
			'archiveTheRoom',
		]);
		expect(STEPS.filter((s) => !s.destructive).map((s) => s.name)).toEqual([
			'disable',
			'auditSummary',
			'storeReport',
		]);
		for (const s of STEPS) expect(s.title.length).toBeGreaterThan(10);
	});

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
