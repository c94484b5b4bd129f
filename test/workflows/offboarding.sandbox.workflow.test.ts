import { API_KEYS, CLIENT_IDS, IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

const current = useSandbox({ speed: { taskStepMs: 30, fileOpMs: 60 } });
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
	// A colleague can see Jane's workspace today, through the team room it sits in.
	const workspaces = sandbox.state.entry(sandbox.state.folders['room:workspaces'])!;
	workspaces.shares[sandbox.state.ids.liam] = 10;
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const ARCHIVE_TITLE = `Archive – Jane Doe (${IDS.jane})`;

function offboarding(operation: 'preview' | 'run', extra: Record<string, unknown> = {}) {
	return {
		resource: 'offboarding',
		operation,
		user: byId(IDS.jane),
		recipient: byId(IDS.bob),
		workspaceFolderId: String(sandbox.state.folders['workspace:jane']),
		archiveInto: 'newRoom',
		archiveRoomTitle: '',
		readOnlyGroupId: sandbox.state.ids['group:hr'],
		archiveTheRoom: false,
		finalStep: 'keep',
		report: { attachFiles: false },
		...extra,
	};
}

async function run(parameters: Record<string, unknown>, apiKey = API_KEYS.owner) {
	const { output, errors } = await runWorkflow(
		singleNodeWorkflow(parameters, [{}], { continueOnFail: true }),
		sandboxCredentials(sandbox, { apiKey }) as never,
	);
	expect(errors).toEqual({});
	return jsonOf(output['DocSpace Admin'])[0];
}

const statuses = (report: Record<string, unknown>) =>
	Object.fromEntries(
		(report.steps as Array<{ step: string; status: string }>).map((s) => [s.step, s.status]),
	);
const planned = (preview: Record<string, unknown>) =>
	(preview.plan as Array<{ step: string; status: string }>).map((s) => `${s.step}:${s.status}`);
const archiveRoom = () =>
	sandbox.state.entries.find((e) => e.title === ARCHIVE_TITLE && sandbox.state.isRoom(e));

describe('Offboarding → Preview', () => {
	it('returns the ordered plan, says exactly who will see the archive, and makes no write request', async () => {
		const preview = await run(offboarding('preview', { finalStep: 'deleteProfile' }));
		expect(sandbox.writes()).toEqual([]);
		expect(preview).toMatchObject({
			user: { id: IDS.jane, status: 'active', type: 'user' },
			recipient: { id: IDS.bob },
			canRun: true,
			blockers: [],
			reassignment: { needed: true, reasons: ['owns 2 active room(s)'] },
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
			`${sandbox.state.ids['group:hr']}: viewer`,
			'Every DocSpace admin: viewer',
		]);
		expect(preview.warnings).toEqual([
			expect.stringContaining('revoke the consents'),
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

describe('Offboarding → Run', () => {
	it('offboards in the safe order into an archive only the right people can open, and a second run changes nothing', async () => {
		const report = await run(offboarding('run', { finalStep: 'deleteProfile' }));
		expect(report).toMatchObject({ success: true, changed: true });
		expect(statuses(report)).toEqual({
			disable: 'done',
			reassign: 'done',
			leaveGroups: 'done',
			leaveRooms: 'skipped',
			revokeKeysAndApps: 'done',
			createArchiveRoom: 'done',
			archiveAccess: 'done',
			moveWorkspace: 'done',
			archiveTheRoom: 'skipped',
			finalize: 'done',
			auditSummary: 'done',
			storeReport: 'skipped',
		});
		const state = sandbox.state;
		expect(state.user(IDS.jane)).toBeUndefined();
		expect(state.entry(state.folders['room:deals'])!.createdBy).toBe(IDS.bob);
		const room = archiveRoom()!;
		const workspace = state.entry(state.folders['workspace:jane'])!;
		expect(workspace.parentId).toBe(room.id);
		// The recipient opens the archive; Liam, who saw the workspace in the team room, no longer does.
		expect(state.access(state.user(IDS.bob)!, workspace)).toBeGreaterThan(0);
		expect(state.access(state.user(state.ids.olivia)!, workspace)).toBeGreaterThan(0);
		expect(state.access(state.user(state.ids.liam)!, workspace)).toBe(0);
		const writes = sandbox.writes().map((r) => `${r.method} ${r.path}`);
		const engineering = state.ids['group:engineering'];
		expect(writes).toEqual([
			'PUT /people/status/2',
			'POST /people/reassign/start',
			`DELETE /group/${engineering}/members`,
			expect.stringMatching(/^DELETE \/keys\/[0-9a-f-]+$/),
			`DELETE /clients/${CLIENT_IDS.jane}`,
			'POST /files/rooms',
			`PUT /files/rooms/${room.id}/share`,
			'PUT /files/fileops/move',
			`DELETE /people/${IDS.jane}`,
		]);
		expect(report.audit).toMatchObject({ available: true });

		sandbox.log.length = 0;
		const again = await run(offboarding('run', { finalStep: 'deleteProfile' }));
		expect(sandbox.writes()).toEqual([]);
		expect(again).toMatchObject({ success: true, changed: false });
		expect(statuses(again)).toEqual({
			disable: 'alreadyDone',
			reassign: 'alreadyDone',
			leaveGroups: 'alreadyDone',
			leaveRooms: 'alreadyDone',
			revokeKeysAndApps: 'alreadyDone',
			createArchiveRoom: 'alreadyDone',
			archiveAccess: 'alreadyDone',
			moveWorkspace: 'alreadyDone',
			archiveTheRoom: 'skipped',
			finalize: 'alreadyDone',
			auditSummary: 'done',
			storeReport: 'skipped',
		});
	});

	it('moves the archive room to DocSpace’s Archive when asked to, and is idempotent too', async () => {
		const report = await run(offboarding('run', { archiveTheRoom: true }));
		expect(statuses(report)).toMatchObject({ archiveTheRoom: 'done', finalize: 'skipped' });
		expect(sandbox.state.root(archiveRoom()!).id).toBe(sandbox.state.folders.archiveRoot);
		expect(sandbox.state.user(IDS.jane)!.status).toBe(2);
		sandbox.log.length = 0;
		const again = await run(offboarding('run', { archiveTheRoom: true }));
		expect(sandbox.writes()).toEqual([]);
		expect(statuses(again)).toMatchObject({
			disable: 'alreadyDone',
			reassign: 'alreadyDone',
			createArchiveRoom: 'alreadyDone',
			moveWorkspace: 'alreadyDone',
			archiveTheRoom: 'alreadyDone',
		});
	});

	it('hands over a leaver who owns only archived rooms, which DocSpace’s own check calls "not needed"', async () => {
		const rita = sandbox.state.ids.rita;
		const preview = await run(offboarding('preview', { user: byId(rita), workspaceFolderId: '' }));
		expect(preview.reassignment).toEqual({
			needed: true,
			reasons: [expect.stringContaining('owns 1 archived room(s)')],
		});
		const report = await run(offboarding('run', { user: byId(rita), workspaceFolderId: '' }));
		expect(statuses(report)).toMatchObject({ reassign: 'done' });
		expect(sandbox.state.entry(sandbox.state.folders['room:marketing'])!.createdBy).toBe(IDS.bob);
	});

	it('hands over the shared files of a leaver without rooms', async () => {
		const greg = sandbox.state.ids.greg;
		const preview = await run(offboarding('preview', { user: byId(greg), workspaceFolderId: '' }));
		expect(preview.reassignment).toEqual({
			needed: true,
			reasons: ['shared files from "My documents"'],
		});
	});

	it('stops every destructive step after a failed reassignment', async () => {
		sandbox.setJobFaults({
			failTask: { queue: 'reassign', atPercent: 50, message: 'Storage quota exceeded' },
		});
		const report = await run(offboarding('run', { finalStep: 'removeData' }));
		expect(report).toMatchObject({
			success: false,
			failedStep: 'reassign',
			failureReason: 'The reassignment failed [item 0]: Storage quota exceeded',
		});
		expect(statuses(report)).toEqual({
			disable: 'done',
			reassign: 'failed',
			leaveGroups: 'skipped',
			leaveRooms: 'skipped',
			revokeKeysAndApps: 'skipped',
			createArchiveRoom: 'skipped',
			archiveAccess: 'skipped',
			moveWorkspace: 'skipped',
			archiveTheRoom: 'skipped',
			finalize: 'skipped',
			auditSummary: 'done',
			storeReport: 'skipped',
		});
		const state = sandbox.state;
		expect(state.user(IDS.jane)!.status).toBe(2);
		expect(state.myDocuments(IDS.jane)).toBeDefined();
		expect(state.entry(state.folders['workspace:jane'])!.parentId).toBe(
			state.folders['room:workspaces'],
		);
		expect(sandbox.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
			'PUT /people/status/2',
			'POST /people/reassign/start',
		]);
	});
});

describe('Offboarding → Run always waits', () => {
	const removals = () => sandbox.writes().filter((w) => /^\/people\/remove\//.test(w.path));
	const deletions = () =>
		sandbox.writes().filter((w) => w.method === 'DELETE' && w.path.includes(IDS.jane));

	it('waits for the reassignment even when an old workflow still says "Wait for Completion: off"', async () => {
		const report = await run(
			offboarding('run', { waitForCompletion: false, finalStep: 'deleteProfile' }),
		);
		expect(report.success).toBe(true);
		expect(statuses(report)).toMatchObject({ reassign: 'done', finalize: 'done' });
		expect(sandbox.state.user(IDS.jane)).toBeUndefined();
	});

	it('stops before anything destructive when the reassignment outlasts the timeout', async () => {
		sandbox.state.speed.taskStepMs = 5_000;
		const report = await run(
			offboarding('run', {
				finalStep: 'removeData',
				waitOptions: { timeoutSeconds: 1, pollIntervalSeconds: 1 },
			}),
		);
		expect(report.success).toBe(false);
		expect(report.failedStep).toBe('reassign');
		expect(String(report.failureReason)).toMatch(/^The reassignment did not finish/);
		expect(statuses(report)).toMatchObject({
			disable: 'done',
			reassign: 'failed',
			moveWorkspace: 'skipped',
			finalize: 'skipped',
			auditSummary: 'done',
		});
		expect(removals()).toEqual([]);
		expect(deletions()).toEqual([]);
	});
});

describe('Offboarding namesakes', () => {
	/** Liam and Noah are both called John Smith; Bob receives Liam's data, Rita Noah's. */
	function johnSmiths() {
		const { state } = sandbox;
		for (const key of ['liam', 'noah']) {
			const user = state.user(state.ids[key])!;
			user.firstName = 'John';
			user.lastName = 'Smith';
		}
		const leaver = (key: 'liam' | 'noah', recipient: string, extra: Record<string, unknown> = {}) =>
			offboarding('run', {
				user: byId(state.ids[key]),
				recipient: byId(recipient),
				workspaceFolderId: String(state.folders[`workspace:${key}`]),
				readOnlyGroupId: '',
				...extra,
			});
		return { state, leaver };
	}

	it('gives each John Smith an archive room of his own, which only his recipient can open', async () => {
		const { state, leaver } = johnSmiths();
		const first = await run(leaver('liam', IDS.bob));
		const second = await run(leaver('noah', state.ids.rita));
		expect([first.success, second.success]).toEqual([true, true]);

		const roomOf = (key: string) =>
			state.entry(state.entry(state.folders[`workspace:${key}`])!.parentId)!;
		expect(roomOf('liam').title).toBe(`Archive – John Smith (${state.ids.liam})`);
		expect(roomOf('noah').title).toBe(`Archive – John Smith (${state.ids.noah})`);
		expect(roomOf('liam').id).not.toBe(roomOf('noah').id);
		const noahsWork = state.entry(state.folders['workspace:noah'])!;
		expect(state.access(state.user(IDS.bob)!, noahsWork)).toBe(0);
		expect(state.access(state.user(state.ids.rita)!, noahsWork)).toBeGreaterThan(0);
	});

	it('Preview says which room and why it is this leaver’s; a rerun finds it by the user ID', async () => {
		const { state, leaver } = johnSmiths();
		await run(leaver('liam', IDS.bob));
		const again = await run({ ...leaver('liam', IDS.bob), operation: 'preview' });
		expect(again.archive).toMatchObject({
			room: {
				title: `Archive – John Smith (${state.ids.liam})`,
				exists: true,
				why: expect.stringContaining('its title carries their user ID'),
			},
		});
		const namesake = await run({ ...leaver('noah', state.ids.rita), operation: 'preview' });
		expect(namesake.archive).toMatchObject({
			room: {
				title: `Archive – John Smith (${state.ids.noah})`,
				exists: false,
				why: expect.stringContaining('A new room for John Smith'),
			},
		});
	});

	it('refuses another leaver’s archive room chosen by ID, before any write', async () => {
		const { state, leaver } = johnSmiths();
		await run(leaver('liam', IDS.bob));
		const liamsRoom = state.entry(state.folders['workspace:liam'])!.parentId;
		sandbox.log.length = 0;
		const report = await run(
			leaver('noah', state.ids.rita, {
				archiveInto: 'existingRoom',
				archiveRoomId: String(liamsRoom),
			}),
		);
		expect(report.error).toContain('The offboarding cannot start');
		expect(report.description).toContain('is the archive room of another leaver');
		expect(sandbox.writes()).toEqual([]);
	});
});
