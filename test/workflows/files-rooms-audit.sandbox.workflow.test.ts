import { API_KEYS, IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const folder = (key: string) => sandbox.state.folders[key];
const id = (key: string) => sandbox.state.ids[key];
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

async function run(parameters: Record<string, unknown>, apiKey = API_KEYS.owner) {
	const { output, errors } = await runWorkflow(
		singleNodeWorkflow(parameters, [{}], { continueOnFail: true }),
		sandboxCredentials(sandbox, { apiKey }) as never,
	);
	expect(errors).toEqual({});
	return jsonOf(output['DocSpace Admin']);
}

describe('Folder / File', () => {
	it('moves an employee’s workspace into the Archive folder and waits for it', async () => {
		const [result] = await run({
			resource: 'folder',
			operation: 'move',
			folderIds: String(folder('workspace:jane')),
			destination: byId(folder('archive')),
			conflictResolution: 'Skip',
		});
		expect(result).toMatchObject({
			operation: 'move',
			status: 'completed',
			finished: true,
			progress: 100,
			error: '',
			outcome: 'completed',
			destinationId: folder('archive'),
			moved: [
				{
					id: folder('workspace:jane'),
					title: 'Workspace – Jane Doe',
					type: 'folder',
					parentId: folder('archive'),
				},
			],
		});
		expect(sandbox.state.entry(folder('workspace:jane'))!.parentId).toBe(folder('archive'));
		const moves = sandbox.log.filter((r) => r.path === '/files/fileops/move');
		expect(moves).toHaveLength(1);
		expect(moves[0].body).toMatchObject({
			deleteAfter: false,
			returnSingleOperation: true,
			conflictResolveType: 'Skip',
		});
	});

	it('is refused by DocSpace when the move starts, with nothing moved and no dry run', async () => {
		const [result] = await run({
			resource: 'folder',
			operation: 'move',
			folderIds: String(folder('workspace:jane')),
			destination: byId(folder('room:hr')),
		});
		// The owner is a DocSpace admin but not a member of "HR Policies": DocSpace checks the rights at the start (CopyPermissionsCheck).
		expect(result.error).toMatch(/^Could not move the entries/);
		expect(sandbox.writes().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'PUT /files/fileops/move 403',
		]);
		expect(sandbox.log.some((r) => r.path === '/files/fileops/checkdestfolder')).toBe(false);
		expect(sandbox.state.entry(folder('workspace:jane'))!.parentId).toBe(folder('room:workspaces'));
	});

	it('shares a "My documents" file with "Viewer" as access 2, and lists the sharing', async () => {
		const handbook = sandbox.state.entries.find((e) => e.title === 'Company handbook.pdf')!.id;
		const shared = await run({
			resource: 'folder',
			operation: 'share',
			entryType: 'file',
			entryId: String(handbook),
			shareWith: { share: [{ subjectId: IDS.bob, access: 2 }] },
			notify: false,
		});
		expect(shared).toEqual([
			expect.objectContaining({
				subjectId: IDS.bob,
				access: 'viewer',
				accessCode: 2,
				subjectType: 'user',
			}),
		]);
		expect(sandbox.log.find((r) => r.method === 'PUT')!.body).toEqual({
			share: [{ shareTo: IDS.bob, access: 2 }],
			notify: false,
		});
		const list = await run({
			resource: 'folder',
			operation: 'getSharing',
			entryType: 'file',
			entryId: String(handbook),
		});
		expect(list.map((s) => s.access)).toEqual(['fullAccess', 'viewer']);
	});

	it('refuses to share with people inside a room, before sending anything', async () => {
		const [refused] = await run({
			resource: 'folder',
			operation: 'share',
			entryType: 'folder',
			entryId: String(folder('workspace:jane')),
			shareWith: { share: [{ subjectId: IDS.bob, access: 2 }] },
		});
		expect(refused.error).toBe(
			'"Workspace – Jane Doe" is in a room: DocSpace shares it only by link, not with people or groups [item 0]',
		);
		expect(sandbox.writes()).toEqual([]);
	});

	it('lists a folder’s contents with a limit, and gets a folder', async () => {
		const entries = await run({
			resource: 'folder',
			operation: 'getContents',
			folder: byId(folder('room:workspaces')),
			returnAll: false,
			limit: 3,
			filters: { show: 'folders' },
		});
		expect(entries).toHaveLength(3);
		expect(entries.every((e) => e.type === 'folder')).toBe(true);
		expect(sandbox.log[0].query).toContain('count=3');
		const [info] = await run({
			resource: 'folder',
			operation: 'get',
			folder: byId(folder('room:deals')),
		});
		expect(info).toMatchObject({
			title: 'Sales Deals',
			type: 'room',
			roomType: 'editing',
			location: 'rooms',
			owner: 'Jane Doe',
		});
	});

	it('says when a finished operation is no longer listed', async () => {
		const [status] = await run({
			resource: 'folder',
			operation: 'getOperationStatus',
			operationId: '7c9a1f0e-1b2c-4d3e-9f4a-5b6c7d8e9f00',
		});
		expect(status).toMatchObject({ status: 'gone' });
	});
});

