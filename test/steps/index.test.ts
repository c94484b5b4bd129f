import { STEPS } from '../../nodes/DocSpaceAdmin/helpers/offboarding/steps';

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
});
