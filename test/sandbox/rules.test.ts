/**
 * Conformance of the sandbox with the DocSpace server's rules (sandbox/README.md, table "Rules").
 * Every request goes over HTTP through `call`, which also checks it against the official spec.
 */
import { IDS, PASSWORD } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { API_KEYS, call, useSandbox, waitFor } from '../harness/sandbox';

const current = useSandbox({}, true);
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const id = (key: string) => sandbox.state.ids[key];
const folder = (key: string) => sandbox.state.folders[key];
const fileIn = (folderKey: string, title: string) =>
	sandbox.state.children(folder(folderKey)).find((e) => e.title === title)!.id;
const SAM = API_KEYS.admin;
const BOB = API_KEYS.roomAdmin;
const JANE = API_KEYS.user;

/** A session token for a seeded person without an API key. */
async function tokenOf(email: string): Promise<string> {
	const login = await call(sandbox, 'POST', '/authentication', {
		key: '',
		body: { userName: email, password: PASSWORD },
	});
	return `Bearer ${login.json.response.token as string}`;
}

async function security(path: string, options: { key?: string; token?: string } = {}) {
	const r = await call(sandbox, 'GET', path, options);
	expect(r.status).toBe(200);
	return r.json.response.security as Record<string, boolean>;
}

async function disable(...userIds: string[]) {
	expect((await call(sandbox, 'PUT', '/people/status/2', { body: { userIds } })).status).toBe(200);
}

async function share(
	roomId: number,
	invitations: Array<{ id: string; access: number }>,
	options: { key?: string; token?: string } = {},
) {
	return await call(sandbox, 'PUT', `/files/rooms/${roomId}/share`, {
		...options,
		body: { invitations, notify: false },
	});
}

async function move(body: Record<string, unknown>, key?: string, kind = 'move') {
	return await call(sandbox, 'PUT', `/files/fileops/${kind}`, {
		key,
		body: { deleteAfter: false, returnSingleOperation: true, ...body },
	});
}

async function opsById(opId: string, key?: string) {
	return (await call(sandbox, 'GET', `/files/fileops?id=${opId}`, { key })).json.response as Array<{
		id: string;
		finished: boolean;
	}>;
}

async function finishedInState(opId: string) {
	await waitFor(
		async () => (
			sandbox.state.tick(),
			sandbox.state.fileOps.find((o) => o.id === opId)!.status >= 2 ? true : undefined
		),
	);
}

