/**
 * Conformance of the sandbox's groups, API keys, OAuth clients and file insert with the DocSpace server's
 * rules (sandbox/README.md, table "Rules", rows marked O).
 * Every request goes over HTTP through `call`, which also checks it against the official spec.
 */
import { CLIENT_IDS, IDS, PASSWORD } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { API_KEYS, call, useSandbox } from '../harness/sandbox';

const current = useSandbox({}, true);
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const id = (key: string) => sandbox.state.ids[key];
const folder = (key: string) => sandbox.state.folders[key];
const SAM = API_KEYS.admin;
const BOB = API_KEYS.roomAdmin;
const JANE = API_KEYS.user;

async function tokenOf(email: string): Promise<string> {
	const login = await call(sandbox, 'POST', '/authentication', {
		key: '',
		body: { userName: email, password: PASSWORD },
	});
	return `Bearer ${login.json.response.token as string}`;
}

async function disable(...userIds: string[]) {
	expect((await call(sandbox, 'PUT', '/people/status/2', { body: { userIds } })).status).toBe(200);
}

async function deleteProfile(userId: string) {
	expect((await call(sandbox, 'DELETE', `/people/${userId}`)).status).toBe(200);
}

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id);

describe('groups (GroupsController)', () => {
	it('lists groups without members, with manager and membersCount; filters by member, manager and name, and pages', async () => {
		const all = await call(sandbox, 'GET', '/group?count=2&startIndex=0');
		expect(all.json.total).toBe(4);
		expect(all.json.response.map((g: { name: string }) => g.name)).toEqual([
			'Engineering',
			'Finance',
		]);
		expect(all.json.response[0]).toMatchObject({
			id: id('group:engineering'),
			manager: { id: id('liam') },
			membersCount: 4,
			isLDAP: false,
		});
		expect(all.json.response[0].members).toBeUndefined();
		const janes = await call(sandbox, 'GET', `/group?userId=${IDS.jane}`);
		expect(ids(janes.json.response)).toEqual([id('group:engineering')]);
		expect(
			(await call(sandbox, 'GET', `/group?userId=${IDS.jane}&manager=true`)).json.response,
		).toEqual([]);
		const liam = await call(sandbox, 'GET', `/group?userId=${id('liam')}&manager=true`);
		expect(ids(liam.json.response)).toEqual([id('group:engineering')]);
		expect(ids((await call(sandbox, 'GET', '/group?filterValue=fin')).json.response)).toEqual([
			id('group:finance'),
		]);
		expect((await call(sandbox, 'GET', '/group?count=0', { contract: false })).status).toBe(400);
	});

	it('returns one group with its members on request, 404 for an unknown one', async () => {
		const eng = await call(sandbox, 'GET', `/group/${id('group:engineering')}?includeMembers=true`);
		expect(ids(eng.json.response.members).sort()).toEqual(
			[IDS.jane, id('liam'), id('noah'), id('kai')].sort(),
		);
		expect(
			(await call(sandbox, 'GET', `/group/${id('group:engineering')}`)).json.response.members,
		).toBeUndefined();
		expect((await call(sandbox, 'GET', '/group/00000000-0000-0000-0000-00000000abcd')).status).toBe(
			404,
		);
	});

	it('lists a user’s groups as summaries, also for a disabled user, and [] for an unknown one', async () => {
		const jane = await call(sandbox, 'GET', `/group/user/${IDS.jane}`);
		expect(jane.json.response).toEqual([
			{ id: id('group:engineering'), name: 'Engineering', isSystem: false },
		]);
		expect(ids((await call(sandbox, 'GET', `/group/user/${id('victor')}`)).json.response)).toEqual([
			id('group:sales'),
		]);
		expect(
			(await call(sandbox, 'GET', '/group/user/00000000-0000-0000-0000-00000000abcd')).json
				.response,
		).toEqual([]);
	});

	it('refuses group reads to guests and group writes to everyone but the owner and DocSpace admins', async () => {
		const guest = await tokenOf('carl.contractor@corp.example');
		expect((await call(sandbox, 'GET', '/group', { token: guest })).status).toBe(403);
		expect((await call(sandbox, 'GET', `/group/user/${IDS.jane}`, { token: guest })).status).toBe(
			403,
		);
		expect((await call(sandbox, 'GET', '/group', { key: JANE })).status).toBe(200);
		const eng = id('group:engineering');
		expect(
			(
				await call(sandbox, 'DELETE', `/group/${eng}/members`, {
					key: BOB,
					body: { members: [IDS.jane] },
				})
			).status,
		).toBe(403);
		expect(
			(
				await call(sandbox, 'PUT', `/group/${eng}/manager`, {
					key: BOB,
					body: { userId: id('kai') },
				})
			).status,
		).toBe(403);
		expect(sandbox.state.group(eng)!.managerId).toBe(id('liam'));
		expect(
			(
				await call(sandbox, 'DELETE', `/group/${eng}/members`, {
					key: SAM,
					body: { members: [IDS.jane] },
				})
			).status,
		).toBe(200);
	});

	it('removes members forgivingly and keeps the manager when the manager is removed', async () => {
		const eng = id('group:engineering');
		const removed = await call(sandbox, 'DELETE', `/group/${eng}/members`, {
			body: { members: [id('liam'), id('emma'), '00000000-0000-0000-0000-00000000abcd'] },
		});
		expect(removed.status).toBe(200);
		expect(removed.json.response).toMatchObject({
			id: eng,
			manager: { id: id('liam') },
			membersCount: 3,
		});
		expect(removed.json.response.members).toBeUndefined();
		const after = await call(sandbox, 'GET', `/group/${eng}?includeMembers=true`);
		expect(ids(after.json.response.members)).not.toContain(id('liam'));
		expect(after.json.response.manager.id).toBe(id('liam'));
		expect(
			(
				await call(sandbox, 'DELETE', '/group/00000000-0000-0000-0000-00000000abcd/members', {
					body: { members: [] },
				})
			).status,
		).toBe(404);
	});

	it('sets a manager, adding them as a member and keeping the old one; ignores guests and disabled users; 404s the unknown', async () => {
		const eng = id('group:engineering');
		const set = await call(sandbox, 'PUT', `/group/${eng}/manager`, {
			body: { userId: id('zoe') },
		});
		expect(set.json.response).toMatchObject({ manager: { id: id('zoe') }, membersCount: 5 });
		const members = ids(
			(await call(sandbox, 'GET', `/group/${eng}?includeMembers=true`)).json.response.members,
		);
		expect(members).toEqual(expect.arrayContaining([id('zoe'), id('liam')]));
		for (const userId of [id('carl'), id('paula')]) {
			const ignored = await call(sandbox, 'PUT', `/group/${eng}/manager`, { body: { userId } });
			expect([
				ignored.status,
				ignored.json.response.manager.id,
				ignored.json.response.membersCount,
			]).toEqual([200, id('zoe'), 5]);
		}
		expect(sandbox.state.user(id('carl'))!.groups).toEqual([]);
		expect(
			(
				await call(sandbox, 'PUT', `/group/${eng}/manager`, {
					body: { userId: '00000000-0000-0000-0000-00000000abcd' },
				})
			).status,
		).toBe(404);
		expect(
			(
				await call(sandbox, 'PUT', '/group/00000000-0000-0000-0000-00000000abcd/manager', {
					body: { userId: id('zoe') },
				})
			).status,
		).toBe(404);
	});

	it('keeps a disabled user’s memberships and managership, hiding them from members; deleting the profile ends both', async () => {
		const sales = id('group:sales');
		// Seed: Victor (disabled) still manages Sales and is a member.
		const before = await call(sandbox, 'GET', `/group/${sales}?includeMembers=true`);
		expect(before.json.response.manager.id).toBe(id('victor'));
		expect(ids(before.json.response.members)).not.toContain(id('victor'));
		expect(before.json.response.membersCount).toBe(3);
		await disable(IDS.jane);
		expect(ids((await call(sandbox, 'GET', `/group?userId=${IDS.jane}`)).json.response)).toEqual([
			id('group:engineering'),
		]);
		expect(
			(await call(sandbox, 'GET', `/group/${id('group:engineering')}`)).json.response.membersCount,
		).toBe(3);
		await deleteProfile(id('victor'));
		const after = await call(sandbox, 'GET', `/group/${sales}`);
		expect(after.json.response.manager).toBeUndefined();
		expect(
			(await call(sandbox, 'GET', `/group?userId=${id('victor')}&manager=true`)).json.response,
		).toEqual([]);
	});
});

