import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { API_KEYS, call, useSandbox, waitFor } from '../harness/sandbox';

const current = useSandbox({}, true);
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const folder = (key: string) => sandbox.state.folders[key];

async function move(body: Record<string, unknown>, key?: string) {
	return await call(sandbox, 'PUT', '/files/fileops/move', {
		key,
		body: { deleteAfter: false, returnSingleOperation: true, ...body },
	});
}

async function finished(opId: string, key?: string) {
	return await waitFor(async () => {
		const ops = (await call(sandbox, 'GET', `/files/fileops?id=${opId}`, { key })).json
			.response as Array<{ id: string; finished: boolean }>;
		const op = ops.find((o) => o.id === opId);
		return op?.finished ? op : undefined;
	});
}

describe('folders', () => {
	it('lists a room’s contents with paging and breadcrumbs', async () => {
		const r = await call(
			sandbox,
			'GET',
			`/files/${folder('room:workspaces')}?count=5&startIndex=0`,
		);
		expect(r.json.response).toMatchObject({
			startIndex: 0,
			count: 5,
			current: { id: folder('room:workspaces'), title: 'Company Workspaces', roomType: 5 },
		});
		expect(r.json.response.total).toBeGreaterThan(10);
		expect(r.json.response.pathParts.map((p: { title: string }) => p.title)).toEqual([
			'Rooms',
			'Company Workspaces',
		]);
	});

	it('shows "My documents" of the caller only', async () => {
		const mine = await call(sandbox, 'GET', '/files/@my', { key: API_KEYS.user });
		expect(mine.json.response.current).toMatchObject({ title: 'My documents', rootFolderType: 5 });
		expect(mine.json.response.files.map((f: { title: string }) => f.title).sort()).toEqual([
			'Personal notes.txt',
			'Q3 plan.docx',
		]);
		const foreign = await call(sandbox, 'GET', `/files/${folder('my:jane')}`);
		expect([foreign.status, foreign.json.error.message]).toEqual([403, 'Access denied']);
		const missing = await call(sandbox, 'GET', '/files/folder/999999');
		expect(missing.status).toBe(404);
	});
});

describe('paths, trees and room quotas', () => {
	it('answers a folder’s path from the section root, and lists every file of a tree', async () => {
		const workspace = folder('workspace:jane');
		const path = await call(sandbox, 'GET', `/files/folder/${workspace}/path`);
		expect(path.json.response.map((e: { title: string }) => e.title)).toEqual([
			'Rooms',
			'Company Workspaces',
			'Workspace – Jane Doe',
		]);
		const tree = await call(
			sandbox,
			'GET',
			`/files/${folder('room:workspaces')}?filterType=1&withSubFolders=true&count=100`,
		);
		const titles = tree.json.response.files.map((f: { title: string }) => f.title);
		expect(titles).toContain('Jane – onboarding checklist.docx');
		expect(tree.json.response.folders).toEqual([]);
	});

	it('shows usedSpace on rooms, and quotaLimit only while room quotas are on', async () => {
		const room = folder('room:workspaces');
		const off = (await call(sandbox, 'GET', `/files/rooms/${room}`)).json.response;
		expect(off.usedSpace).toBeGreaterThan(0);
		expect(off.quotaLimit).toBeUndefined();
		sandbox.state.quota.rooms = { defaultQuota: 5000 };
		const on = (await call(sandbox, 'GET', `/files/rooms/${room}`)).json.response;
		expect([on.quotaLimit, on.isCustomQuota]).toEqual([5000, false]);
		sandbox.state.entry(room)!.quota = -1;
		const none = (await call(sandbox, 'GET', `/files/rooms/${room}`)).json.response;
		expect([none.quotaLimit, none.isCustomQuota]).toEqual([-1, true]);
	});

	it('refuses, before any operation exists, a folder that does not fit in the target room’s quota', async () => {
		sandbox.state.quota.rooms = { defaultQuota: -1 };
		const deals = sandbox.state.newEntry({
			kind: 'folder',
			title: 'Leavers',
			parentId: folder('rooms'),
			createdBy: IDS.owner,
			folderType: 23,
			roomType: 5,
			shares: { [IDS.owner]: 9 },
			quota: 1000,
		});
		const body = { folderIds: [folder('workspace:jane')], fileIds: [], destFolderId: deals.id };
		const refused = await move(body);
		expect([refused.status, refused.json.error.message]).toEqual([
			403,
			"The room's storage quota is exceeded (1000 bytes).",
		]);
		expect(sandbox.state.fileOps).toEqual([]);
		deals.quota = 10_000_000;
		expect((await move(body)).status).toBe(200);
	});
});