async function reassignProgress(userId: string, key?: string) {
	return await call(sandbox, 'GET', `/people/reassign/progress/${userId}`, { key });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('1. access model (FileSecurity.FilterEntryAsync)', () => {
	it('gives a DocSpace admin who is not invited read access to a room and its content, not management', async () => {
		const deals = folder('room:deals');
		expect(await security(`/files/rooms/${deals}`)).toMatchObject({
			Read: true,
			Download: true,
			Copy: true,
			EditAccess: false,
			Create: false,
			EditRoom: false,
			Move: true,
			ChangeOwner: true,
		});
		expect((await call(sandbox, 'GET', `/files/${deals}`)).status).toBe(200);
		expect((await share(deals, [{ id: id('liam'), access: 10 }])).status).toBe(403);
	});

	it('gives the room owner full rights and members the rights of their role', async () => {
		expect(await security(`/files/rooms/${folder('room:partners')}`, { key: BOB })).toMatchObject({
			EditAccess: true,
			Create: true,
			Move: true,
			ChangeOwner: true,
			Delete: true,
		});
		const deals = `/files/rooms/${folder('room:deals')}`;
		expect(await security(deals, { key: JANE })).toMatchObject({
			EditAccess: true,
			Create: true,
			Move: false,
			ChangeOwner: false,
			Delete: false,
		});
		expect(
			await security(deals, { token: await tokenOf('emma.rossi@corp.example') }),
		).toMatchObject({ Read: true, Create: false, EditAccess: false });
		expect(await security(deals, { token: await tokenOf('ava.novak@corp.example') })).toMatchObject(
			{ Read: true, Create: false, MoveTo: false },
		);
		expect(
			(await call(sandbox, 'GET', `/files/rooms/${folder('room:hr')}`, { key: JANE })).status,
		).toBe(403);
	});

	it('allows in the Archive only read, delete room, copy, move (unarchive) and download', async () => {
		const marketing = `/files/rooms/${folder('room:marketing')}`;
		const flags = {
			Read: true,
			Copy: true,
			Download: true,
			Move: true,
			Delete: true,
			EditAccess: false,
			Create: false,
			EditRoom: false,
			ChangeOwner: false,
			Pin: false,
			Rename: false,
		};
		expect(
			await security(marketing, { token: await tokenOf('rita.rooms@corp.example') }),
		).toMatchObject(flags);
		expect(await security(marketing)).toMatchObject(flags);
	});
});

describe('2. security flags on DTOs (FileEntryDto.Security)', () => {
	it('lists the folder/room and file keys', async () => {
		const room = await security(`/files/rooms/${folder('room:phoenix')}`);
		expect(Object.keys(room).sort()).toEqual(
			[
				'ChangeOwner',
				'Copy',
				'CopyTo',
				'Create',
				'Delete',
				'Download',
				'Duplicate',
				'EditAccess',
				'EditRoom',
				'Move',
				'MoveTo',
				'Mute',
				'Pin',
				'Read',
				'Rename',
			].sort(),
		);
		const file = await security(`/files/file/${fileIn('room:phoenix', 'Roadmap.pptx')}`);
		expect(Object.keys(file).sort()).toEqual(
			['Copy', 'Delete', 'Download', 'Edit', 'Move', 'Read', 'Rename'].sort(),
		);
	});

	it('lets a content creator move and delete only what they created; the owner may do all in My documents', async () => {
		const liam = { token: await tokenOf('liam.chen@corp.example') };
		expect(
			await security(`/files/file/${fileIn('room:phoenix', 'Roadmap.pptx')}`, liam),
		).toMatchObject({ Move: true, Delete: true, Edit: true });
		const specs = fileIn('room:phoenix', 'Specifications');
		expect(await security(`/files/folder/${specs}`, liam)).toMatchObject({
			Move: false,
			Delete: false,
			Create: true,
			ChangeOwner: false,
		});
		const my = await call(sandbox, 'GET', '/files/@my', { key: JANE });
		expect(my.json.response.current.security).toMatchObject({
			Read: true,
			Create: true,
			Delete: true,
			EditAccess: true,
			Move: true,
			MoveTo: true,
		});
	});
});

describe('3. PUT files/rooms/{id}/share', () => {
	it('needs EditAccess, except to remove yourself', async () => {
		const deals = folder('room:deals');
		const ava = { token: await tokenOf('ava.novak@corp.example') };
		expect((await share(deals, [{ id: id('liam'), access: 10 }], ava)).status).toBe(403);
		const leave = await share(deals, [{ id: id('ava'), access: 0 }], ava);
		expect(leave.status).toBe(200);
		expect(sandbox.state.entry(deals)!.shares[id('ava')]).toBeUndefined();
	});

	it('refuses the whole request when a role is not allowed for the room type or the invitee', async () => {
		const deals = folder('room:deals');
		const reviewInEditingRoom = await share(
			deals,
			[
				{ id: id('liam'), access: 10 },
				{ id: id('zoe'), access: 5 },
			],
			{ key: JANE },
		);
		expect(reviewInEditingRoom.status).toBe(403);
		expect(sandbox.state.entry(deals)!.shares[id('liam')]).toBeUndefined();
		expect((await share(deals, [{ id: id('liam'), access: 9 }], { key: JANE })).status).toBe(403);
		expect(
			(await share(folder('room:phoenix'), [{ id: id('group:sales'), access: 9 }], { key: JANE }))
				.status,
		).toBe(403);
		const manager = await share(folder('room:phoenix'), [{ id: id('rita'), access: 9 }], {
			key: JANE,
		});
		expect(manager.json.response.members).toEqual([
			expect.objectContaining({
				access: 9,
				sharedToUser: expect.objectContaining({ id: id('rita') }),
			}),
		]);
	});

	it('skips disabled invitees and the room owner silently; members lists only who now holds a share', async () => {
		const deals = folder('room:deals');
		const r = await share(
			deals,
			[
				{ id: id('victor'), access: 10 },
				{ id: id('liam'), access: 10 },
			],
			{ key: JANE },
		);
		expect(
			r.json.response.members.map((m: { sharedToUser: { id: string } }) => m.sharedToUser.id),
		).toEqual([id('liam')]);
		expect(sandbox.state.entry(deals)!.shares[id('victor')]).toBeUndefined();
		const disabledAlone = await share(deals, [{ id: id('paula'), access: 2 }], { key: JANE });
		expect(disabledAlone.json.response).toEqual({ members: [], error: 0 });
		const partners = folder('room:partners');
		await share(partners, [{ id: IDS.bob, access: 11 }], { key: BOB });
		expect(sandbox.state.entry(partners)!.shares[IDS.bob]).toBe(9);
	});

	it('refuses changes in an archived room, even by its owner', async () => {
		const r = await share(folder('room:marketing'), [{ id: id('liam'), access: 10 }], {
			token: await tokenOf('rita.rooms@corp.example'),
		});
		expect(r.status).toBe(403);
	});
});

describe('4. PUT files/folder|file/{id}/share', () => {
	it('refuses user and group shares on entries inside rooms', async () => {
		const specs = fileIn('room:phoenix', 'Specifications');
		const folderShare = await call(sandbox, 'PUT', `/files/folder/${specs}/share`, {
			key: JANE,
			body: { share: [{ shareTo: id('liam'), access: 2 }] },
		});
		expect(folderShare.status).toBe(403);
		const fileShare = await call(
			sandbox,
			'PUT',
			`/files/file/${fileIn('room:phoenix', 'Roadmap.pptx')}/share`,
			{ key: JANE, body: { share: [{ shareTo: id('group:engineering'), access: 2 }] } },
		);
		expect(fileShare.status).toBe(403);
		expect(sandbox.state.entry(specs)!.shares).toEqual({});
	});

	it('lets the owner of a My documents entry share it with the personal roles only', async () => {
		const q3 = folder('janeQ3');
		const ok = await call(sandbox, 'PUT', `/files/file/${q3}/share`, {
			key: JANE,
			body: { share: [{ shareTo: id('liam'), access: 10 }] },
		});
		expect(ok.status).toBe(200);
		const manager = await call(sandbox, 'PUT', `/files/file/${q3}/share`, {
			key: JANE,
			body: { share: [{ shareTo: id('zoe'), access: 9 }] },
		});
		expect(manager.status).toBe(403);
		const notOwner = await call(sandbox, 'PUT', `/files/file/${q3}/share`, {
			key: BOB,
			body: { share: [{ shareTo: id('zoe'), access: 2 }] },
		});
		expect(notOwner.status).toBe(403);
	});
});

describe('5. POST files/rooms and GET files/file/{id}', () => {
	it.each([
		[1, 15],
		[2, 16],
		[5, 19],
		[6, 22],
		[8, 29],
	])(
		'creates a room of type %i as folder type %i, owned by the caller',
		async (roomType, folderType) => {
			const r = await call(sandbox, 'POST', '/files/rooms', {
				key: BOB,
				body: { title: 'New room', roomType },
			});
			expect(r.json.response).toMatchObject({
				title: 'New room',
				roomType,
				type: folderType,
				parentId: folder('rooms'),
				createdBy: { id: IDS.bob },
			});
			expect(r.json.response.security).toMatchObject({ EditAccess: true, ChangeOwner: true });
			expect(sandbox.state.audit.at(-1)).toMatchObject({
				actionId: 5070,
				userId: IDS.bob,
				target: [String(r.json.response.id)],
			});
		},
	);

	it('refuses a User (403) and an unknown room type (400)', async () => {
		expect(
			(
				await call(sandbox, 'POST', '/files/rooms', {
					key: JANE,
					body: { title: 'Mine', roomType: 5 },
				})
			).status,
		).toBe(403);
		const unknown = await call(sandbox, 'POST', '/files/rooms', {
			body: { title: 'Review', roomType: 3 },
			contract: false,
		});
		expect(unknown.status).toBe(400);
	});

	it('returns a file, 403 when unreadable, 404 when missing', async () => {
		const policy = fileIn('room:hr', 'Leave policy.pdf');
		const r = await call(sandbox, 'GET', `/files/file/${policy}`);
		expect(r.json.response).toMatchObject({
			id: policy,
			title: 'Leave policy.pdf',
			folderId: folder('room:hr'),
		});
		expect((await call(sandbox, 'GET', `/files/file/${policy}`, { key: JANE })).status).toBe(403);
		expect((await call(sandbox, 'GET', '/files/file/999999')).status).toBe(404);
	});
});

describe('6. PUT files/fileops/move and copy: synchronous checks', () => {
	it('refuses before any operation exists', async () => {
		const ws = folder('workspace:jane');
		expect((await move({ folderIds: [ws], destFolderId: 999999 })).status).toBe(404);
		expect((await move({ folderIds: [ws], destFolderId: folder('room:deals') })).status).toBe(403);
		expect((await move({ folderIds: [ws], destFolderId: ws })).status).toBe(403);
		const pipeline = fileIn('room:deals', 'Pipeline 2026.xlsx');
		expect((await move({ fileIds: [pipeline], destFolderId: ws })).status).toBe(403);
		expect((await move({ folderIds: [folder('room:deals')], destFolderId: ws })).status).toBe(403);
		expect((await move({ folderIds: [ws], destFolderId: folder('rooms') })).status).toBe(403);
		expect(
			(await move({ folderIds: [ws], destFolderId: folder('archiveRoot') }, undefined, 'copy'))
				.status,
		).toBe(403);
		expect(sandbox.state.fileOps).toEqual([]);
	});

	it('moves a room only to the Rooms or Archive root, for its owner or a DocSpace admin', async () => {
		const deals = folder('room:deals');
		expect(
			(await move({ folderIds: [deals], destFolderId: folder('archiveRoot') }, JANE)).status,
		).toBe(403);
		const r = await move({ folderIds: [deals], destFolderId: folder('archiveRoot') });
		expect(r.status).toBe(200);
		await finishedInState(r.json.response[0].id);
		expect(sandbox.state.entry(deals)!.parentId).toBe(folder('archiveRoot'));
	});
});

describe('7. GET files/fileops/checkdestfolder', () => {
	it('checks only the form-filling-room rule and returns the allowed files', async () => {
		const pdf = fileIn('room:hr', 'Leave policy.pdf');
		const xlsx = fileIn('room:deals', 'Pipeline 2026.xlsx');
		const anywhere = await call(
			sandbox,
			'GET',
			`/files/fileops/checkdestfolder?destFolderId=${folder('room:marketing')}&fileIds=${pdf}&fileIds=${xlsx}`,
		);
		expect(anywhere.json.response.result).toBe(0);
		expect(anywhere.json.response.files.map((f: { id: number }) => f.id)).toEqual([pdf, xlsx]);
		const formRoom = (
			await call(sandbox, 'POST', '/files/rooms', { body: { title: 'Forms', roomType: 1 } })
		).json.response.id as number;
		const part = await call(
			sandbox,
			'GET',
			`/files/fileops/checkdestfolder?destFolderId=${formRoom}&fileIds=${pdf}&fileIds=${xlsx}`,
		);
		expect(part.json.response).toMatchObject({
			result: 1,
			files: [expect.objectContaining({ id: pdf })],
		});
		const none = await call(
			sandbox,
			'GET',
			`/files/fileops/checkdestfolder?destFolderId=${formRoom}&fileIds=${xlsx}`,
		);
		expect(none.json.response.result).toBe(2);
		// No rights check: Jane may not write to the Archive, and may not read the form room.
		const noRights = await call(
			sandbox,
			'GET',
			`/files/fileops/checkdestfolder?destFolderId=${folder('room:marketing')}&fileIds=${xlsx}&folderIds=${folder('room:deals')}`,
			{ key: JANE },
		);
		expect(noRights.json.response.result).toBe(0);
	});
});

describe('8. file-operation reporting', () => {
	it('shows only the caller’s operations', async () => {
		const r = await move({
			folderIds: [folder('workspace:jane')],
			destFolderId: folder('archive'),
		});
		expect(await opsById(r.json.response[0].id, JANE)).toEqual([]);
		expect((await call(sandbox, 'GET', '/files/fileops', { key: JANE })).json.response).toEqual([]);
		expect(await opsById(r.json.response[0].id)).toHaveLength(1);
	});

	it('never reports an unheld operation after it finished', async () => {
		const r = await move({
			folderIds: [folder('workspace:jane')],
			destFolderId: folder('archive'),
			deleteAfter: true,
		});
		await finishedInState(r.json.response[0].id);
		expect(await opsById(r.json.response[0].id)).toEqual([]);
		expect(sandbox.state.entry(folder('workspace:jane'))!.parentId).toBe(folder('archive'));
	});

	it('lets a read without id, or a PUT answering with all operations, consume other finished records', async () => {
		const a = (
			await move({ folderIds: [folder('workspace:jane')], destFolderId: folder('archive') })
		).json.response[0].id as string;
		await finishedInState(a);
		const all = await call(sandbox, 'GET', '/files/fileops');
		expect(all.json.response).toEqual([expect.objectContaining({ id: a, finished: true })]);
		expect(await opsById(a)).toEqual([]);
		const copy = (
			await move(
				{ folderIds: [folder('workspace:liam')], destFolderId: folder('archive') },
				undefined,
				'copy',
			)
		).json.response[0].id as string;
		await finishedInState(copy);
		const next = await move({
			folderIds: [folder('workspace:noah')],
			destFolderId: folder('archive'),
			returnSingleOperation: false,
		});
		expect(next.json.response.map((o: { id: string }) => o.id)).not.toContain(copy);
		expect(await opsById(copy)).toEqual([]);
	});

	it('drops finished records nobody read expiryMs after their last update', async () => {
		sandbox.state.speed.expiryMs = 30;
		const r = await move({
			folderIds: [folder('workspace:jane')],
			destFolderId: folder('archive'),
		});
		await sleep(sandbox.state.speed.fileOpMs + 80);
		expect(await opsById(r.json.response[0].id)).toEqual([]);
	});
});

describe('9. people tasks', () => {
	it('lets any admin read and terminate another admin’s task; a DocSpace admin’s task needs the Owner', async () => {
		await disable(IDS.jane, id('dana'));
		sandbox.setJobFaults({ stickTask: { queue: 'reassign', atPercent: 30 } });
		await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: IDS.bob },
		});
		expect((await reassignProgress(IDS.jane, SAM)).json.response).toMatchObject({
			id: `1_${IDS.jane}_ReassignProgressItem`,
		});
		await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: id('dana'), toUserId: IDS.bob },
		});
		expect((await reassignProgress(id('dana'), SAM)).status).toBe(403);
		expect(
			(
				await call(sandbox, 'PUT', '/people/reassign/terminate', {
					key: SAM,
					body: { userId: id('dana') },
				})
			).status,
		).toBe(403);
		expect((await reassignProgress(id('dana'))).status).toBe(200);
		const stopped = await call(sandbox, 'PUT', '/people/reassign/terminate', {
			key: SAM,
			body: { userId: IDS.jane },
		});
		expect(stopped.json.response).toMatchObject({ status: 3, isCompleted: true });
	});

	it('returns the running task on a repeated start and replaces a finished one', async () => {
		await disable(IDS.jane);
		const first = await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: IDS.bob },
		});
		await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: id('rita'), deleteProfile: true },
		});
		expect(sandbox.state.tasks.get(`reassign:${IDS.jane}`)!.params).toEqual({
			toUserId: IDS.bob,
			deleteProfile: false,
		});
		await waitFor(async () =>
			(await reassignProgress(IDS.jane)).json.response.status === 2 ? true : undefined,
		);
		const again = await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: id('rita') },
		});
		expect(again.json.response).toMatchObject({
			id: first.json.response.id,
			status: 0,
			percentage: 0,
		});
		expect(sandbox.state.tasks.get(`reassign:${IDS.jane}`)!.params.toUserId).toBe(id('rita'));
	});

	it('forgets a finished task expiryMs after its last update', async () => {
		// Long enough for the finished task to be seen on a busy machine, short for the test.
		sandbox.state.speed.expiryMs = 400;
		await disable(IDS.jane);
		await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: IDS.bob },
		});
		await waitFor(async () =>
			(await reassignProgress(IDS.jane)).json.response?.status === 2 ? true : undefined,
		);
		await sleep(1_000);
		expect((await reassignProgress(IDS.jane)).json.response).toBeUndefined();
	});
});