describe('API keys (ApiKeysController)', () => {
	it('lists every key of the portal to the owner and DocSpace admins, and only their own to others', async () => {
		const all = await call(sandbox, 'GET', '/keys');
		expect(all.json.response).toHaveLength(sandbox.state.apiKeys.length);
		const victors = all.json.response.find(
			(k: { createBy: { id: string } }) => k.createBy.id === id('victor'),
		);
		expect(victors).toMatchObject({
			name: 'Victor CRM export',
			keyPostfix: API_KEYS.leaver.slice(-4),
			isActive: true,
			permissions: ['*'],
		});
		expect(victors.key).toBeUndefined();
		expect(victors.createOn).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect((await call(sandbox, 'GET', '/keys', { key: SAM })).json.response).toHaveLength(
			sandbox.state.apiKeys.length,
		);
		const own = await call(sandbox, 'GET', '/keys', { key: JANE });
		expect(own.json.response.map((k: { name: string }) => k.name)).toEqual(['Jane scripts']);
		expect(own.json.response[0].lastUsed).toMatch(/^\d{4}-/);
	});

	it('lets an admin deactivate and delete anyone’s key; others get false for keys not their own', async () => {
		const janes = sandbox.state.apiKeys.find((k) => k.key === JANE)!.id;
		const bobs = sandbox.state.apiKeys.find((k) => k.key === BOB)!.id;
		expect(
			(await call(sandbox, 'PUT', `/keys/${bobs}`, { key: JANE, body: { isActive: false } })).json
				.response,
		).toBe(false);
		expect((await call(sandbox, 'DELETE', `/keys/${bobs}`, { key: JANE })).json.response).toBe(
			false,
		);
		expect((await call(sandbox, 'GET', '/people/@self', { key: BOB })).status).toBe(200);
		expect(
			(await call(sandbox, 'PUT', `/keys/${janes}`, { key: SAM, body: { isActive: false } })).json
				.response,
		).toBe(true);
		expect((await call(sandbox, 'GET', '/people/@self', { key: JANE })).status).toBe(401);
		expect(
			(await call(sandbox, 'PUT', `/keys/${janes}`, { body: { isActive: true } })).json.response,
		).toBe(true);
		expect((await call(sandbox, 'GET', '/people/@self', { key: JANE })).status).toBe(200);
		expect((await call(sandbox, 'DELETE', `/keys/${janes}`, { key: SAM })).json.response).toBe(
			true,
		);
		expect((await call(sandbox, 'GET', '/people/@self', { key: JANE })).status).toBe(401);
		expect((await call(sandbox, 'DELETE', `/keys/${bobs}`, { key: BOB })).json.response).toBe(true);
		expect((await call(sandbox, 'DELETE', `/keys/${janes}`)).status).toBe(500);
	});

	it('answers 401 for a disabled user’s key, and again after re-enabling works; deleting the profile keeps the key', async () => {
		expect((await call(sandbox, 'GET', '/people/@self', { key: API_KEYS.leaver })).status).toBe(
			401,
		);
		await disable(IDS.jane);
		expect((await call(sandbox, 'GET', '/people/@self', { key: JANE })).status).toBe(401);
		expect(
			(await call(sandbox, 'PUT', '/people/status/1', { body: { userIds: [IDS.jane] } })).status,
		).toBe(200);
		expect((await call(sandbox, 'GET', '/people/@self', { key: JANE })).status).toBe(200);
		await deleteProfile(id('victor'));
		const keys = (await call(sandbox, 'GET', '/keys')).json.response as Array<{
			name: string;
			createBy: { id: string };
		}>;
		expect(keys.find((k) => k.name === 'Victor CRM export')!.createBy.id).toBe(id('victor'));
		expect((await call(sandbox, 'GET', '/people/@self', { key: API_KEYS.leaver })).status).toBe(
			401,
		);
	});
});

