import { IDS, PASSWORD } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { API_KEYS, call, useSandbox, waitFor } from '../harness/sandbox';

const current = useSandbox({}, true);
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const id = (key: string) => sandbox.state.ids[key];

async function disable(...userIds: string[]) {
	const r = await call(sandbox, 'PUT', '/people/status/2', { body: { userIds, resendAll: false } });
	expect(r.status).toBe(200);
}

async function progress(queue: string, userId: string) {
	return (await call(sandbox, 'GET', `/people/${queue}/progress/${userId}`)).json.response;
}

describe('envelope and authentication', () => {
	it('answers @self for the printed API key with the seeded owner', async () => {
		const r = await call(sandbox, 'GET', '/people/@self');
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({
			response: { id: IDS.owner, displayName: 'Alex Admin', isOwner: true, isAdmin: false },
			count: 1,
			links: [{ href: `${sandbox.origin}/api/2.0/people/@self`, action: 'GET' }],
			status: 0,
			statusCode: 200,
		});
		expect(r.json.response.registrationDate).toMatch(
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/,
		);
		expect(JSON.stringify(r.json)).not.toContain('null');
	});

	it.each([
		['no credential', ''],
		['an unknown API key', 'sk-not-a-real-key'],
	])('answers 401 with an empty body for %s', async (_, key) => {
		const r = await call(sandbox, 'GET', '/people/@self', { key });
		expect(r.status).toBe(401);
		expect(r.text).toBe('');
	});

	it('signs in with email and password, and the token then works', async () => {
		const login = await call(sandbox, 'POST', '/authentication', {
			key: '',
			body: { userName: 'jane.doe@corp.example', password: PASSWORD },
		});
		expect(login.json.response).toMatchObject({ sms: false, tfa: false });
		const token = login.json.response.token as string;
		expect((await call(sandbox, 'GET', '/people/@self', { token })).json.response.id).toBe(
			IDS.jane,
		);
		expect((await call(sandbox, 'GET', '/authentication', { token })).json.response).toBe(true);
		expect((await call(sandbox, 'GET', '/authentication', { key: '' })).json.response).toBe(false);
	});

	it('answers like the server to failed, disabled and two-factor sign-ins', async () => {
		const wrong = await call(sandbox, 'POST', '/authentication', {
			key: '',
			body: { userName: 'jane.doe@corp.example', password: 'nope' },
		});
		expect(wrong.status).toBe(401);
		expect(wrong.json.error).toEqual({
			message: 'User authentication failed',
			type: null,
			stack: null,
			hresult: 0,
		});
		const disabled = await call(sandbox, 'POST', '/authentication', {
			key: '',
			body: { userName: 'victor.stale@corp.example', password: PASSWORD },
		});
		expect(disabled.status).toBe(403);
		expect(disabled.json.error.message).toBe('User disabled');
		const tfa = await call(sandbox, 'POST', '/authentication', {
			key: '',
			body: { userName: 'dana.scully@corp.example', password: PASSWORD },
		});
		expect(tfa.json.response).toMatchObject({ tfa: true });
		expect(tfa.json.response.token).toBeUndefined();
	});

	it('enforces API key scopes with an empty 403', async () => {
		expect(
			(await call(sandbox, 'GET', '/people/@self', { key: API_KEYS.accountsOnly })).status,
		).toBe(200);
		const files = await call(sandbox, 'GET', '/files/@my', { key: API_KEYS.accountsOnly });
		expect([files.status, files.text]).toEqual([403, '']);
		const audit = await call(sandbox, 'GET', '/security/audit/events/last', {
			key: API_KEYS.accountsOnly,
		});
		expect(audit.status).toBe(403);
		const write = await call(sandbox, 'PUT', '/people/status/2', {
			key: API_KEYS.readOnly,
			body: { userIds: [IDS.jane] },
		});
		expect([write.status, write.text]).toEqual([403, '']);
	});

	it('gives the published samples’ mistakes the real server’s answers', async () => {
		const route = await call(sandbox, 'PUT', `/people/${IDS.jane}/status`, {
			body: { disabled: true },
			contract: false,
		});
		expect([route.status, route.text]).toEqual([404, '']);
		const field = await call(sandbox, 'PUT', `/people/${IDS.jane}`, {
			body: { disabled: true },
			contract: false,
		});
		expect(field.status).toBe(200);
		expect(field.json.response.status).toBe(1);
		const personal = await call(sandbox, 'POST', '/people/delete/personal/start', {
			body: { userId: IDS.jane },
			contract: false,
		});
		expect([personal.status, personal.json.error.message]).toEqual([403, 'Access denied']);
	});

	it('reports validation problems as HTTP 400 with a status-1 envelope', async () => {
		const r = await call(sandbox, 'GET', '/people/filter?count=500', { contract: false });
		expect(r.status).toBe(400);
		expect(r.json).toMatchObject({
			status: 1,
			statusCode: 400,
			response: { errors: { Count: ['The field Count must be between 1 and 100.'] } },
		});
	});
});