describe('10. GET people/reassign/necessary', () => {
	it('is true for owners of active rooms, and for shared entries only with Type=Guest', async () => {
		const necessary = async (userId: string, type: string, key?: string) =>
			await call(sandbox, 'GET', `/people/reassign/necessary?UserId=${userId}&Type=${type}`, {
				key,
			});
		expect((await necessary(IDS.jane, 'User')).json.response).toBe(true);
		expect((await necessary(id('rita'), 'User')).json.response).toBe(false);
		expect((await necessary(id('rita'), 'Guest')).json.response).toBe(false);
		expect((await necessary(id('greg'), 'User')).json.response).toBe(false);
		expect((await necessary(id('greg'), 'Guest')).json.response).toBe(true);
		expect((await necessary(id('dana'), 'User', SAM)).status).toBe(403);
		expect((await necessary(id('dana'), 'User')).status).toBe(200);
	});
});

describe('11. POST people/reassign/start preconditions', () => {
	it('answers 400 for a wrong recipient or source', async () => {
		const start = async (fromUserId: string, toUserId: string, key?: string) =>
			await call(sandbox, 'POST', '/people/reassign/start', {
				key,
				body: { fromUserId, toUserId },
			});
		await disable(IDS.jane, id('dana'));
		const to = (userId: string) => [400, `Can not reassign data to user with id = ${userId}`];
		const from = (userId: string) => [400, `Can not reassign data from user with id = ${userId}`];
		const answer = (r: { status: number; json: { error: { message: string } } }) => [
			r.status,
			r.json.error.message,
		];
		expect(answer(await start(IDS.jane, id('liam')))).toEqual(to(id('liam')));
		expect(answer(await start(IDS.jane, id('greg')))).toEqual(to(id('greg')));
		expect(answer(await start(id('liam'), IDS.bob))).toEqual(from(id('liam')));
		expect(answer(await start(IDS.owner, IDS.bob))).toEqual(from(IDS.owner));
		expect(answer(await start(id('dana'), IDS.bob, SAM))).toEqual(from(id('dana')));
		expect(sandbox.state.tasks.size).toBe(0);
		expect((await start(id('dana'), IDS.bob)).status).toBe(200);
	});
});