describe('Room', () => {
	it('lists the rooms a user owns, in any area', async () => {
		const rooms = await run({
			resource: 'room',
			operation: 'getMany',
			returnAll: true,
			subject: 'owner',
			user: byId(IDS.jane),
			searchArea: 2,
		});
		expect(rooms.map((r) => r.title)).toEqual(['Project Phoenix', 'Sales Deals']);
	});

	it('changes the owner to a room admin and can take the previous owner out', async () => {
		// The owner is a DocSpace admin: may change the owner, but not the members of a room they were not invited to.
		const change = {
			resource: 'room',
			operation: 'changeOwner',
			room: byId(folder('room:deals')),
			newOwner: byId(IDS.bob),
		};
		const [notAMember] = await run({ ...change, removePreviousOwner: true });
		expect(notAMember.error).toBe(
			'The credential’s user may not remove members of "Sales Deals" [item 0]',
		);
		expect(sandbox.writes()).toEqual([]);
		const [result] = await run(change);
		expect(result).toMatchObject({
			id: folder('room:deals'),
			ownerId: IDS.bob,
			previousOwnerId: IDS.jane,
			previousOwnerRemoved: false,
		});
		// DocSpace keeps the previous owner as room manager.
		expect(sandbox.state.entry(folder('room:deals'))!.shares[IDS.jane]).toBe(9);
		const [refused] = await run({
			resource: 'room',
			operation: 'changeOwner',
			room: byId(folder('room:phoenix')),
			newOwner: byId(id('liam')),
		});
		expect(refused.error).toBe("Invalid value in the parameter 'New Owner' [item 0]");
		sandbox.log.length = 0;
		const [archived] = await run({
			resource: 'room',
			operation: 'changeOwner',
			room: byId(folder('room:marketing')),
			newOwner: byId(IDS.bob),
		});
		expect(archived.error).toBe('The room "Legacy Marketing" is in the Archive [item 0]');
		expect(sandbox.writes()).toEqual([]);
	});

	it('archives and unarchives, waiting for the file operation', async () => {
		const [archived] = await run({
			resource: 'room',
			operation: 'archive',
			room: byId(folder('room:deals')),
		});
		expect(archived).toMatchObject({
			roomId: folder('room:deals'),
			status: 'completed',
			outcome: 'completed',
		});
		expect(sandbox.state.entry(folder('room:deals'))!.parentId).toBe(
			sandbox.state.folders.archiveRoot,
		);
		await run({ resource: 'room', operation: 'unarchive', room: byId(folder('room:deals')) });
		expect(sandbox.state.entry(folder('room:deals'))!.parentId).toBe(sandbox.state.folders.rooms);
	});

	it('lists members, and removes a form filler only when forced', async () => {
		const members = await run({
			resource: 'room',
			operation: 'getMembers',
			room: byId(folder('room:phoenix')),
			members: 'users',
		});
		// A DocSpace admin who was not invited may read the room but not change its members.
		const [outsider] = await run({
			resource: 'room',
			operation: 'setMemberAccess',
			room: byId(folder('room:phoenix')),
			memberId: id('kai'),
			access: 2,
		});
		expect(outsider.error).toMatch(/^Could not change the room’s members/);
		expect(members.map((m) => m.name)).toEqual(['Jane Doe', 'Liam Chen', 'Noah Singh']);
		const remove = {
			resource: 'room',
			operation: 'setMemberAccess',
			room: byId(folder('room:phoenix')),
			memberId: id('noah'),
			access: 0,
		};
		// Jane is a room manager of her room.
		const [blocked] = await run(remove, API_KEYS.user);
		expect(blocked.error).toBe('DocSpace kept the room’s members unchanged [item 0]');
		const [removed] = await run({ ...remove, options: { force: true } }, API_KEYS.user);
		expect(removed).toEqual({
			roomId: folder('room:phoenix'),
			memberId: id('noah'),
			removed: true,
		});
		const [viewer] = await run({ ...remove, memberId: IDS.bob, access: 2 }, API_KEYS.user);
		expect(viewer).toMatchObject({ subjectId: IDS.bob, access: 'viewer' });
	});
});
