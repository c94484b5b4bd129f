import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { reportedStep, useArchiveOffboarding } from '../../harness/offboarding';

// What DocSpace refuses in the move of the workspace, or takes away with it, is known before
// anything changes: the room's storage quota (CopyPermissionsCheck) and who loses sight of it.
const { current, offboarding, run } = useArchiveOffboarding();
let sandbox: Sandbox;
let workspace: number;
beforeEach(() => {
	sandbox = current();
	workspace = sandbox.state.folders['workspace:jane'];
});

/** A custom room of the owner's with a storage quota of `quota` bytes. */
function roomWithQuota(quota: number): number {
	const state = sandbox.state;
	state.quota.rooms = { defaultQuota: -1 };
	const room = state.newEntry({
		kind: 'folder',
		title: 'Leavers',
		parentId: state.folders.rooms,
		createdBy: IDS.owner,
		folderType: 23,
		roomType: 5,
		shares: { [IDS.owner]: 9 },
		quota,
	});
	return room.id;
}

describe('Offboarding: the move of the workspace, checked before it starts', () => {
	it('Preview blocks a move into a room whose storage quota the workspace would exceed', async () => {
		const preview = await run(
			offboarding('preview', {
				archiveInto: 'existingRoom',
				archiveRoomId: String(roomWithQuota(1000)),
			}),
		);
		expect(preview.canRun).toBe(false);
		expect(preview.blockers).toEqual([
			expect.stringMatching(
				/^"Workspace – Jane Doe" holds \d+\.\d KB of files, but "Leavers" has 1000 bytes free of its 1000 bytes storage quota, and DocSpace refuses a move that does not fit\./,
			),
		]);
		expect(sandbox.writes()).toEqual([]);
	});

	it('lets a move that fits through, and reads the workspace only when the room has a quota', async () => {
		const roomId = String(roomWithQuota(10_000_000));
		const preview = await run(
			offboarding('preview', { archiveInto: 'existingRoom', archiveRoomId: roomId }),
		);
		expect(preview.blockers).toEqual([]);
		const listings = (quota: boolean) =>
			sandbox.log.filter((r) => r.method === 'GET' && r.path === `/files/${workspace}`).length >
				0 ===
			quota;
		expect(listings(true)).toBe(true);
		sandbox.log.length = 0;
		sandbox.state.quota.rooms = undefined;
		await run(offboarding('preview', { archiveInto: 'existingRoom', archiveRoomId: roomId }));
		expect(listings(false)).toBe(true);
	});

	it('Run checks the quota of the room it created before moving, and stops there', async () => {
		sandbox.state.quota.rooms = { defaultQuota: 1000 };
		const report = await run(offboarding('run', { finalStep: 'deleteProfile' }));
		expect(report).toMatchObject({ success: false, failedStep: 'moveWorkspace' });
		expect(String(report.failureReason)).toMatch(
			/storage quota, and DocSpace refuses a move that does not fit/,
		);
		expect(reportedStep(report, 'finalize').status).toBe('skipped');
		expect(sandbox.state.entry(workspace)!.parentId).toBe(sandbox.state.folders['room:workspaces']);
		expect(sandbox.state.user(IDS.jane)).toBeDefined();
		expect(sandbox.writes().some((r) => r.path === '/files/fileops/move')).toBe(false);
	});

	it('says whose access the move ends: the source room’s members who will not be in the archive room', async () => {
		// Hannah is in HR, the group invited to read the archive; Liam is in neither.
		const preview = await run(offboarding('preview'));
		expect(preview.warnings).toContain(
			'Liam Chen (a member of "Company Workspaces") will no longer see "Workspace – Jane Doe" once it is in the archive room: in a room only its members and DocSpace admins see its content. Invite whoever still needs it to the archive room.',
		);
		delete sandbox.state.entry(sandbox.state.folders['room:workspaces'])!.shares[
			sandbox.state.ids.liam
		];
		const none = await run(offboarding('preview'));
		expect((none.warnings as string[]).filter((w) => w.includes('will no longer see'))).toEqual([]);
		const room = sandbox.state.folders['room:workspaces'];
		sandbox.faults.push({ method: 'GET', path: `^/files/rooms/${room}/share$`, status: 403 });
		expect((await run(offboarding('preview'))).warnings).toContain(
			'Not checked: who the members of "Company Workspaces" are (DocSpace refused to show it to the credential’s user), so Preview cannot say whose access the move of "Workspace – Jane Doe" ends. Check it in DocSpace before you run.',
		);
	});

	it('from "My documents": names who it is shared with, and says when DocSpace will not show that', async () => {
		const state = sandbox.state;
		const folder = state.newEntry({
			kind: 'folder',
			title: 'Handover notes',
			parentId: state.myDocuments(IDS.owner)!.id,
			createdBy: IDS.owner,
			folderType: 0,
			shares: { [state.ids.liam]: 2 },
		});
		const preview = () => run(offboarding('preview', { workspaceFolderId: String(folder.id) }));
		expect((await preview()).warnings).toContain(
			'Liam Chen (it is shared with them in My documents) will no longer see "Handover notes" once it is in the archive room: in a room only its members and DocSpace admins see its content. Invite whoever still needs it to the archive room.',
		);
		sandbox.faults.push({ method: 'GET', path: `^/files/folder/${folder.id}/share$`, status: 403 });
		const refused = await preview();
		expect(refused.warnings).toContain(
			'Not checked: whom "Handover notes" is shared with (DocSpace refused to show it to the credential’s user), so Preview cannot say whose access the move of "Handover notes" ends. Check it in DocSpace before you run.',
		);
		expect((refused.warnings as string[]).some((w) => w.includes('will no longer see'))).toBe(
			false,
		);
		expect(sandbox.writes()).toEqual([]);
	});
});