describe('12. PUT people/status/{status}', () => {
	it('accepts only 1 or 2', async () => {
		expect(
			(await call(sandbox, 'PUT', '/people/status/4', { body: { userIds: [IDS.jane] } })).status,
		).toBe(400);
	});

	it('refuses the whole request for LDAP users, the owner, the caller, and DocSpace admins unless the Owner asks', async () => {
		sandbox.state.user(id('liam'))!.isLDAP = true;
		const status2 = async (userIds: string[], key?: string) =>
			(await call(sandbox, 'PUT', '/people/status/2', { key, body: { userIds } })).status;
		expect(await status2([IDS.jane, id('liam')])).toBe(403);
		expect(await status2([IDS.jane, IDS.owner])).toBe(403);
		expect(await status2([IDS.jane, id('sam')], SAM)).toBe(403);
		expect(await status2([IDS.jane, id('dana')], SAM)).toBe(403);
		expect(sandbox.state.user(IDS.jane)!.status).toBe(1);
		expect(await status2([IDS.jane, id('dana')])).toBe(200);
	});

	it('enables in request order and answers 402 over the paid seats after saving the earlier users', async () => {
		const quota = await fetch(`${sandbox.origin}/__sandbox/faults`, {
			method: 'PUT',
			body: JSON.stringify({ quota: { paidSeats: sandbox.state.paidSeatsUsed() } }),
		});
		expect(quota.status).toBe(204);
		const r = await call(sandbox, 'PUT', '/people/status/1', {
			body: { userIds: [id('victor'), id('greg'), id('paula')] },
		});
		expect([r.status, r.json.error.type]).toEqual([402, 'ASC.Core.Tenants.TenantQuotaException']);
		expect(
			[id('victor'), id('greg'), id('paula')].map((u) => sandbox.state.user(u)!.status),
		).toEqual([1, 2, 2]);
	});
});

