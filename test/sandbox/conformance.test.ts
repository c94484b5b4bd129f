/**
 * Conformance of the sandbox's people rules with DocSpace-server and with ONLYOFFICE's own API tests
 * (`products/ASC.People/Tests`, `products/ASC.Files/Tests`); sandbox/README.md, table "Rules", test C.
 * Every request goes over HTTP through `call`, which also checks it against the official spec.
 */
import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { API_KEYS, call, useSandbox, waitFor } from '../harness/sandbox';

const current = useSandbox({}, true);
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const id = (key: string) => sandbox.state.ids[key];
const SAM = API_KEYS.admin;
const BOB = API_KEYS.roomAdmin;
const JANE = API_KEYS.user;
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
const UNKNOWN_GUID = '0badc0de-0000-4000-8000-000000000000';
const NO_PERMISSION = "You don't have enough permission to perform the operation";

type Answer = { status: number; json: { error?: { message: string } } };
const answer = (r: Answer) => [r.status, r.json.error?.message];

async function addMember(body: Record<string, unknown>, key?: string, contract = true) {
	return await call(sandbox, 'POST', '/people', { key, body, contract });
}

/** A new person of `type`, created by the owner, and a session token for them. */
async function newMember(type: string, email: string) {
	const password = 'Sandbox-Pass-1';
	const created = await addMember({ firstName: 'New', lastName: 'Member', email, type, password });
	expect(created.status).toBe(200);
	const login = await call(sandbox, 'POST', '/authentication', {
		key: '',
		body: { userName: email, password },
	});
	return {
		id: created.json.response.id as string,
		token: `Bearer ${login.json.response.token as string}`,
	};
}

async function startTypeChange(body: Record<string, unknown>, key?: string) {
	return await call(sandbox, 'POST', '/people/type', { key, body });
}

describe('1. e-mail case (UserController.AddMember, UserManager.GetUserByEmailAsync)', () => {
	it('keeps the case of a new e-mail, and finds, signs in and refuses duplicates without case', async () => {
		const created = await addMember({
			firstName: 'Mixed',
			lastName: 'Case',
			email: 'Mixed.Case@Corp.Example',
			type: 'User',
			password: 'Sandbox-Pass-1',
		});
		expect(created.json.response.email).toBe('Mixed.Case@Corp.Example');
		const found = await call(sandbox, 'GET', '/people/email?email=MIXED.CASE%40corp.example');
		expect(found.json.response).toMatchObject({
			id: created.json.response.id,
			email: 'Mixed.Case@Corp.Example',
		});
		const login = await call(sandbox, 'POST', '/authentication', {
			key: '',
			body: { userName: 'mixed.case@CORP.EXAMPLE', password: 'Sandbox-Pass-1' },
		});
		expect(login.status).toBe(200);
		const again = await addMember({
			firstName: 'Other',
			lastName: 'Person',
			email: 'MIXED.case@corp.EXAMPLE',
			type: 'User',
		});
		expect(answer(again)).toEqual([400, 'User with this email is already registered']);
	});
});

describe('2. PUT files/rooms/{id}/share with disabled users (FileSharingAceHelper.SetAceObjectAsync)', () => {
	it('skips a disabled invitee silently, with no warning, but removes a disabled member on access 0', async () => {
		const deals = sandbox.state.folders['room:deals'];
		const share = async (invitations: Array<Record<string, unknown>>, extra = {}) =>
			await call(sandbox, 'PUT', `/files/rooms/${deals}/share`, {
				key: JANE,
				body: { invitations, notify: false, ...extra },
			});
		const mixed = await share([
			{ id: id('victor'), access: 10 },
			{ id: id('zoe'), access: 10 },
		]);
		expect(mixed.status).toBe(200);
		expect(mixed.json.response.warning).toBeUndefined();
		expect(mixed.json.response.error).toBe(0);
		expect(
			mixed.json.response.members.map((m: { sharedToUser: { id: string } }) => m.sharedToUser.id),
		).toEqual([id('zoe')]);
		expect(sandbox.state.entry(deals)!.shares[id('victor')]).toBeUndefined();
		// RoomSharePermissionsTests.SetRoomSecurity_DisabledUserWithNotify_SilentlySkipped (bug 79020).
		const alone = await share([{ id: id('paula') }], { notify: true, force: true });
		expect(alone.json.response).toEqual({ members: [], error: 0 });
		await call(sandbox, 'PUT', '/people/status/2', { body: { userIds: [id('zoe')] } });
		const removed = await share([{ id: id('zoe'), access: 0 }]);
		expect(removed.json.response).toEqual({ members: [], error: 0 });
		expect(sandbox.state.entry(deals)!.shares[id('zoe')]).toBeUndefined();
	});
});

