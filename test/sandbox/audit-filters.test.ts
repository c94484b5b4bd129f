/**
 * The sandbox filters the audit trail and the login history the way DocSpace-server does:
 * SecurityController.GetAuditEventsByFilter / GetLoginEventsByFilter (plan branch),
 * AuditEventsRepository.GetByFilterWithActionsAsync and LoginEventsRepository.GetByFilterAsync.
 */
import {
	AUDIT_ACTION,
	AUDIT_ACTION_TYPE,
	AUDIT_ENTRY,
	AUDIT_LOCATION,
} from '../../nodes/DocSpaceAdmin/api/codes';
import type { AuditEvent, LoginEvent } from '../../sandbox/model';
import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { isoNow } from '../../sandbox/state';
import { call, useSandbox } from '../harness/sandbox';

const current = useSandbox({}, true);
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
	sandbox.state.audit = auditFixture();
	sandbox.state.logins = loginFixture();
});

const MINUTE = 60_000;
const DAY = 86_400_000;
const ago = (ms: number) => isoNow(Date.now() - ms);

type Kind = Pick<AuditEvent, 'actionId' | 'actionType' | 'location' | 'entries'>;
const KIND = {
	fileCreated: {
		actionId: AUDIT_ACTION.FILE_CREATED,
		actionType: AUDIT_ACTION_TYPE.CREATE,
		location: AUDIT_LOCATION.FILES,
		entries: [AUDIT_ENTRY.FILE],
	},
	fileMoved: {
		actionId: AUDIT_ACTION.FILE_MOVED,
		actionType: AUDIT_ACTION_TYPE.MOVE,
		location: AUDIT_LOCATION.FILES,
		entries: [AUDIT_ENTRY.FILE, AUDIT_ENTRY.FOLDER],
	},
	roomCreated: {
		actionId: AUDIT_ACTION.ROOM_CREATED,
		actionType: AUDIT_ACTION_TYPE.CREATE,
		location: AUDIT_LOCATION.ROOMS,
		entries: [AUDIT_ENTRY.ROOM],
	},
	statusChanged: {
		actionId: AUDIT_ACTION.USERS_UPDATED_STATUS,
		actionType: AUDIT_ACTION_TYPE.UPDATE,
		location: AUDIT_LOCATION.CONTACTS,
		entries: [AUDIT_ENTRY.USER],
	},
	reassigned: {
		actionId: AUDIT_ACTION.USER_DATA_REASSIGNS,
		actionType: AUDIT_ACTION_TYPE.REASSIGNS,
		location: AUDIT_LOCATION.CONTACTS,
		entries: [AUDIT_ENTRY.USER],
	},
	userDeleted: {
		actionId: AUDIT_ACTION.USER_DELETED,
		actionType: AUDIT_ACTION_TYPE.DELETE,
		location: AUDIT_LOCATION.CONTACTS,
		entries: [AUDIT_ENTRY.USER],
	},
	userUpdated: {
		actionId: AUDIT_ACTION.USER_UPDATED,
		actionType: AUDIT_ACTION_TYPE.UPDATE,
		location: AUDIT_LOCATION.CONTACTS,
		entries: [AUDIT_ENTRY.USER],
	},
	folderCreated: {
		actionId: AUDIT_ACTION.FOLDER_CREATED,
		actionType: AUDIT_ACTION_TYPE.CREATE,
		location: AUDIT_LOCATION.FOLDERS,
		entries: [AUDIT_ENTRY.FOLDER],
	},
} satisfies Record<string, Kind>;

function auditEvent(
	id: number,
	date: string,
	userId: string,
	kind: Kind,
	target: string[],
): AuditEvent {
	return { id, date, userId, product: 2, target, action: 'Event', ...kind };
}

/** Ids grow with the date: the newest first is the highest id first. */
function auditFixture(): AuditEvent[] {
	return [
		auditEvent(1, ago(60 * MINUTE), IDS.jane, KIND.fileCreated, ['120']),
		auditEvent(2, ago(50 * MINUTE), IDS.jane, KIND.fileMoved, ['1201']),
		auditEvent(3, ago(40 * MINUTE), IDS.bob, KIND.roomCreated, ['12']),
		auditEvent(4, ago(30 * MINUTE), IDS.owner, KIND.statusChanged, [IDS.jane]),
		auditEvent(5, ago(20 * MINUTE), IDS.owner, KIND.reassigned, [IDS.jane, IDS.bob]),
		auditEvent(6, ago(10 * MINUTE), IDS.owner, KIND.userDeleted, [IDS.jane]),
		auditEvent(7, ago(5 * MINUTE), IDS.bob, KIND.folderCreated, ['77']),
	];
}