describe('OAuth clients (identity service)', () => {
	/** A call as the identity service wants it: the portal's signature token in X-Signature, no key. */
	const signed = async (
		method: string,
		path: string,
		key: string = API_KEYS.owner,
		extra: { contract?: boolean } = {},
	) => {
		const token = (await call(sandbox, 'GET', '/security/oauth2/token', { key })).json.response;
		return await call(sandbox, method, path, {
			key: '',
			headers: { 'x-signature': token },
			...extra,
		});
	};

	it('takes only the portal signature token: an API key alone, an unknown or an expired token get 403', async () => {
		expect((await call(sandbox, 'GET', '/clients?limit=50', { contract: false })).status).toBe(403);
		expect(
			(
				await call(sandbox, 'GET', '/clients?limit=50', {
					key: '',
					headers: { 'x-signature': 'sig-forged' },
					contract: false,
				})
			).status,
		).toBe(403);
		const token = (await call(sandbox, 'GET', '/security/oauth2/token')).json.response as string;
		sandbox.state.signatures.get(token)!.expires = Date.now() - 1;
		expect(
			(
				await call(sandbox, 'GET', '/clients?limit=50', {
					key: '',
					headers: { 'x-signature': token },
					contract: false,
				})
			).status,
		).toBe(403);
		// security/oauth2/token is not in ScopesMap: a scoped key cannot get a token.
		expect(
			(await call(sandbox, 'GET', '/security/oauth2/token', { key: API_KEYS.accountsOnly })).status,
		).toBe(403);
	});

	it('lists all clients of the portal to an admin and only their own to others, in the pageable shape', async () => {
		const all = await signed('GET', '/clients?limit=50');
		expect(all.json.data.map((c: { client_id: string }) => c.client_id)).toEqual([
			CLIENT_IDS.jane,
			CLIENT_IDS.owner,
			CLIENT_IDS.n8n,
		]);
		expect(all.json.data[0]).toMatchObject({ name: 'Jane report exporter', created_by: IDS.jane });
		expect(all.json).toMatchObject({ limit: 50, last_client_id: CLIENT_IDS.n8n });
		const page = await signed('GET', '/clients?limit=1');
		expect(page.json.data.map((c: { client_id: string }) => c.client_id)).toEqual([
			CLIENT_IDS.jane,
		]);
		const next = await signed(
			'GET',
			`/clients?limit=1&last_client_id=${page.json.last_client_id as string}&last_created_on=${encodeURIComponent(page.json.last_created_on as string)}`,
		);
		expect(next.json.data.map((c: { client_id: string }) => c.client_id)).toEqual([
			CLIENT_IDS.owner,
		]);
		expect(
			(await signed('GET', '/clients?limit=50', JANE)).json.data.map(
				(c: { client_id: string }) => c.client_id,
			),
		).toEqual([CLIENT_IDS.jane]);
		expect((await signed('GET', '/clients?limit=50', BOB)).json.data).toEqual([]);
		expect((await signed('GET', '/clients?limit=51', undefined, { contract: false })).status).toBe(
			400,
		);
	});

	it('deletes any client for an admin, only their own for others (else 404)', async () => {
		const refused = await signed('DELETE', `/clients/${CLIENT_IDS.owner}`, JANE);
		expect([refused.status, refused.json.status]).toEqual([404, 404]);
		expect((await signed('DELETE', `/clients/${CLIENT_IDS.jane}`, SAM)).status).toBe(200);
		expect(sandbox.state.clients.map((c) => c.clientId)).toEqual([
			CLIENT_IDS.owner,
			CLIENT_IDS.n8n,
		]);
		expect((await signed('DELETE', `/clients/${CLIENT_IDS.jane}`)).status).toBe(404);
	});

	it('deletes a user’s clients with their profile', async () => {
		await disable(IDS.jane);
		await deleteProfile(IDS.jane);
		expect(
			(await signed('GET', '/clients?limit=50')).json.data.map(
				(c: { client_id: string }) => c.client_id,
			),
		).toEqual([CLIENT_IDS.owner, CLIENT_IDS.n8n]);
	});
});