describe('file operations', () => {
	it('moves a workspace into the Archive folder; the result is reported once, then gone', async () => {
		const started = await move({
			folderIds: [folder('workspace:jane')],
			destFolderId: folder('archive'),
		});
		expect(started.json.response).toHaveLength(1);
		const op = started.json.response[0];
		expect(op).toMatchObject({
			Operation: 0,
			finished: false,
			progress: 0,
			processed: '0',
			error: '',
		});
		const done = (await finished(op.id)) as unknown as {
			folders: Array<{ id: number; parentId: number }>;
			processed: string;
		};
		expect(done.folders).toEqual([
			expect.objectContaining({ id: folder('workspace:jane'), parentId: folder('archive') }),
		]);
		expect(done.processed).toBe('1');
		expect((await call(sandbox, 'GET', `/files/fileops?id=${op.id}`)).json.response).toEqual([]);
		expect(sandbox.state.entry(folder('workspace:jane'))!.parentId).toBe(folder('archive'));
		expect(sandbox.state.audit.at(-1)).toMatchObject({ actionId: 5024 });
	});

	it('resolves name clashes as asked', async () => {
		const ws = folder('workspace:jane');
		const copy = await call(sandbox, 'PUT', '/files/fileops/copy', {
			body: {
				folderIds: [ws],
				destFolderId: folder('archive'),
				deleteAfter: false,
				returnSingleOperation: true,
			},
		});
		await finished(copy.json.response[0].id);
		const dup = await move({
			folderIds: [ws],
			destFolderId: folder('archive'),
			conflictResolveType: 'Duplicate',
		});
		await finished(dup.json.response[0].id);
		const titles = sandbox.state
			.children(folder('archive'))
			.map((e) => e.title)
			.sort();
		expect(titles).toEqual([
			'Offboarding log.xlsx',
			'Workspace – Jane Doe',
			'Workspace – Jane Doe (1)',
		]);
	});

	it('refuses a move synchronously without rights on the source', async () => {
		const r = await move(
			{
				fileIds: [sandbox.state.children(folder('room:hr'))[0].id],
				destFolderId: folder('my:jane'),
			},
			API_KEYS.user,
		);
		expect(r.status).toBe(403);
	});

	it('reports failures found while the job runs in the operation’s error', async () => {
		const pipeline = sandbox.state
			.children(folder('room:deals'))
			.find((e) => e.title === 'Pipeline 2026.xlsx')!;
		const r = await move(
			{ fileIds: [pipeline.id], destFolderId: folder('room:phoenix') },
			API_KEYS.user,
		);
		expect(r.status).toBe(200);
		// Jane loses her role in the destination before the job runs: the job checks again.
		delete sandbox.state.entry(folder('room:phoenix'))!.shares[IDS.jane];
		const done = await finished(r.json.response[0].id, API_KEYS.user);
		expect(done).toMatchObject({
			error: "You don't have enough permission to create in the destination folder",
			status: 4,
		});
		expect(sandbox.state.entry(pipeline.id)!.parentId).toBe(folder('room:deals'));
	});

	it('can be made to fail or hang, and terminated', async () => {
		sandbox.setJobFaults({ failFileOp: { message: 'Disk is full' } });
		const failing = await move({
			folderIds: [folder('workspace:jane')],
			destFolderId: folder('archive'),
		});
		expect(await finished(failing.json.response[0].id)).toMatchObject({
			error: 'Disk is full',
			status: 4,
		});
		sandbox.setJobFaults({ stickFileOp: true });
		const stuck = await move({
			folderIds: [folder('workspace:liam')],
			destFolderId: folder('archive'),
		});
		const id = stuck.json.response[0].id as string;
		await new Promise((r) => setTimeout(r, 80));
		expect((await call(sandbox, 'GET', `/files/fileops?id=${id}`)).json.response[0].finished).toBe(
			false,
		);
		await call(sandbox, 'PUT', `/files/fileops/terminate/${id}`);
		expect(await finished(id)).toMatchObject({ status: 3 });
	});
});