describe('13. DELETE people/{id} and PUT people/delete', () => {
	it('refuses LDAP users, active users, and DocSpace admins unless the Owner asks; 500 during a reassignment', async () => {
		sandbox.state.user(id('paula'))!.isLDAP = true;
		expect((await call(sandbox, 'DELETE', `/people/${id('paula')}`)).status).toBe(403);
		const active = await call(sandbox, 'DELETE', `/people/${IDS.jane}`);
		expect([active.status, active.json.error.message]).toEqual([403, 'The user is not suspended']);
		await disable(id('dana'), IDS.jane);
		expect((await call(sandbox, 'DELETE', `/people/${id('dana')}`, { key: SAM })).status).toBe(403);
		sandbox.setJobFaults({ stickTask: { queue: 'reassign', atPercent: 30 } });
		await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: IDS.bob },
		});
		expect((await call(sandbox, 'DELETE', `/people/${IDS.jane}`)).status).toBe(500);
		expect((await call(sandbox, 'DELETE', `/people/${id('dana')}`)).status).toBe(200);
	});

	it('bulk: drops LDAP users, skips those the caller may not manage, returns the rest', async () => {
		sandbox.state.user(id('paula'))!.isLDAP = true;
		await disable(id('dana'));
		const r = await call(sandbox, 'PUT', '/people/delete', {
			key: SAM,
			body: { userIds: [id('paula'), id('dana'), id('greg')] },
		});
		expect(r.json.response.map((u: { id: string }) => u.id)).toEqual([id('dana'), id('greg')]);
		expect([id('paula'), id('dana'), id('greg')].map((u) => !!sandbox.state.user(u))).toEqual([
			true,
			true,
			false,
		]);
	});
});