describe('3. MemberRequestDto validation ([StringLength(255)], [EmailAddress])', () => {
	it('answers 400 with the validation errors before any permission check or look-up', async () => {
		const long = 'a'.repeat(260);
		const byUser = await addMember(
			{ firstName: long, lastName: long, email: `${'a'.repeat(250)}@test.com`, type: 'User' },
			JANE,
			false,
		);
		expect(byUser.status).toBe(400);
		expect(byUser.json).toMatchObject({ status: 1, statusCode: 400, response: { status: 400 } });
		expect(byUser.json.response.errors).toEqual({
			FirstName: ['The field FirstName must be a string with a maximum length of 255.'],
			LastName: ['The field LastName must be a string with a maximum length of 255.'],
			Email: ['The field Email must be a string with a maximum length of 255.'],
		});
		const otherProfile = await call(sandbox, 'PUT', `/people/${IDS.bob}`, {
			body: { lastName: long, email: 'not-an-email' },
			contract: false,
		});
		expect(otherProfile.json.response.errors).toEqual({
			LastName: ['The field LastName must be a string with a maximum length of 255.'],
			Email: ['The Email field is not a valid e-mail address.'],
		});
		const unknown = await call(sandbox, 'PUT', `/people/${UNKNOWN_GUID}`, {
			body: { firstName: long },
			contract: false,
		});
		expect(unknown.status).toBe(400);
		const atTheLimit = await addMember({
			firstName: 'x'.repeat(255),
			lastName: 'Edge',
			email: 'edge.case@corp.example',
			type: 'User',
		});
		expect(atTheLimit.status).toBe(200);
		// EmailAddressAttribute wants one '@' that is neither first nor last, nothing more.
		const dotless = await addMember(
			{ firstName: 'Dot', lastName: 'Less', email: 'dot@less' },
			undefined,
			false,
		);
		expect(dotless.json.response.email).toBe('dot@less');
	});
});

describe('4. POST people/type (UserController.StarUserTypetUpdate)', () => {
	it('answers the server’s 400s in its order, and 403 only to whom the Demand refuses', async () => {
		const cases: Array<[Record<string, unknown>, string | undefined, [number, string]]> = [
			[{ userId: UNKNOWN_GUID, type: 'Guest' }, undefined, [400, 'Can not update type']],
			[{ userId: EMPTY_GUID, type: 'Guest' }, undefined, [400, 'Can not update type']],
			[{ type: 'User' }, undefined, [400, 'Can not update type']],
			[{ userId: id('victor'), type: 'User' }, undefined, [400, 'Can not update type']],
			[{ userId: IDS.owner, type: 'User' }, undefined, [400, 'Can not update type']],
			[
				{ userId: IDS.jane, type: 'Guest', reassignUserId: IDS.jane },
				undefined,
				[400, 'Can not update type'],
			],
			[{ userId: IDS.jane, type: 'RoomAdmin' }, undefined, [400, 'Can not update to RoomAdmin']],
			[{ userId: id('dana'), type: 'User' }, SAM, [400, 'Can not update type for admin']],
			[{ userId: IDS.owner, type: 'User' }, SAM, [400, 'Can not update type for admin']],
			[
				{ userId: IDS.jane, type: 'Guest', reassignUserId: id('liam') },
				undefined,
				[400, `Can not reassign to user - ${id('liam')}`],
			],
			[{ userId: IDS.jane, type: 'RoomAdmin' }, BOB, [403, 'Access denied']],
			[{ userId: IDS.jane }, BOB, [403, 'Access denied']],
			[{ userId: id('liam'), type: 'Guest' }, JANE, [403, 'Access denied']],
		];
		for (const [body, key, expected] of cases)
			expect([body, answer(await startTypeChange(body, key))]).toEqual([body, expected]);
		expect(sandbox.state.tasks.size).toBe(0);
	});

	it('lets a room admin start a change, which then fails in the job for want of DocSpace-admin rights', async () => {
		const start = await startTypeChange({ userId: id('liam'), type: 'Guest' }, BOB);
		expect(start.status).toBe(200);
		expect(start.json.response).toMatchObject({ isCompleted: false, error: '' });
		const progress = async (key?: string) =>
			await call(sandbox, 'GET', `/people/type/progress/${id('liam')}`, { key });
		expect((await progress(BOB)).status).toBe(403);
		const done = await waitFor(async () => {
			const r = (await progress()).json.response;
			return r?.isCompleted ? r : undefined;
		});
		expect(done).toMatchObject({ status: 4, error: NO_PERMISSION, percentage: 5 });
		expect(sandbox.state.user(id('liam'))!.type).toBe('User');
		const byAdmin = await startTypeChange({ userId: id('hannah'), type: 'User' }, SAM);
		expect(byAdmin.status).toBe(200);
		await waitFor(async () =>
			(await call(sandbox, 'GET', `/people/type/progress/${id('hannah')}`)).json.response
				?.status === 2
				? true
				: undefined,
		);
		expect(sandbox.state.user(id('hannah'))!.type).toBe('User');
	});
});

