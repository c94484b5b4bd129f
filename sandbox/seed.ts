import { createHash } from 'crypto';

import type {
	ApiKey,
	AuditEvent,
	Entry,
	Group,
	LoginEvent,
	OAuthClient,
	User,
	UserType,
} from './model';
import { FOLDER_TYPE, isoNow, OAUTH_SCOPES, ROOM_FOLDER_TYPE } from './model';

/** Same name, same GUID: the demo organisation is identical on every start. */
export function guid(name: string): string {
	const h = createHash('sha1').update(`docspace-sandbox:${name}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const SEED_TIME = Date.parse('2026-11-01T09:00:00.000Z');
export const PASSWORD = 'Sandbox-Pass-2026';

/** Ids the reference documentation uses, kept so examples read the same. */
export const IDS = {
	owner: '66faa6e4-f133-11ea-b126-00ffeec8b4ef',
	jane: '3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f',
	bob: '8a1d4f7e-2c3b-4a5d-8e9f-0b1c2d3e4f5a',
};

export const API_KEYS = {
	owner: 'sk-sandbox-owner-7f3c9a1e5b2d4f6a8c0e1b3d5f7a9c2e',
	admin: 'sk-sandbox-admin-2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e0b',
	roomAdmin: 'sk-sandbox-roomadmin-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b',
	user: 'sk-sandbox-user-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d',
	readOnly: 'sk-sandbox-readonly-5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f',
	accountsOnly: 'sk-sandbox-accounts-0f1e2d3c4b5a69788796a5b4c3d2e1f0',
	/** Victor Stale's key: he is disabled, so it answers 401, but an admin's `GET keys` lists it. */
	leaver: 'sk-sandbox-leaver-3d5f7a9c1e2b4d6f8a0c2e4b6d8f0a1c',
};

/** OAuth2 client ids (identity service, `/api/2.0/clients`). */
export const CLIENT_IDS = {
	jane: '5b1e0c7a-2f4d-4c8e-9a3b-6d7e8f9a0b1c',
	owner: '9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a',
	/** The OAuth 2.0 app for n8n's DocSpace OAuth2 credential (every scope, PKCE, n8n's callback on 5678). */
	n8n: '3f6a2d1e-8b7c-4e5f-9a0b-1c2d3e4f5a6b',
};

/** Where n8n's "Connect my account" returns to (`/rest/oauth2-credential/callback`) for `npm start`. */
export const N8N_OAUTH_CALLBACKS = [
	'http://localhost:5678/rest/oauth2-credential/callback',
	'http://127.0.0.1:5678/rest/oauth2-credential/callback',
];

interface PersonSeed {
	key: string;
	first: string;
	last: string;
	type: UserType;
	status?: 1 | 2 | 4;
	groups?: string[];
	tfa?: boolean;
	id?: string;
	guestFolder?: boolean;
}

const PEOPLE: PersonSeed[] = [
	{ key: 'owner', first: 'Alex', last: 'Admin', type: 'Owner', id: IDS.owner },
	{ key: 'dana', first: 'Dana', last: 'Scully', type: 'DocSpaceAdmin', tfa: true },
	{ key: 'sam', first: 'Sam', last: 'Okafor', type: 'DocSpaceAdmin' },
	{ key: 'bob', first: 'Bob', last: 'Brown', type: 'RoomAdmin', id: IDS.bob },
	{ key: 'rita', first: 'Rita', last: 'Rooms', type: 'RoomAdmin' },
	{ key: 'hannah', first: 'Hannah', last: 'Hughes', type: 'RoomAdmin', groups: ['hr'] },
	{ key: 'jane', first: 'Jane', last: 'Doe', type: 'User', id: IDS.jane, groups: ['engineering'] },
	{ key: 'liam', first: 'Liam', last: 'Chen', type: 'User', groups: ['engineering'] },
	{ key: 'olivia', first: 'Olivia', last: 'Park', type: 'User', groups: ['hr'] },
	{ key: 'noah', first: 'Noah', last: 'Singh', type: 'User', groups: ['engineering'] },
	{ key: 'emma', first: 'Emma', last: 'Rossi', type: 'User', groups: ['sales'] },
	{ key: 'ava', first: 'Ava', last: 'Novak', type: 'User', groups: ['sales'] },
	{ key: 'lucas', first: 'Lucas', last: 'Meyer', type: 'User', groups: ['sales'] },
	{ key: 'mia', first: 'Mia', last: 'Kowalski', type: 'User', groups: ['finance'] },
	{ key: 'ethan', first: 'Ethan', last: 'Brooks', type: 'User', groups: ['finance'] },
	{ key: 'zoe', first: 'Zoe', last: 'Adams', type: 'User' },
	{ key: 'leo', first: 'Leo', last: 'Martin', type: 'User' },
	{ key: 'nora', first: 'Nora', last: 'Petrov', type: 'User' },
	{ key: 'ivan', first: 'Ivan', last: 'Horvat', type: 'User' },
	{ key: 'chloe', first: 'Chloe', last: 'Dubois', type: 'User' },
	{ key: 'kai', first: 'Kai', last: 'Tanaka', type: 'User', groups: ['engineering'] },
	{ key: 'pia', first: 'Pia', last: 'Invited', type: 'User', status: 4 },
	{ key: 'victor', first: 'Victor', last: 'Stale', type: 'User', status: 2, groups: ['sales'] },
	{ key: 'paula', first: 'Paula', last: 'Gone', type: 'User', status: 2 },
	{ key: 'greg', first: 'Greg', last: 'Former', type: 'RoomAdmin', status: 2 },
	{ key: 'gina', first: 'Gina', last: 'Guest', type: 'Guest', guestFolder: true },
	{ key: 'carl', first: 'Carl', last: 'Contractor', type: 'Guest' },
	{ key: 'petra', first: 'Petra', last: 'Partner', type: 'Guest' },
	{ key: 'tom', first: 'Tom', last: 'Temp', type: 'Guest' },
];

const GROUPS: Array<{ key: string; name: string; manager: string }> = [
	{ key: 'hr', name: 'HR', manager: 'hannah' },
	{ key: 'engineering', name: 'Engineering', manager: 'liam' },
	// Victor (disabled) still manages Sales: disabling keeps group refs, the Manager ref included.
	{ key: 'sales', name: 'Sales', manager: 'victor' },
	{ key: 'finance', name: 'Finance', manager: 'mia' },
];

export interface SeedData {
	users: User[];
	groups: Group[];
	entries: Entry[];
	audit: AuditEvent[];
	logins: LoginEvent[];
	apiKeys: ApiKey[];
	clients: OAuthClient[];
	ids: Record<string, string>;
	folders: Record<string, number>;
}

export function seed(): SeedData {
	const ids: Record<string, string> = {};
	for (const p of PEOPLE) ids[p.key] = p.id ?? guid(`user:${p.key}`);
	const groupIds: Record<string, string> = {};
	for (const g of GROUPS) groupIds[g.key] = guid(`group:${g.key}`);

	const users: User[] = PEOPLE.map((p, i) => ({
		id: ids[p.key],
		firstName: p.first,
		lastName: p.last,
		email: `${p.first}.${p.last}@corp.example`.toLowerCase(),
		userName: `${p.first}.${p.last}`.toLowerCase(),
		type: p.type,
		status: p.status ?? 1,
		activationStatus: p.status === 4 ? 2 : 1,
		registrationDate: isoNow(SEED_TIME - (400 - i * 7) * 86_400_000),
		terminated: p.status === 2 ? isoNow(SEED_TIME - (10 + i) * 86_400_000) : undefined,
		groups: (p.groups ?? []).map((g) => groupIds[g]),
		password: PASSWORD,
		createdBy: p.type === 'Owner' ? undefined : IDS.owner,
		sessions: p.status === 2 ? 0 : 1,
		tfa: p.tfa,
		hasPersonalFolder: p.type !== 'Guest' || p.guestFolder === true,
	}));
	const groups: Group[] = GROUPS.map((g) => ({
		id: groupIds[g.key],
		name: g.name,
		managerId: ids[g.manager],
	}));

	const entries: Entry[] = [];
	const folders: Record<string, number> = {};
	let nextId = 1;
	const at = (days: number) => isoNow(SEED_TIME - days * 86_400_000);
	const add = (
		entry: Omit<Entry, 'id' | 'created' | 'updated' | 'shares'> & {
			shares?: Record<string, number>;
		},
		days = 30,
	) => {
		const full: Entry = {
			id: nextId++,
			created: at(days),
			updated: at(days - 1),
			shares: {},
			...entry,
		} as Entry;
		entries.push(full);
		return full;
	};
	const folder = (title: string, parentId: number, createdBy: string, extra: Partial<Entry> = {}) =>
		add({ kind: 'folder', title, parentId, createdBy, folderType: FOLDER_TYPE.DEFAULT, ...extra });
	const file = (title: string, parentId: number, createdBy: string, extra: Partial<Entry> = {}) =>
		add({
			kind: 'file',
			title,
			parentId,
			createdBy,
			folderType: FOLDER_TYPE.DEFAULT,
			size: 12_800 + title.length * 731,
			...extra,
		});

	const rooms = folder('Rooms', 0, IDS.owner, { folderType: FOLDER_TYPE.VIRTUAL_ROOMS });
	const archive = folder('Archive', 0, IDS.owner, { folderType: FOLDER_TYPE.ARCHIVE });
	folders.rooms = rooms.id;
	folders.archiveRoot = archive.id;
	nextId = 100;

	for (const user of users) {
		if (!user.hasPersonalFolder) continue;
		const key = PEOPLE.find((p) => ids[p.key] === user.id)!.key;
		folders[`my:${key}`] = folder('My documents', 0, user.id, {
			folderType: FOLDER_TYPE.USER,
			ownerId: user.id,
		}).id;
		folders[`trash:${key}`] = folder('Trash', 0, user.id, {
			folderType: FOLDER_TYPE.TRASH,
			ownerId: user.id,
		}).id;
	}
	nextId = 1000;

	const room = (
		key: string,
		title: string,
		owner: string,
		roomType: number,
		members: Record<string, number>,
		parent = rooms.id,
	) => {
		const r = folder(title, parent, ids[owner], {
			roomType,
			folderType: ROOM_FOLDER_TYPE[roomType],
			shares: { [ids[owner]]: 9, ...members },
		});
		folders[`room:${key}`] = r.id;
		return r;
	};
	const workspaces = room('workspaces', 'Company Workspaces', 'owner', 5, {
		[ids.dana]: 9,
		[ids.sam]: 9,
		[ids.hannah]: 9,
	});
	for (const p of PEOPLE.filter((p) => p.type === 'User' || p.type === 'RoomAdmin')) {
		const ws = folder(`Workspace – ${p.first} ${p.last}`, workspaces.id, IDS.owner);
		folders[`workspace:${p.key}`] = ws.id;
		file(`${p.first} – onboarding checklist.docx`, ws.id, ids[p.key]);
	}
	folders.archive = folder('Archive', workspaces.id, IDS.owner).id;
	file('Offboarding log.xlsx', folders.archive, IDS.owner);

	const deals = room('deals', 'Sales Deals', 'jane', 2, {
		[ids.emma]: 10,
		[ids.ava]: 2,
		[ids.bob]: 9,
	});
	file('Pipeline 2026.xlsx', deals.id, ids.jane);
	file('ACME proposal.docx', deals.id, ids.emma);
	const phoenix = room('phoenix', 'Project Phoenix', 'jane', 5, {
		[ids.liam]: 11,
		[ids.noah]: 10,
		[groupIds.engineering]: 2,
	});
	phoenix.formRoles = [ids.noah];
	const specs = folder('Specifications', phoenix.id, ids.jane);
	file('Architecture.docx', specs.id, ids.jane);
	file('Roadmap.pptx', phoenix.id, ids.liam);
	room('hr', 'HR Policies', 'hannah', 5, { [groupIds.hr]: 9, [ids.olivia]: 10 });
	file('Leave policy.pdf', folders['room:hr'], ids.hannah);
	room('vendors', 'Old Vendor Contracts', 'victor', 5, { [ids.emma]: 10 });
	file('Vendor A contract.pdf', folders['room:vendors'], ids.victor);
	room('partners', 'Partner Portal', 'bob', 6, { [ids.petra]: 2, [ids.gina]: 2 });
	room('marketing', 'Legacy Marketing', 'rita', 5, { [ids.lucas]: 10 }, archive.id);
	file('Campaign 2024.pptx', folders['room:marketing'], ids.rita);

	const janeQ3 = file('Q3 plan.docx', folders['my:jane'], ids.jane, { shares: { [ids.bob]: 2 } });
	file('Personal notes.txt', folders['my:jane'], ids.jane);
	const drafts = folder('Drafts', folders['my:jane'], ids.jane);
	file('Idea.docx', drafts.id, ids.jane, { shares: { [groupIds.engineering]: 6 } });
	file('Handover.docx', folders['my:greg'], ids.greg, { shares: { [ids.liam]: 1 } });
	file('Company handbook.pdf', folders['my:owner'], IDS.owner);
	file('Welcome pack.pdf', folders['my:gina'], ids.bob);
	folders.janeQ3 = janeQ3.id;

	const audit: AuditEvent[] = [];
	const logins: LoginEvent[] = [];
	const actors = ['jane', 'liam', 'emma', 'bob', 'owner', 'victor', 'noah', 'hannah'];
	for (let i = 0; i < 60; i++) {
		const actor = actors[i % actors.length];
		const day = 30 - Math.floor(i / 2);
		const kinds = [
			{ actionId: 5000, actionType: 1, location: 1, action: 'File created', entries: [1] },
			{ actionId: 5015, actionType: 15, location: 1, action: 'File moved', entries: [1] },
			{ actionId: 5068, actionType: 11, location: 1, action: 'File access updated', entries: [1] },
			{ actionId: 5070, actionType: 1, location: 27, action: 'Room created', entries: [25] },
			{ actionId: 5019, actionType: 1, location: 2, action: 'Folder created', entries: [2] },
		];
		const kind = kinds[i % kinds.length];
		audit.push({
			id: i + 1,
			date: isoNow(SEED_TIME - day * 86_400_000 + i * 60_000),
			userId: ids[actor],
			product: 2,
			target: [String(1000 + (i % 12))],
			...kind,
		});
	}
	for (const p of PEOPLE.filter((p) => p.status === 2)) {
		audit.push({
			id: audit.length + 1,
			date: users.find((u) => u.id === ids[p.key])!.terminated!,
			userId: IDS.owner,
			actionId: 4020,
			actionType: 2,
			product: 8,
			location: 30,
			target: [ids[p.key]],
			entries: [23],
			action: 'Users updated status',
		});
	}
	audit.sort((a, b) => a.date.localeCompare(b.date));
	audit.forEach((e, i) => (e.id = i + 1));
	for (let i = 0; i < 40; i++) {
		const actor = actors[i % actors.length];
		const failed = i % 9 === 4;
		logins.push({
			id: i + 1,
			date: isoNow(SEED_TIME - (20 - Math.floor(i / 2)) * 86_400_000 + i * 90_000),
			userId: ids[actor],
			login: users.find((u) => u.id === ids[actor])!.email,
			actionId: failed ? 1002 : 1000,
			action: failed ? 'Login failed: invalid username or password' : 'Login succeeded',
		});
	}

	const key = (name: string, secret: string, userKey: string, permissions: string[]): ApiKey => ({
		id: guid(`key:${name}`),
		name,
		key: secret,
		userId: ids[userKey],
		permissions,
		createOn: isoNow(SEED_TIME - 90 * 86_400_000),
		isActive: true,
	});
	const apiKeys = [
		key('n8n offboarding', API_KEYS.owner, 'owner', ['*']),
		key('IT automation', API_KEYS.admin, 'sam', ['*']),
		key('Room admin tools', API_KEYS.roomAdmin, 'bob', ['*']),
		key('Jane scripts', API_KEYS.user, 'jane', ['*']),
		key('Reporting', API_KEYS.readOnly, 'owner', ['*:read']),
		key('Accounts sync', API_KEYS.accountsOnly, 'owner', ['accounts:read', 'accounts:write']),
		key('Victor CRM export', API_KEYS.leaver, 'victor', ['*']),
	];
	const client = (clientId: string, name: string, userKey: string, days: number): OAuthClient => ({
		clientId,
		clientSecret: guid(`client-secret:${clientId}`),
		name,
		scopes: ['files:read', 'accounts.self:read'],
		enabled: true,
		websiteUrl: 'https://apps.corp.example',
		redirectUris: ['https://apps.corp.example/oauth/callback'],
		allowedOrigins: ['https://apps.corp.example'],
		isPublic: false,
		createdOn: new Date(SEED_TIME - days * 86_400_000).toISOString(),
		createdBy: ids[userKey],
		modifiedOn: new Date(SEED_TIME - days * 86_400_000).toISOString(),
		modifiedBy: ids[userKey],
	});
	const n8nApp: OAuthClient = {
		...client(CLIENT_IDS.n8n, 'n8n DocSpace Admin', 'sam', 90),
		scopes: [...OAUTH_SCOPES],
		websiteUrl: 'http://localhost:5678',
		redirectUris: [...N8N_OAUTH_CALLBACKS],
		allowedOrigins: ['http://localhost:5678'],
	};
	const clients = [
		client(CLIENT_IDS.jane, 'Jane report exporter', 'jane', 40),
		client(CLIENT_IDS.owner, 'Portal integrations', 'owner', 60),
		n8nApp,
	];

	return {
		users,
		groups,
		entries,
		audit,
		logins,
		apiKeys,
		clients,
		ids: { ...ids, ...prefixed(groupIds, 'group:') },
		folders,
	};
}

function prefixed(record: Record<string, string>, prefix: string): Record<string, string> {
	return Object.fromEntries(Object.entries(record).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** Extra plain users for load tests and benchmarks: `bench.user.N@corp.example`, deterministic. */
export function extraUsers(count: number): User[] {
	return Array.from({ length: count }, (_, i) => ({
		id: guid(`user:extra:${i}`),
		firstName: 'Bench',
		lastName: `User ${String(i).padStart(5, '0')}`,
		email: `bench.user.${i}@corp.example`,
		userName: `bench.user.${i}`,
		type: 'User' as const,
		status: 1 as const,
		activationStatus: 1 as const,
		registrationDate: isoNow(SEED_TIME - 86_400_000),
		groups: [],
		password: PASSWORD,
		createdBy: IDS.owner,
		sessions: 1,
		hasPersonalFolder: false,
	}));
}