describe('sharing and owners', () => {
	it('shares a folder in My documents as Viewer (2) and revokes with None (0)', async () => {
		const drafts = sandbox.state.children(folder('my:jane')).find((e) => e.title === 'Drafts')!.id;
		const shared = await call(sandbox, 'PUT', `/files/folder/${drafts}/share`, {
			key: API_KEYS.user,
			body: { share: [{ shareTo: IDS.bob, access: 2 }], notify: false },
		});
		expect(shared.json.response).toEqual([
			expect.objectContaining({
				access: 2,
				sharedToUser: expect.objectContaining({ id: IDS.bob }),
			}),
		]);
		const list = await call(sandbox, 'GET', `/files/folder/${drafts}/share`, {
			key: API_KEYS.user,
		});
		expect(list.json.response.map((s: { access: number }) => s.access)).toEqual([1, 2]);
		await call(sandbox, 'PUT', `/files/folder/${drafts}/share`, {
			key: API_KEYS.user,
			body: { share: [{ shareTo: IDS.bob, access: 0 }] },
		});
		expect(sandbox.state.entry(drafts)!.shares[IDS.bob]).toBeUndefined();
	});

	it('changes a room’s owner only to an active admin or room admin', async () => {
		const deals = folder('room:deals');
		const toUser = await call(sandbox, 'POST', '/files/owner', {
			body: { folderIds: [deals], userId: sandbox.state.ids.liam },
		});
		expect(toUser.status).toBe(403);
		const ok = await call(sandbox, 'POST', '/files/owner', {
			body: { folderIds: [deals], userId: IDS.bob },
		});
		expect(ok.json.response[0]).toMatchObject({
			id: deals,
			createdBy: expect.objectContaining({ id: IDS.bob }),
		});
		expect(sandbox.state.entry(deals)!.shares[IDS.jane]).toBe(9);
	});
});

describe('rooms', () => {
	it('lists the rooms a user owns, in any area', async () => {
		const owned = await call(
			sandbox,
			'GET',
			`/files/rooms?subjectId=${IDS.jane}&subjectFilter=0&searchArea=2`,
		);
		expect(owned.json.response.folders.map((f: { title: string }) => f.title)).toEqual([
			'Project Phoenix',
			'Sales Deals',
		]);
		const member = await call(
			sandbox,
			'GET',
			`/files/rooms?subjectId=${IDS.bob}&subjectFilter=1&searchArea=2`,
		);
		expect(member.json.response.folders.map((f: { title: string }) => f.title)).toEqual([
			'Sales Deals',
		]);
		const archived = await call(sandbox, 'GET', '/files/rooms?searchArea=1');
		expect(archived.json.response.folders.map((f: { title: string }) => f.title)).toEqual([
			'Legacy Marketing',
		]);
	});

	it('archives and unarchives through a file operation', async () => {
		const deals = folder('room:deals');
		const r = await call(sandbox, 'PUT', `/files/rooms/${deals}/archive`, {
			body: { deleteAfter: false },
		});
		expect(r.json.response).toMatchObject({ Operation: 0, finished: false });
		await finished(r.json.response.id);
		expect(sandbox.state.entry(deals)!.parentId).toBe(sandbox.state.folders.archiveRoot);
		expect((await call(sandbox, 'GET', `/files/rooms/${deals}`)).json.response.rootFolderType).toBe(
			20,
		);
		const back = await call(sandbox, 'PUT', `/files/rooms/${deals}/unarchive`, {
			body: { deleteAfter: false },
		});
		await finished(back.json.response.id);
		expect(sandbox.state.entry(deals)!.parentId).toBe(sandbox.state.folders.rooms);
		const denied = await call(sandbox, 'PUT', `/files/rooms/${folder('room:hr')}/archive`, {
			key: API_KEYS.user,
			body: { deleteAfter: false },
		});
		expect(denied.status).toBe(403);
	});

	it('lists members with total, and needs force to remove a form filler', async () => {
		const phoenix = folder('room:phoenix');
		const users = await call(
			sandbox,
			'GET',
			`/files/rooms/${phoenix}/share?filterType=16&count=100`,
		);
		expect(users.json.total).toBe(3);
		const blocked = await call(sandbox, 'PUT', `/files/rooms/${phoenix}/share`, {
			key: API_KEYS.user,
			body: { invitations: [{ id: sandbox.state.ids.noah, access: 0 }], notify: false },
		});
		expect(blocked.json.response).toEqual({ members: [], error: 1 });
		expect(sandbox.state.entry(phoenix)!.shares[sandbox.state.ids.noah]).toBe(10);
		await call(sandbox, 'PUT', `/files/rooms/${phoenix}/share`, {
			key: API_KEYS.user,
			body: {
				invitations: [{ id: sandbox.state.ids.noah, access: 0 }],
				notify: false,
				force: true,
			},
		});
		expect(sandbox.state.entry(phoenix)!.shares[sandbox.state.ids.noah]).toBeUndefined();
	});
});