describe('people', () => {
	it('filters, searches and pages with total', async () => {
		const disabled = await call(
			sandbox,
			'GET',
			'/people/filter?employeeStatus=2&count=25&startIndex=0',
		);
		expect(
			disabled.json.response.map((u: { displayName: string }) => u.displayName).sort(),
		).toEqual(['Greg Former', 'Paula Gone', 'Victor Stale']);
		expect(disabled.json.total).toBe(3);
		const page = await call(sandbox, 'GET', '/people/filter?count=5&startIndex=5');
		expect(page.json.response).toHaveLength(5);
		expect(page.json.total).toBe(sandbox.state.users.length);
		const search = await call(sandbox, 'GET', '/people/filter?filterValue=jane');
		expect(search.json.response.map((u: { id: string }) => u.id)).toEqual([IDS.jane]);
		const admins = await call(sandbox, 'GET', '/people/filter?employeeType=DocSpaceAdmin');
		expect(admins.json.total).toBe(3);
	});

	it('refuses listing to users and guests', async () => {
		const r = await call(sandbox, 'GET', '/people/filter', { key: API_KEYS.user });
		expect([r.status, r.json.error.message]).toEqual([403, 'Access denied']);
	});

	it('finds by email and by user name, and 404s the unknown', async () => {
		expect(
			(await call(sandbox, 'GET', '/people/email?email=bob.brown%40corp.example')).json.response.id,
		).toBe(IDS.bob);
		expect((await call(sandbox, 'GET', '/people/jane.doe')).json.response.id).toBe(IDS.jane);
		const missing = await call(sandbox, 'GET', '/people/00000000-0000-4000-8000-000000000000');
		expect([missing.status, missing.json.error.message]).toEqual([
			404,
			'The user could not be found',
		]);
	});

	it('disables in one all-or-nothing request', async () => {
		const refused = await call(sandbox, 'PUT', '/people/status/2', {
			body: { userIds: [IDS.jane, IDS.owner] },
		});
		expect([refused.status, refused.json.error.message]).toEqual([403, 'Access denied']);
		expect(sandbox.state.user(IDS.jane)!.status).toBe(1);
		const done = await call(sandbox, 'PUT', '/people/status/2', {
			body: { userIds: [IDS.jane, id('liam')], resendAll: false },
		});
		expect(done.json.response.map((u: { status: number }) => u.status)).toEqual([2, 2]);
		expect(sandbox.state.user(IDS.jane)!.sessions).toBe(0);
		expect(sandbox.state.audit.at(-1)).toMatchObject({
			actionId: 4020,
			target: [IDS.jane, id('liam')],
		});
		const wrong = await call(sandbox, 'PUT', '/people/status/4', { body: { userIds: [IDS.jane] } });
		expect([wrong.status, wrong.json.error.message]).toEqual([400, 'Incorrect status']);
	});

	it('creates users with the rules of the real server', async () => {
		const created = await call(sandbox, 'POST', '/people', {
			body: { firstName: 'New', lastName: 'Hire', email: 'new.hire@corp.example', type: 'User' },
		});
		expect(created.json.response).toMatchObject({
			displayName: 'New Hire',
			isCollaborator: true,
			activationStatus: 2,
		});
		const again = await call(sandbox, 'POST', '/people', {
			body: { firstName: 'New', lastName: 'Hire', email: 'new.hire@corp.example', type: 'User' },
		});
		expect([again.status, again.json.error.message]).toEqual([
			400,
			'User with this email is already registered',
		]);
		const guest = await call(sandbox, 'POST', '/people', {
			body: { firstName: 'G', lastName: 'G', email: 'g@corp.example', type: 'Guest' },
		});
		expect(guest.status).toBe(403);
	});

	it('deletes only disabled users, and not while their data is being reassigned', async () => {
		const active = await call(sandbox, 'DELETE', `/people/${IDS.jane}`);
		expect([active.status, active.json.error.message]).toEqual([403, 'The user is not suspended']);
		await disable(IDS.jane);
		await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: IDS.bob, deleteProfile: false },
		});
		const during = await call(sandbox, 'DELETE', `/people/${IDS.jane}`);
		expect([during.status, during.json.error.message]).toEqual([
			500,
			'Data reassign process for Jane Doe is not complete.',
		]);
		await waitFor(async () =>
			(await progress('reassign', IDS.jane)).status === 2 ? true : undefined,
		);
		const deleted = await call(sandbox, 'DELETE', `/people/${IDS.jane}`);
		expect(deleted.json.response.id).toBe(IDS.jane);
		expect((await call(sandbox, 'GET', `/people/${IDS.jane}`)).status).toBe(404);
		expect(sandbox.state.myDocuments(IDS.jane)).toBeUndefined();
	});
});

