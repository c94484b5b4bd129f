import { CLIENT_IDS, IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { byId } from '../../harness/operations';
import { statuses, useArchiveOffboarding } from '../../harness/offboarding';

const { current, offboarding, run, archiveRoom } = useArchiveOffboarding();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
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
			reasons: [expect.stringContaining('owns 1 archived room')],
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