function loginEvent(id: number, date: string, userId: string, actionId: number): LoginEvent {
	return { id, date, userId, login: `${userId}@corp.example`, actionId, action: 'Login event' };
}

function loginFixture(): LoginEvent[] {
	return [
		loginEvent(1, ago(50 * MINUTE), IDS.jane, AUDIT_ACTION.LOGIN_SUCCESS),
		loginEvent(2, ago(40 * MINUTE), IDS.jane, AUDIT_ACTION.LOGIN_FAIL_INVALID_COMBINATION),
		loginEvent(3, ago(30 * MINUTE), IDS.bob, AUDIT_ACTION.LOGIN_SUCCESS),
		loginEvent(4, ago(20 * MINUTE), IDS.bob, AUDIT_ACTION.LOGOUT),
		loginEvent(5, ago(10 * MINUTE), IDS.jane, AUDIT_ACTION.LOGIN_SUCCESS_VIA_API),
	];
}

async function ids(kind: 'events' | 'login', query: string, contract = true): Promise<number[]> {
	const r = await call(sandbox, 'GET', `/security/audit/${kind}/filter?${query}`, { contract });
	expect(r.status).toBe(200);
	return (r.json.response as Array<{ id: number }>).map((e) => e.id);
}

const events = (query: string, contract = true) => ids('events', query, contract);
const dateOf = (id: number) =>
	encodeURIComponent(sandbox.state.audit.find((e) => e.id === id)!.date);

describe('audit events filter with an action (AuditEventsRepository branch A)', () => {
	it('keeps that action, and with Target only events whose stored target equals it', async () => {
		expect(await events(`action=${AUDIT_ACTION.USER_DELETED}`)).toEqual([6]);
		expect(await events(`action=${AUDIT_ACTION.USER_DELETED}&target=${IDS.jane}`)).toEqual([6]);
		expect(await events(`action=${AUDIT_ACTION.USER_DELETED}&target=${IDS.bob}`)).toEqual([]);
		// The stored target of a reassignment is "from,to": equality with one id fails.
		expect(await events(`action=${AUDIT_ACTION.USER_DATA_REASSIGNS}&target=${IDS.jane}`)).toEqual(
			[],
		);
		expect(
			await events(`action=${AUDIT_ACTION.USER_DATA_REASSIGNS}&target=${IDS.jane},${IDS.bob}`),
		).toEqual([5]);
	});

	it('ignores actionType, moduleType and entryType', async () => {
		const ignored = `actionType=${AUDIT_ACTION_TYPE.CREATE}&moduleType=${AUDIT_LOCATION.ROOMS}&entryType=${AUDIT_ENTRY.ROOM}`;
		expect(await events(`action=${AUDIT_ACTION.FILE_MOVED}&${ignored}`)).toEqual([2]);
	});

	it('treats action -1 (None) and 0 as no action', async () => {
		expect(
			await events(`action=${AUDIT_ACTION.NONE}&actionType=${AUDIT_ACTION_TYPE.CREATE}`),
		).toEqual([7, 3, 1]);
		// 0 is outside the spec's MessageAction enum; the controller maps it to None.
		expect(await events(`action=0&actionType=${AUDIT_ACTION_TYPE.CREATE}`, false)).toEqual([
			7, 3, 1,
		]);
	});
});

describe('audit events filter without an action (AuditEventsRepository branch B)', () => {
	it('moduleType keeps the actions of that location', async () => {
		expect(await events(`moduleType=${AUDIT_LOCATION.FILES}`)).toEqual([2, 1]);
		expect(await events(`moduleType=${AUDIT_LOCATION.CONTACTS}`)).toEqual([6, 5, 4]);
	});

	it('actionType keeps the actions of that type, also together with moduleType', async () => {
		expect(await events(`actionType=${AUDIT_ACTION_TYPE.CREATE}`)).toEqual([7, 3, 1]);
		expect(
			await events(`actionType=${AUDIT_ACTION_TYPE.CREATE}&moduleType=${AUDIT_LOCATION.FILES}`),
		).toEqual([1]);
	});

	it('entryType with target keeps actions about that entry type whose stored target contains Target', async () => {
		expect(await events(`entryType=${AUDIT_ENTRY.USER}&target=${IDS.jane}`)).toEqual([6, 5, 4]);
		expect(await events(`entryType=${AUDIT_ENTRY.USER}&target=${IDS.bob}`)).toEqual([5]);
		// A substring match: "12" is in "120" and "1201"; the room event (entry Room) is not a file.
		expect(await events(`entryType=${AUDIT_ENTRY.FILE}&target=12`)).toEqual([2, 1]);
		// Either entry type of the action counts: a file move is also about a folder.
		expect(await events(`entryType=${AUDIT_ENTRY.FOLDER}&target=120`)).toEqual([2]);
	});

	it('target alone and entryType alone filter nothing', async () => {
		const all = [7, 6, 5, 4, 3, 2, 1];
		expect(await events(`target=${IDS.jane}`)).toEqual(all);
		expect(await events(`entryType=${AUDIT_ENTRY.USER}`)).toEqual(all);
	});
});