describe('data reassignment', () => {
	it('refuses an active source and a recipient who is not an admin or room admin', async () => {
		const active = await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: IDS.bob },
		});
		expect([active.status, active.json.error.message]).toEqual([
			400,
			`Can not reassign data from user with id = ${IDS.jane}`,
		]);
		await disable(IDS.jane);
		const toUser = await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: id('liam') },
		});
		expect([toUser.status, toUser.json.error.message]).toEqual([
			400,
			`Can not reassign data to user with id = ${id('liam')}`,
		]);
		expect(sandbox.state.tasks.size).toBe(0);
	});

	it('runs through the milestones and moves rooms and shared files to the recipient', async () => {
		await disable(IDS.jane);
		const start = await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: IDS.bob, deleteProfile: false },
		});
		expect(start.json.response).toEqual({
			id: `1_${IDS.jane}_ReassignProgressItem`,
			error: '',
			percentage: 0,
			isCompleted: false,
			status: 0,
		});
		const again = await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: IDS.bob },
		});
		expect(again.json.response.id).toBe(start.json.response.id);
		const seen = new Set<number>();
		const done = await waitFor(async () => {
			const p = await progress('reassign', IDS.jane);
			seen.add(p.percentage);
			return p.status === 2 ? p : undefined;
		});
		expect(done).toMatchObject({ percentage: 100, isCompleted: true, error: '' });
		expect([...seen].every((p) => [0, 5, 10, 20, 30, 50, 70, 90, 95, 100].includes(p))).toBe(true);
		const state = sandbox.state;
		expect(state.entry(state.folders['room:deals'])!.createdBy).toBe(IDS.bob);
		const q3 = state.entry(state.folders.janeQ3)!;
		expect(state.entry(q3.parentId)!.title).toBe('Documents of user Jane Doe');
		expect(state.root(q3).ownerId).toBe(IDS.bob);
		expect(state.children(state.myDocuments(IDS.jane)!.id).map((e) => e.title)).toContain(
			'Personal notes.txt',
		);
		expect(state.audit.at(-1)).toMatchObject({ actionId: 4030 });
		const necessary = await call(
			sandbox,
			'GET',
			`/people/reassign/necessary?UserId=${IDS.jane}&Type=User`,
		);
		expect(necessary.json.response).toBe(false);
	});

	it('deletes the profile at the end when asked to', async () => {
		await disable(IDS.jane);
		await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: IDS.bob, deleteProfile: true },
		});
		await waitFor(async () =>
			(await progress('reassign', IDS.jane)).status === 2 ? true : undefined,
		);
		expect(sandbox.state.user(IDS.jane)).toBeUndefined();
	});

	it('answers "no task" with an envelope without response, and terminates', async () => {
		const none = await call(sandbox, 'GET', `/people/reassign/progress/${IDS.jane}`);
		expect(none.json).toEqual({
			count: 0,
			links: [
				{ href: `${sandbox.origin}/api/2.0/people/reassign/progress/${IDS.jane}`, action: 'GET' },
			],
			status: 0,
			statusCode: 200,
		});
		await disable(IDS.jane);
		sandbox.setJobFaults({ stickTask: { queue: 'reassign', atPercent: 30 } });
		await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: IDS.bob },
		});
		await waitFor(async () =>
			(await progress('reassign', IDS.jane)).percentage === 30 ? true : undefined,
		);
		const stopped = await call(sandbox, 'PUT', '/people/reassign/terminate', {
			body: { userId: IDS.jane },
		});
		expect(stopped.json.response).toMatchObject({ status: 3, isCompleted: true });
	});

	it('can be made to fail with a server message', async () => {
		await disable(IDS.jane);
		sandbox.setJobFaults({
			failTask: { queue: 'reassign', atPercent: 50, message: 'Storage quota exceeded' },
		});
		await call(sandbox, 'POST', '/people/reassign/start', {
			body: { fromUserId: IDS.jane, toUserId: IDS.bob },
		});
		const failed = await waitFor(async () => {
			const p = await progress('reassign', IDS.jane);
			return p.status === 4 ? p : undefined;
		});
		expect(failed).toMatchObject({
			error: 'Storage quota exceeded',
			isCompleted: true,
			percentage: 30,
		});
	});
});

