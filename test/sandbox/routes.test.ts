import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { API_KEYS, call, testSandbox, useSandbox, waitFor } from '../harness/sandbox';

const current = useSandbox({}, true);
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const id = (key: string) => sandbox.state.ids[key];

describe('every other route answers in the shape of the official spec', () => {
	it('people: list, type, bulk delete, self delete, log out, key info', async () => {
		const all = await call(sandbox, 'GET', '/people?count=10');
		expect(all.json.response.every((u: { status: number }) => u.status === 1)).toBe(true);
		const typed = await call(sandbox, 'PUT', '/people/type/RoomAdmin', {
			body: { userIds: [id('liam')] },
		});
		expect(typed.json.response[0]).toMatchObject({ id: id('liam'), isRoomAdmin: true });
		const notSuspended = await call(sandbox, 'PUT', '/people/delete', {
			body: { userIds: [id('liam'), id('paula')] },
		});
		expect([notSuspended.status, notSuspended.json.error.message]).toEqual([
			403,
			'Users are not suspended',
		]);
		const bulk = await call(sandbox, 'PUT', '/people/delete', {
			body: { userIds: [id('paula'), id('greg')] },
		});
		expect(bulk.json.response.map((u: { id: string }) => u.id)).toEqual([id('paula'), id('greg')]);
		expect(sandbox.state.user(id('greg'))).toBeUndefined();
		expect(sandbox.state.entry(sandbox.state.folders['room:marketing'])).toBeDefined();
		const self = await call(sandbox, 'PUT', '/people/self/delete', { key: API_KEYS.user });
		expect(self.json.response).toBe(
			'Instructions to disable your profile has been sent to <b>jane.doe@corp.example</b> email address',
		);
		expect((await call(sandbox, 'PUT', '/people/self/delete')).status).toBe(403);
		const logout = await call(sandbox, 'PUT', `/security/activeconnections/logoutall/${IDS.jane}`);
		expect(logout.json.response).toBeUndefined();
		expect(sandbox.state.user(IDS.jane)!.sessions).toBe(0);
		const key = await call(sandbox, 'GET', '/keys/@self');
		expect(key.json.response).toMatchObject({
			name: 'n8n offboarding',
			permissions: ['*'],
			keyPostfix: API_KEYS.owner.slice(-4),
		});
	});

	it('files: folder info, file sharing, copy and delete operations', async () => {
		const q3 = sandbox.state.folders.janeQ3;
		const info = await call(sandbox, 'GET', `/files/folder/${sandbox.state.folders['room:deals']}`);
		expect(info.json.response).toMatchObject({ title: 'Sales Deals', roomType: 2 });
		const shares = await call(sandbox, 'GET', `/files/file/${q3}/share`, { key: API_KEYS.user });
		expect(shares.json.response.map((s: { access: number }) => s.access)).toEqual([1, 2]);
		const set = await call(sandbox, 'PUT', `/files/file/${q3}/share`, {
			key: API_KEYS.user,
			body: { share: [{ shareTo: id('liam'), access: 6 }], notify: false },
		});
		expect(set.json.response.map((s: { access: number }) => s.access).sort()).toEqual([2, 6]);
		const copy = await call(sandbox, 'PUT', '/files/fileops/copy', {
			body: {
				fileIds: [sandbox.state.children(sandbox.state.folders['room:deals'])[0].id],
				destFolderId: sandbox.state.folders.archive,
				deleteAfter: false,
				returnSingleOperation: true,
			},
		});
		expect(copy.json.response[0]).toMatchObject({ Operation: 1 });
		const del = await call(sandbox, 'PUT', '/files/fileops/delete', {
			body: {
				folderIds: [sandbox.state.folders['workspace:zoe']],
				deleteAfter: false,
				immediately: true,
				returnSingleOperation: true,
			},
		});
		expect(del.json.response[0]).toMatchObject({ Operation: 2 });
		await waitFor(
			async () => (
				sandbox.state.tick(),
				sandbox.state.entry(sandbox.state.folders['workspace:zoe']) ? undefined : true
			),
		);
	});

	it('audit and webhooks: login report and trigger list', async () => {
		const report = await call(sandbox, 'POST', '/security/audit/login/report');
		expect(report.json.response).toContain('/doceditor?fileid=');
		const triggers = await call(sandbox, 'GET', '/settings/webhook/triggers');
		expect(triggers.json.response).toContainEqual({ name: 'user.deleted', id: 8, available: true });
	});
});

describe('write limits', () => {
	it('refuses writes beyond the parallel limit at once', async () => {
		sandbox.limits.parallelWrites = 1;
		sandbox.latencyMs = 60;
		const [a, b] = await Promise.all([
			call(sandbox, 'PUT', '/people/status/2', { body: { userIds: [IDS.jane] } }),
			call(sandbox, 'PUT', '/people/status/2', { body: { userIds: [id('liam')] } }),
		]);
		expect([a.status, b.status].sort()).toEqual([200, 429]);
	});

	it('counts POST and PUT against the daily limit', async () => {
		sandbox.limits.writesPerDay = 2;
		await call(sandbox, 'PUT', '/people/status/2', { body: { userIds: [IDS.jane] } });
		await call(sandbox, 'PUT', '/people/status/1', { body: { userIds: [IDS.jane] } });
		const third = await call(sandbox, 'PUT', '/people/status/2', { body: { userIds: [IDS.jane] } });
		expect(third.status).toBe(429);
		expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(60);
		expect((await call(sandbox, 'GET', '/people/@self')).status).toBe(200);
	});
});

describe('controls for tests and demos', () => {
	it('serves the request log and state, and takes faults over HTTP', async () => {
		await call(sandbox, 'GET', '/people/@self');
		const log = await (await fetch(`${sandbox.origin}/__sandbox/log`)).json();
		expect(log).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: '/people/@self',
				status: 200,
				userId: IDS.owner,
			}),
		]);
		const put = await fetch(`${sandbox.origin}/__sandbox/faults`, {
			method: 'PUT',
			body: JSON.stringify({
				rules: [{ path: '^/people/@self$', status: 503, times: 1 }],
				auditInPlan: false,
			}),
		});
		expect(put.status).toBe(204);
		expect((await call(sandbox, 'GET', '/people/@self')).status).toBe(503);
		const state = (await (await fetch(`${sandbox.origin}/__sandbox/state`)).json()) as {
			auditInPlan: boolean;
			users: unknown[];
		};
		expect(state.auditInPlan).toBe(false);
		expect(state.users).toHaveLength(29);
	});

	it('seeds the same organisation every time', async () => {
		const other = await testSandbox();
		try {
			expect(other.state.users.map((u) => u.id)).toEqual(sandbox.state.users.map((u) => u.id));
			expect(other.state.entries).toEqual(sandbox.state.entries);
		} finally {
			await other.stop();
		}
	});
});
