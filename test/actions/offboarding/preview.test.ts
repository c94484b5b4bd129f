import { API_KEYS, IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { byId } from '../../harness/operations';
import {
	ARCHIVE_TITLE,
	plannedSteps as planned,
	useArchiveOffboarding,
} from '../../harness/offboarding';

const { current, offboarding, run } = useArchiveOffboarding();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

describe('Offboarding → Preview', () => {
	it('returns the ordered plan, says exactly who will see the archive, and makes no write request', async () => {
		const preview = await run(offboarding('preview', { finalStep: 'deleteProfile' }));
		expect(sandbox.writes()).toEqual([]);
		expect(preview).toMatchObject({
			user: { id: IDS.jane, status: 'active', type: 'user' },
			recipient: { id: IDS.bob },
			canRun: true,
			blockers: [],
			reassignment: { needed: true, reasons: ['owns 2 active rooms'] },
			archive: {
				workspace: { title: 'Workspace – Jane Doe' },
				room: { title: ARCHIVE_TITLE, exists: false },
			},
		});
		expect((preview.ownedRooms as Array<{ title: string }>).map((r) => r.title)).toEqual([
			'Project Phoenix',
			'Sales Deals',
		]);
		expect(planned(preview)).toEqual([
			'disable:pending',
			'reassign:pending',
			'leaveGroups:pending',
			'leaveRooms:skipped',
			'revokeKeysAndApps:pending',
			'createArchiveRoom:pending',
			'archiveAccess:pending',
			'moveWorkspace:pending',
			'finalize:pending',
			'auditSummary:pending',
			'storeReport:skipped',
			'archiveTheRoom:skipped',
		]);
		const visibleTo = (
			preview.archive as { visibleTo: Array<{ name: string; role: string }> }
		).visibleTo.map((v) => `${v.name}: ${v.role}`);
		expect(visibleTo).toEqual([
			'Alex Admin: owner',
			'Bob Brown: room manager',
			'HR: viewer',
			'Every DocSpace admin: viewer',
		]);
		expect(preview.warnings).toEqual([
			expect.stringContaining('revoke the consents'),
			'Liam Chen (a member of "Company Workspaces") will no longer see "Workspace – Jane Doe" once it is in the archive room: in a room only its members and DocSpace admins see its content. Invite whoever still needs it to the archive room.',
			expect.stringContaining('cannot be transferred by an admin'),
		]);
	});

	it('names what blocks the plan, and Run then sends nothing', async () => {
		const preview = await run(offboarding('preview', { recipient: byId(sandbox.state.ids.liam) }));
		expect(preview.canRun).toBe(false);
		expect(preview.blockers).toEqual([
			'Liam Chen cannot receive data: choose an active DocSpace admin or room admin.',
		]);
		const refused = await run(offboarding('run', { recipient: byId(sandbox.state.ids.liam) }));
		expect(refused.error).toBe(
			'The offboarding cannot start [item 0]: Liam Chen cannot receive data: choose an active DocSpace admin or room admin.',
		);
		expect(sandbox.writes()).toEqual([]);
	});

	it('blocks an archive room the credential’s user may not change, instead of failing halfway', async () => {
		// The owner is a DocSpace admin but not a member of "HR Policies": DocSpace refuses them its members and moves into it.
		const preview = await run(
			offboarding('preview', {
				archiveInto: 'existingRoom',
				archiveRoomId: String(sandbox.state.folders['room:hr']),
				readOnlyGroupId: '',
			}),
		);
		expect(preview.canRun).toBe(false);
		expect(preview.blockers).toEqual([
			'The credential’s user may not change the members of "HR Policies": only its owner and room managers may (a DocSpace admin must be invited as room manager).',
			'The credential’s user may not move anything into "HR Policies": invite them there as room manager or content creator.',
		]);
		expect(sandbox.writes()).toEqual([]);
	});

	it('blocks a workspace in a room where the credential’s user is not a room manager', async () => {
		const state = sandbox.state;
		delete state.entry(state.folders['room:workspaces'])!.shares[state.ids.sam];
		const preview = await run(offboarding('preview'), API_KEYS.admin);
		expect(preview.canRun).toBe(false);
		expect(preview.blockers).toEqual([
			expect.stringContaining('may not move "Workspace – Jane Doe"'),
		]);
	});

	it('lists who already sees an existing archive room, and refuses groups where the room type has no viewers', async () => {
		const partners = String(sandbox.state.folders['room:partners']);
		const preview = await run(
			offboarding('preview', { archiveInto: 'existingRoom', archiveRoomId: partners }),
		);
		expect(preview.blockers).toContain(
			'A public room does not accept groups as viewers: choose a custom, collaboration or virtual data room, or leave "Read-Only Group ID" empty.',
		);
		const names = (preview.archive as { visibleTo: Array<{ name: string }> }).visibleTo.map(
			(v) => v.name,
		);
		expect(names).toEqual(
			expect.arrayContaining(['Bob Brown', 'Petra Partner', 'Gina Guest', 'Every DocSpace admin']),
		);
	});

	it('blocks what DocSpace refuses for the people involved: LDAP users, admins without the owner, yourself', async () => {
		sandbox.state.user(IDS.jane)!.isLDAP = true;
		const ldap = await run(offboarding('preview', { finalStep: 'deleteProfile' }));
		expect(ldap.blockers).toEqual([
			'Jane Doe signs in through LDAP: DocSpace refuses to disable LDAP users. Disable them in your LDAP directory, then run again.',
			'Jane Doe signs in through LDAP: DocSpace refuses to delete LDAP users. Choose "Keep the Disabled Profile".',
		]);
		const admin = await run(
			offboarding('preview', { user: byId(sandbox.state.ids.dana), workspaceFolderId: '' }),
			API_KEYS.admin,
		);
		expect(admin.blockers).toEqual([
			'Dana Scully is a DocSpace admin: only the portal owner may disable them and hand over their data. Use the owner’s credential.',
		]);
		expect(sandbox.writes()).toEqual([]);
	});
});