describe('14. POST people/remove/start', () => {
	it('answers 400 or 403 for the wrong target, and hands the rooms to the caller', async () => {
		const remove = async (userId: string, key?: string) =>
			await call(sandbox, 'POST', '/people/remove/start', { key, body: { userId } });
		expect((await remove('00000000-0000-4000-a000-000000000001')).status).toBe(400);
		expect((await remove(IDS.owner)).status).toBe(400);
		expect((await remove(IDS.jane)).status).toBe(400);
		await disable(IDS.jane, id('dana'));
		expect((await remove(id('dana'), SAM)).status).toBe(403);
		expect((await remove(IDS.jane, SAM)).status).toBe(200);
		await waitFor(async () =>
			(await call(sandbox, 'GET', `/people/remove/progress/${IDS.jane}`, { key: SAM })).json
				.response.status === 2
				? true
				: undefined,
		);
		expect(sandbox.state.entry(folder('room:deals'))!.createdBy).toBe(id('sam'));
	});
});

describe('15. profile reads', () => {
	it('lets a User or Guest read only themself, a room admin non-guests and related guests, an admin everyone', async () => {
		expect((await call(sandbox, 'GET', `/people/${id('liam')}`, { key: JANE })).status).toBe(403);
		expect((await call(sandbox, 'GET', `/people/${IDS.jane}`, { key: JANE })).status).toBe(200);
		expect((await call(sandbox, 'GET', '/people/filter', { key: JANE })).status).toBe(403);
		expect((await call(sandbox, 'GET', `/people/${id('liam')}`, { key: BOB })).status).toBe(200);
		expect((await call(sandbox, 'GET', `/people/${id('carl')}`, { key: BOB })).status).toBe(403);
		expect((await call(sandbox, 'GET', `/people/${id('gina')}`, { key: BOB })).status).toBe(200);
		expect((await call(sandbox, 'GET', `/people/${IDS.owner}`, { key: SAM })).status).toBe(200);
		const guests = await call(sandbox, 'GET', '/people/filter?employeeType=Guest', { key: BOB });
		expect(guests.json.response.map((u: { id: string }) => u.id)).toEqual([
			id('gina'),
			id('petra'),
		]);
	});
});

describe('16. validation', () => {
	it('answers 400 with ValidationProblemDetails for over-long fields and invalid e-mails', async () => {
		const long = 'x'.repeat(256);
		const r = await call(sandbox, 'POST', '/people', {
			body: { firstName: long, lastName: 'Doe', email: 'not-an-email', type: 'User' },
			contract: false,
		});
		expect(r.status).toBe(400);
		expect(r.json).toMatchObject({
			response: {
				type: expect.any(String),
				title: expect.any(String),
				status: 400,
				errors: { FirstName: [expect.any(String)], Email: [expect.any(String)] },
			},
			status: 1,
			statusCode: 400,
		});
		const self = await call(sandbox, 'PUT', `/people/${IDS.jane}`, {
			key: JANE,
			body: { lastName: long },
			contract: false,
		});
		expect(self.json.response.errors).toEqual({
			LastName: ['The field LastName must be a string with a maximum length of 255.'],
		});
	});
});