describe('5. GET people/reassign/necessary (ReassignController.NecessaryReassign)', () => {
	it('without UserId looks at every active room the caller sees; a room admin may ask only with Type User or Guest', async () => {
		const necessary = async (query: string, auth: { key?: string; token?: string } = {}) =>
			await call(sandbox, 'GET', `/people/reassign/necessary${query}`, auth);
		const yes = await necessary('');
		expect([yes.status, yes.json.response]).toEqual([200, true]);
		expect((await necessary('?Type=User', { key: BOB })).json.response).toBe(true);
		expect(answer(await necessary('', { key: BOB }))).toEqual([403, 'Access denied']);
		expect(answer(await necessary('?Type=RoomAdmin', { key: BOB }))).toEqual([
			403,
			'Access denied',
		]);
		expect(answer(await necessary('?Type=User', { key: JANE }))).toEqual([403, 'Access denied']);
		const fresh = await newMember('RoomAdmin', 'fresh.roomadmin@corp.example');
		expect((await necessary('?Type=User', { token: fresh.token })).json.response).toBe(false);
		expect((await necessary('?Type=Guest', { token: fresh.token })).json.response).toBe(false);
		expect(
			(await necessary(`?UserId=${IDS.jane}&Type=User`, { token: fresh.token })).json.response,
		).toBe(false);
		expect(answer(await necessary(`?UserId=${IDS.owner}&Type=User`, { key: SAM }))).toEqual([
			403,
			'Access denied',
		]);
	});
});

describe('6. POST people: who may create which type (UserController.AddMember)', () => {
	it('lets a room admin create Users only, a DocSpace admin all but DocSpace admins, the owner all but Guests', async () => {
		const person = (n: number, type?: string) => ({
			firstName: 'New',
			lastName: `Person${n}`,
			email: `new.person${n}@corp.example`,
			...(type ? { type } : {}),
		});
		const created = await addMember(person(1, 'User'), BOB);
		expect(created.json.response).toMatchObject({ isCollaborator: true });
		expect(sandbox.state.user(created.json.response.id)!.createdBy).toBe(IDS.bob);
		for (const type of ['RoomAdmin', 'DocSpaceAdmin', 'Guest', undefined])
			expect([type, answer(await addMember(person(2, type), BOB))]).toEqual([
				type,
				[403, 'Access denied'],
			]);
		expect((await addMember(person(3, 'RoomAdmin'), SAM)).json.response.isRoomAdmin).toBe(true);
		expect((await addMember(person(4), SAM)).json.response.isRoomAdmin).toBe(true);
		expect(answer(await addMember(person(5, 'DocSpaceAdmin'), SAM))).toEqual([
			403,
			'Access denied',
		]);
		expect((await addMember(person(6, 'DocSpaceAdmin'))).json.response.isAdmin).toBe(true);
		expect(answer(await addMember(person(7, 'Guest')))).toEqual([403, 'Access denied']);
		expect(answer(await addMember(person(8, 'User'), JANE))).toEqual([403, 'Access denied']);
		// The type check comes before the e-mail checks: a refused type is 403 even for a duplicate.
		expect(
			answer(await addMember({ ...person(9, 'RoomAdmin'), email: 'jane.doe@corp.example' }, BOB)),
		).toEqual([403, 'Access denied']);
		const noEmail = await addMember({ firstName: 'No', lastName: 'Mail', type: 'User' });
		expect(answer(noEmail)).toEqual([400, "Value cannot be null. (Parameter 'address')"]);
	});
});