describe('data removal, type change, personal folder', () => {
	it('removes a disabled user’s data and profile; terminate has no response', async () => {
		const active = await call(sandbox, 'POST', '/people/remove/start', {
			body: { userId: IDS.jane },
		});
		expect([active.status, active.json.error.message]).toEqual([
			400,
			`Can not delete user with id = ${IDS.jane}`,
		]);
		await disable(IDS.jane);
		const start = await call(sandbox, 'POST', '/people/remove/start', {
			body: { userId: IDS.jane },
		});
		expect(start.json.response).toMatchObject({ status: 1, isCompleted: false, error: '' });
		await waitFor(async () =>
			(await progress('remove', IDS.jane)).status === 2 ? true : undefined,
		);
		expect(sandbox.state.user(IDS.jane)).toBeUndefined();
		expect(sandbox.state.entry(sandbox.state.folders['room:deals'])!.createdBy).toBe(IDS.owner);
		const terminate = await call(sandbox, 'PUT', '/people/remove/terminate', {
			body: { userId: IDS.jane },
		});
		expect(terminate.json.response).toBeUndefined();
	});

	it('downgrades a user and hands their rooms to the chosen recipient', async () => {
		const start = await call(sandbox, 'POST', '/people/type', {
			body: { userId: id('rita'), type: 'User', reassignUserId: IDS.bob },
		});
		expect(start.status).toBe(200);
		await waitFor(async () =>
			(await progress('type', id('rita'))).status === 2 ? true : undefined,
		);
		expect(sandbox.state.user(id('rita'))!.type).toBe('User');
		expect(sandbox.state.entry(sandbox.state.folders['room:marketing'])!.createdBy).toBe(IDS.bob);
	});

	it('deletes a guest’s own personal folder, and nobody else’s', async () => {
		const login = await call(sandbox, 'POST', '/authentication', {
			key: '',
			body: { userName: 'gina.guest@corp.example', password: PASSWORD },
		});
		const token = login.json.response.token as string;
		const start = await call(sandbox, 'POST', '/people/delete/personal/start', { token });
		expect(start.json.response.id).toBe(`1_${id('gina')}_DeletePersonalFolderProgressItem`);
		await waitFor(async () =>
			(await call(sandbox, 'GET', '/people/delete/personal/progress', { token })).json.response
				.status === 2
				? true
				: undefined,
		);
		expect(sandbox.state.children(sandbox.state.myDocuments(id('gina'))!.id)).toEqual([]);
		expect((await call(sandbox, 'POST', '/people/delete/personal/start')).status).toBe(403);
	});
});

describe('limits, faults and the request log', () => {
	it('answers 429 with Retry-After and an empty body over the per-minute limit', async () => {
		sandbox.limits.perMinute = 3;
		for (let i = 0; i < 3; i++)
			expect((await call(sandbox, 'GET', '/people/@self')).status).toBe(200);
		const limited = await call(sandbox, 'GET', '/people/@self');
		expect([limited.status, limited.text]).toEqual([429, '']);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(limited.headers.get('x-ratelimit-limit')).toBe('3');
	});

	it('injects HTML 502s and resets on request', async () => {
		sandbox.faults = [
			{ method: 'GET', path: '^/people/@self$', status: 502, times: 1 },
			{ path: '^/people/filter$', reset: true, times: 1 },
		];
		const bad = await call(sandbox, 'GET', '/people/@self');
		expect(bad.status).toBe(502);
		expect(bad.headers.get('content-type')).toContain('text/html');
		expect((await call(sandbox, 'GET', '/people/@self')).status).toBe(200);
		await expect(call(sandbox, 'GET', '/people/filter')).rejects.toThrow();
		expect((await call(sandbox, 'GET', '/people/filter')).status).toBe(200);
	});

	it('logs every request with its status', async () => {
		await call(sandbox, 'GET', '/people/@self');
		await call(sandbox, 'PUT', '/people/status/2', { body: { userIds: [IDS.jane] } });
		expect(sandbox.log.map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', '/people/@self', 200],
			['PUT', '/people/status/2', 200],
		]);
		expect(sandbox.writes()).toHaveLength(1);
		expect(sandbox.log[1].body).toEqual({ userIds: [IDS.jane] });
	});
});