describe('file insert (UploadController.InsertFile)', () => {
	const form = (content: string, fields: Record<string, string> = {}, fileName = 'upload.bin') => {
		const data = new FormData();
		data.append('file', new Blob([content], { type: 'text/csv' }), fileName);
		for (const [k, v] of Object.entries(fields)) data.append(k, v);
		return data;
	};
	const insert = (folderId: number, data: FormData, key?: string, token?: string) =>
		call(sandbox, 'POST', `/files/${folderId}/insert`, { key, token, form: data });

	it('stores the file under `title` and returns one file DTO', async () => {
		const r = await insert(
			folder('my:jane'),
			form('name,email\nJane,jane@corp.example\n', { title: 'Leavers.csv' }),
			JANE,
		);
		expect(r.status).toBe(200);
		expect(r.json.response).toMatchObject({
			title: 'Leavers.csv',
			fileExst: '.csv',
			folderId: folder('my:jane'),
			version: 1,
			pureContentLength: 34,
		});
		expect(sandbox.state.entry(r.json.response.id as number)!.content).toBe(
			'name,email\nJane,jane@corp.example\n',
		);
		const named = await insert(folder('my:jane'), form('# notes', {}, 'notes.md'), JANE);
		expect(named.json.response.title).toBe('notes.md');
		const cleaned = await insert(folder('my:jane'), form('x', { title: 'a/b:c.txt' }), JANE);
		expect(cleaned.json.response.title).toBe('a_b_c.txt');
	});

	it('makes a new version of a same-titled file, or with createNewIfExist a "name (1).ext" file', async () => {
		const deals = folder('room:deals');
		const first = await insert(deals, form('v1', { title: 'Report.csv' }), JANE);
		const again = await insert(deals, form('version two', { title: 'Report.csv' }), JANE);
		expect(again.json.response).toMatchObject({
			id: first.json.response.id,
			version: 2,
			title: 'Report.csv',
		});
		expect(sandbox.state.entry(first.json.response.id as number)!.content).toBe('version two');
		const copy = await insert(
			deals,
			form('v3', { title: 'Report.csv', createNewIfExist: 'true' }),
			JANE,
		);
		expect(copy.json.response.title).toBe('Report (1).csv');
		expect(copy.json.response.id).not.toBe(first.json.response.id);
	});

	it('needs Create on the folder, refuses the Rooms root and the Archive, an empty file and a missing folder', async () => {
		expect((await insert(folder('room:deals'), form('x', { title: 'a.csv' }), BOB)).status).toBe(
			200,
		);
		expect((await insert(folder('room:hr'), form('x', { title: 'a.csv' }), JANE)).status).toBe(403);
		expect((await insert(folder('my:owner'), form('x', { title: 'a.csv' }), JANE)).status).toBe(
			403,
		);
		expect((await insert(folder('rooms'), form('x', { title: 'a.csv' }))).status).toBe(403);
		expect((await insert(folder('archiveRoot'), form('x', { title: 'a.csv' }))).status).toBe(403);
		expect(
			(
				await insert(
					folder('room:marketing'),
					form('x', { title: 'a.csv' }),
					undefined,
					await tokenOf('rita.rooms@corp.example'),
				)
			).status,
		).toBe(403);
		expect((await insert(folder('my:jane'), form('', { title: 'empty.csv' }), JANE)).status).toBe(
			400,
		);
		expect((await insert(99_999, form('x', { title: 'a.csv' }))).status).toBe(404);
	});

	it('flags form fields the spec and the server’s binder do not know', async () => {
		await expect(insert(folder('my:jane'), form('x', { titel: 'a.csv' }), JANE)).rejects.toThrow(
			/form field "titel" is not in the spec/,
		);
	});
});