describe('audit events filter: actor, period, order and paging', () => {
	it('filters by actor, and by from/to with both bounds inclusive', async () => {
		expect(await events(`userId=${IDS.bob}`)).toEqual([7, 3]);
		expect(await events(`from=${dateOf(4)}&to=${dateOf(6)}`)).toEqual([6, 5, 4]);
		expect(await events(`from=${dateOf(6)}`)).toEqual([7, 6]);
		expect(await events(`to=${dateOf(2)}`)).toEqual([2, 1]);
	});

	it('returns the newest first (same date: highest id first), paging after the filters', async () => {
		sandbox.state.audit.push(
			auditEvent(8, sandbox.state.audit[5].date, IDS.owner, KIND.userUpdated, [IDS.jane]),
		);
		const query = `entryType=${AUDIT_ENTRY.USER}&target=${IDS.jane}`;
		expect(await events(`${query}&count=2&startIndex=0`)).toEqual([8, 6]);
		expect(await events(`${query}&count=2&startIndex=2`)).toEqual([5, 4]);
		expect(await events(`${query}&count=2&startIndex=4`)).toEqual([]);
	});
});

describe('a plan without the audit option (SecurityController.GetLastAuditEvents / GetLastLoginEvents)', () => {
	function manyEvents(count: number, startId: number, age: (i: number) => number): AuditEvent[] {
		return Array.from({ length: count }, (_, i) =>
			auditEvent(startId + i, ago(age(i)), IDS.bob, KIND.fileCreated, ['1']),
		);
	}

	it('answers the events filter with the latest 20 events within 180 days, every filter and paging ignored', async () => {
		sandbox.state.auditInPlan = false;
		sandbox.state.audit = [
			...manyEvents(10, 1, (i) => (181 + i) * DAY),
			...manyEvents(12, 11, (i) => (12 - i) * MINUTE),
		];
		const filtered = `userId=${IDS.jane}&action=${AUDIT_ACTION.USER_DELETED}&target=${IDS.jane}&count=5&startIndex=3`;
		const recent = Array.from({ length: 12 }, (_, i) => 22 - i);
		expect(await events(filtered)).toEqual(recent);
		sandbox.state.audit.push(...manyEvents(10, 23, (i) => (10 - i) * 1000));
		const latest = await events(filtered);
		expect(latest).toEqual(Array.from({ length: 20 }, (_, i) => 32 - i));
		expect(
			(await call(sandbox, 'GET', '/security/audit/events/last')).json.response.map(
				(e: { id: number }) => e.id,
			),
		).toEqual(latest);
	});

	it('answers the login filter with the latest 20 login events, with no date window', async () => {
		sandbox.state.auditInPlan = false;
		sandbox.state.logins = Array.from({ length: 25 }, (_, i) =>
			loginEvent(i + 1, ago((25 - i) * 20 * DAY), IDS.bob, AUDIT_ACTION.LOGIN_SUCCESS),
		);
		const r = await ids(
			'login',
			`userId=${IDS.jane}&action=${AUDIT_ACTION.LOGOUT}&count=5&startIndex=2`,
		);
		expect(r).toEqual(Array.from({ length: 20 }, (_, i) => 25 - i));
	});
});

describe('login events filter (LoginEventsRepository.GetByFilterAsync)', () => {
	it('filters by user and by one exact action', async () => {
		expect(await ids('login', `userId=${IDS.jane}`)).toEqual([5, 2, 1]);
		expect(await ids('login', `action=${AUDIT_ACTION.LOGIN_SUCCESS}`)).toEqual([3, 1]);
		expect(await ids('login', `userId=${IDS.bob}&action=${AUDIT_ACTION.LOGOUT}`)).toEqual([4]);
	});

	it('filters by from/to, newest first, paging after the filters', async () => {
		const date = (id: number) => encodeURIComponent(sandbox.state.logins[id - 1].date);
		expect(await ids('login', `from=${date(2)}&to=${date(4)}`)).toEqual([4, 3, 2]);
		expect(await ids('login', `userId=${IDS.jane}&count=1&startIndex=1`)).toEqual([2]);
	});
});
