import { roomQuotaProblem } from './quota';
import type {
	ApiKey,
	AuditEvent,
	Delivery,
	Entry,
	FileOp,
	Group,
	LoginEvent,
	OAuthClient,
	Task,
	User,
	UserType,
	Webhook,
} from './model';
import { FOLDER_TYPE, isoNow, ROOM_FOLDER_TYPE, SHARE, TASK_STATUS } from './model';
import { IDS, seed } from './seed';

export { isoNow };

/** RoomType of a custom room (`POST files/rooms`). */
const CUSTOM_ROOM_TYPE = 5;

export interface JobSpeed {
	/** Time between two progress milestones of a people task. */
	taskStepMs: number;
	/** Time a file operation takes from start to finish. */
	fileOpMs: number;
	/** A finished task or file operation nobody collected is dropped this long after its last update (server: 60 s). */
	expiryMs: number;
}

export const DEFAULT_SPEED: JobSpeed = { taskStepMs: 250, fileOpMs: 300, expiryMs: 60_000 };

/** Seat limits of the portal's plan; unset means unlimited. */
export interface Quota {
	/** Active Owner + DocSpace admins + room admins allowed. */
	paidSeats?: number;
	/** Room quotas switched on, with the default for rooms without their own (-1: none). */
	rooms?: { defaultQuota: number };
}

/** FilesSecurityActions the sandbox computes (FileSecurity.FilterEntryAsync). */
export type Action =
	| 'Read'
	| 'Create'
	| 'Delete'
	| 'EditRoom'
	| 'Rename'
	| 'CopyTo'
	| 'MoveTo'
	| 'Copy'
	| 'Move'
	| 'Pin'
	| 'Mute'
	| 'EditAccess'
	| 'Duplicate'
	| 'Download'
	| 'ChangeOwner'
	| 'Edit';

/** The `security` keys of folder/room DTOs and of file DTOs. */
export const FOLDER_ACTIONS: Action[] = [
	'Read',
	'Create',
	'Delete',
	'EditRoom',
	'Rename',
	'CopyTo',
	'MoveTo',
	'Copy',
	'Move',
	'Pin',
	'Mute',
	'EditAccess',
	'Duplicate',
	'Download',
	'ChangeOwner',
];
export const FILE_ACTIONS: Action[] = [
	'Read',
	'Edit',
	'Delete',
	'Rename',
	'Copy',
	'Move',
	'Download',
];

/** FilterEntryAsync `case FolderType.Archive`: all an archived room still allows. */
const ARCHIVE_ALLOWED = new Set<Action>(['Read', 'Delete', 'Copy', 'Move', 'Download']);
/** Actions that exist for rooms only (`Pin or Mute or ChangeOwner && !isRoom → false`). */
const ROOM_ONLY = new Set<Action>(['Pin', 'Mute', 'ChangeOwner', 'EditRoom']);
/** What any reader (and a DocSpace admin who is not a member) may do. */
const READ_ACTIONS = new Set<Action>(['Read', 'Download', 'Copy', 'Duplicate']);
/** The admin branch's extra rights on a room itself. */
const ADMIN_ROOM_ACTIONS = new Set<Action>(['Move', 'Pin', 'ChangeOwner']);
const CREATE_ACTIONS = new Set<Action>(['Create', 'CopyTo', 'MoveTo']);
const AUTHOR_ACTIONS = new Set<Action>(['Rename', 'Delete', 'Move']);
const EDIT_SHARES = new Set<number>([
	SHARE.ReadWrite,
	SHARE.RoomManager,
	SHARE.ContentCreator,
	SHARE.Editing,
]);
/** User types that own rooms with full rights and may create rooms. */
export const ROOM_CREATORS = new Set<UserType>(['Owner', 'DocSpaceAdmin', 'RoomAdmin']);

/** Why a move/copy item is refused (the texts of the server's resources are not known). */
export const MOVE_PROBLEM = {
	create: "You don't have enough permission to create in the destination folder",
	moveTo: "You don't have enough permission to move to the destination folder",
	intoItself: 'A folder cannot be moved or copied into itself or its subfolder',
	move: "You don't have enough permission to move the item",
	copy: "You don't have enough permission to copy the item",
	roomOutsideRoots: 'A room can only be moved to the Rooms or Archive section',
	intoRoot: 'Only rooms can be placed in the Rooms or Archive section',
} as const;

/** Failing or stuck jobs, switched on by tests and demos. */
export interface JobFaults {
	failTask?: { queue: Task['queue']; atPercent: number; message: string };
	stickTask?: { queue: Task['queue']; atPercent: number };
	failFileOp?: { message: string };
	stickFileOp?: boolean;
}

export const MILESTONES: Record<Task['queue'], number[]> = {
	reassign: [5, 10, 20, 30, 50, 70, 90, 95, 100],
	remove: [5, 10, 30, 45, 50, 60, 70, 95, 100],
	type: [5, 10, 40, 60, 100],
	personalFolder: [10, 50, 100],
};

/**
 * A look-up by id over a list that grows or is replaced (never spliced in place): the map is built
 * again whenever the list is another one or has another length.
 */
class ById<K, T> {
	private list?: T[];
	private length = -1;
	private readonly map = new Map<K, T>();

	constructor(private readonly key: (item: T) => K) {}

	get(list: T[], id: K): T | undefined {
		if (list !== this.list || list.length !== this.length) {
			this.map.clear();
			for (const item of list)
				if (!this.map.has(this.key(item))) this.map.set(this.key(item), item);
			this.list = list;
			this.length = list.length;
		}
		return this.map.get(id);
	}
}

export class SandboxState {
	users: User[];
	groups: Group[];
	entries: Entry[];
	audit: AuditEvent[];
	logins: LoginEvent[];
	apiKeys: ApiKey[];
	/** OAuth2 clients of the identity service (`/api/2.0/clients`). */
	clients: OAuthClient[];
	ids: Record<string, string>;
	folders: Record<string, number>;
	tasks = new Map<string, Task>();
	fileOps: FileOp[] = [];
	webhooks: Webhook[] = [];
	deliveries: Delivery[] = [];
	sessions = new Map<string, { userId: string; expires: number }>();
	/** Portal signature tokens for the identity service (`GET security/oauth2/token`), by token. */
	signatures = new Map<string, { userId: string; expires: number }>();
	auditInPlan = true;
	quota: Quota = {};
	speed: JobSpeed;
	jobFaults: JobFaults = {};
	nextEntryId = 5000;
	nextOpSeq = 1;
	// Load tests hold thousands of users and entries, looked up on every request.
	private readonly usersById = new ById<string, User>((u) => u.id);
	private readonly entriesById = new ById<number, Entry>((e) => e.id);
	private moves = 0;
	private childIndex: {
		list?: Entry[];
		length: number;
		moves: number;
		byParent: Map<number | undefined, Entry[]>;
	} = { length: -1, moves: -1, byParent: new Map() };
	private listeners: Array<
		(trigger: string, payload: Record<string, unknown>, actorId: string) => void
	> = [];

	constructor(speed: Partial<JobSpeed> = {}) {
		const data = seed();
		this.users = data.users;
		this.groups = data.groups;
		this.entries = data.entries;
		this.audit = data.audit;
		this.logins = data.logins;
		this.apiKeys = data.apiKeys;
		this.clients = data.clients;
		this.ids = data.ids;
		this.folders = data.folders;
		this.speed = { ...DEFAULT_SPEED, ...speed };
	}

	// ---- people ----

	user(id: string | undefined): User | undefined {
		return id === undefined ? undefined : this.usersById.get(this.users, id.toLowerCase());
	}

	/** E-mails are stored as given; look-ups ignore case. */
	userByEmail(email: string): User | undefined {
		const wanted = email.trim().toLowerCase();
		return this.users.find((u) => u.email.toLowerCase() === wanted);
	}

	userByIdOrName(value: string): User | undefined {
		const v = value.toLowerCase();
		return this.users.find((u) => u.userName === v) ?? this.users.find((u) => u.id === v);
	}

	isAdmin(user: User | undefined): boolean {
		return user?.type === 'Owner' || user?.type === 'DocSpaceAdmin';
	}

	/** Active users on a paid seat (Owner, DocSpace admins, room admins). */
	paidSeatsUsed(): number {
		return this.users.filter((u) => u.status === 1 && ROOM_CREATORS.has(u.type)).length;
	}

	/** UserExtensions.CanUserViewAnotherUserAsync. */
	canViewProfile(viewer: User, target: User): boolean {
		if (viewer.id === target.id || this.isAdmin(viewer)) return true;
		if (viewer.type !== 'RoomAdmin') return false;
		return target.type !== 'Guest' || this.related(viewer, target);
	}

	/** A guest is related to a room admin who created them or who owns a room they are in. */
	private related(roomAdmin: User, guest: User): boolean {
		if (guest.createdBy === roomAdmin.id) return true;
		return this.entries.some(
			(e) => this.isRoom(e) && e.createdBy === roomAdmin.id && e.shares[guest.id] !== undefined,
		);
	}

	/**
	 * The key a bearer secret authenticates as (ApiKeyBearerAuthHandler → ValidateApiKeyAsync): active and
	 * not expired; its use is recorded in `lastUsed`. Whether its creator may sign in is checked afterwards.
	 */
	validApiKey(secret: string, now = Date.now()): ApiKey | undefined {
		const key = this.apiKeys.find((k) => k.key === secret);
		if (!key || !key.isActive || (key.expiresAt && Date.parse(key.expiresAt) <= now))
			return undefined;
		key.lastUsed = isoNow(now);
		return key;
	}

	group(id: string | undefined): Group | undefined {
		return id === undefined ? undefined : this.groups.find((g) => g.id === id.toLowerCase());
	}

	/** Group members as `GET group/{id}?includeMembers=true` lists them: disabled users hidden (EmployeeStatus.Default). */
	groupMembers(group: Group): User[] {
		return this.users.filter((u) => u.groups.includes(group.id) && u.status !== 2);
	}

	displayName(user: User): string {
		return `${user.firstName} ${user.lastName}`;
	}

	// ---- entries ----

	entry(id: number): Entry | undefined {
		return this.entriesById.get(this.entries, id);
	}

	children(folderId: number): Entry[] {
		const index = this.childIndex;
		if (
			index.list !== this.entries ||
			index.length !== this.entries.length ||
			index.moves !== this.moves
		) {
			const byParent = new Map<number | undefined, Entry[]>();
			for (const e of this.entries) {
				const siblings = byParent.get(e.parentId);
				if (siblings) siblings.push(e);
				else byParent.set(e.parentId, [e]);
			}
			this.childIndex = {
				list: this.entries,
				length: this.entries.length,
				moves: this.moves,
				byParent,
			};
		}
		return [...(this.childIndex.byParent.get(folderId) ?? [])];
	}

	/** Puts an entry into another folder; `children` sees it at once. */
	moveEntry(entry: Entry, parentId: number): void {
		entry.parentId = parentId;
		this.moves++;
	}

	ancestors(entry: Entry): Entry[] {
		const chain: Entry[] = [];
		let current: Entry | undefined = entry;
		while (current) {
			chain.unshift(current);
			current = current.parentId ? this.entry(current.parentId) : undefined;
		}
		return chain;
	}

	root(entry: Entry): Entry {
		return this.ancestors(entry)[0];
	}

	/** The room an entry lives in, if any (the folder right under Rooms or Archive). */
	room(entry: Entry): Entry | undefined {
		const chain = this.ancestors(entry);
		const rootType = chain[0].folderType;
		if (rootType !== FOLDER_TYPE.VIRTUAL_ROOMS && rootType !== FOLDER_TYPE.ARCHIVE)
			return undefined;
		return chain[1];
	}

	isRoom(entry: Entry): boolean {
		return entry.roomType !== undefined;
	}

	isDescendant(entry: Entry, folderId: number): boolean {
		return this.ancestors(entry).some((e) => e.id === folderId);
	}

	myDocuments(userId: string): Entry | undefined {
		return this.entries.find((e) => e.folderType === FOLDER_TYPE.USER && e.ownerId === userId);
	}

	trash(userId: string): Entry | undefined {
		return this.entries.find((e) => e.folderType === FOLDER_TYPE.TRASH && e.ownerId === userId);
	}

	subjectsOf(user: User): string[] {
		return [user.id, ...user.groups];
	}

	isRootFolder(entry: Entry): boolean {
		return (
			entry.folderType === FOLDER_TYPE.VIRTUAL_ROOMS || entry.folderType === FOLDER_TYPE.ARCHIVE
		);
	}

	private isPersonalRoot(entry: Entry): boolean {
		return entry.folderType === FOLDER_TYPE.USER || entry.folderType === FOLDER_TYPE.TRASH;
	}

	/** A room owner of a paid type has full rights (FileSecurity.HasFullAccessAsync). */
	isRoomOwner(user: User, room: Entry): boolean {
		return room.createdBy === user.id && ROOM_CREATORS.has(user.type);
	}

	/** The FileShare level shown as the DTO's `access` (0 = none). */
	access(user: User, entry: Entry): number {
		const chain = this.ancestors(entry);
		const root = chain[0];
		if (this.isPersonalRoot(root))
			return root.ownerId === user.id ? SHARE.ReadWrite : this.sharedAccess(user, chain.slice(1));
		if (!this.isRootFolder(root)) return this.isAdmin(user) ? SHARE.ReadWrite : SHARE.None;
		if (chain.length === 1) return SHARE.Read;
		if (this.isRoomOwner(user, chain[1])) return SHARE.RoomManager;
		const level = this.sharedAccess(user, [chain[1]]);
		if (level) return level;
		return this.isAdmin(user) ? SHARE.Read : SHARE.None;
	}

	/** Whether `user` may do `action` on `entry` (FileSecurity.FilterEntryAsync, simplified). */
	can(user: User, entry: Entry, action: Action): boolean {
		const chain = this.ancestors(entry);
		const root = chain[0];
		if (this.isPersonalRoot(root)) return this.personalRight(user, root, chain, action);
		if (!this.isRootFolder(root)) return this.isAdmin(user) && READ_ACTIONS.has(action);
		if (chain.length === 1) return this.sectionRight(user, root, action);
		return this.roomRight(user, entry, chain[1], root.folderType === FOLDER_TYPE.ARCHIVE, action);
	}

	/** The `security` dictionary of an entry's DTO. */
	security(user: User, entry: Entry): Record<string, boolean> {
		const actions = entry.kind === 'file' ? FILE_ACTIONS : FOLDER_ACTIONS;
		return Object.fromEntries(actions.map((action) => [action, this.can(user, entry, action)]));
	}

	/** "My documents" and Trash: the owner may do everything; others act by their share. */
	private personalRight(user: User, root: Entry, chain: Entry[], action: Action): boolean {
		if (ROOM_ONLY.has(action)) return false;
		if (root.ownerId === user.id) return true;
		const level = this.sharedAccess(user, chain.slice(1));
		if (!level) return false;
		if (READ_ACTIONS.has(action)) return true;
		if (action === 'Edit') return level === SHARE.ReadWrite || level === SHARE.Editing;
		return CREATE_ACTIONS.has(action) && level === SHARE.ReadWrite;
	}

	/** The Rooms and Archive roots themselves. */
	private sectionRight(user: User, root: Entry, action: Action): boolean {
		if (action === 'Read') return true;
		if (action === 'MoveTo') return user.type !== 'Guest';
		return (
			action === 'Create' &&
			root.folderType === FOLDER_TYPE.VIRTUAL_ROOMS &&
			ROOM_CREATORS.has(user.type)
		);
	}

	private roomRight(
		user: User,
		entry: Entry,
		room: Entry,
		inArchive: boolean,
		action: Action,
	): boolean {
		const isRoom = entry.id === room.id;
		if (!isRoom && ROOM_ONLY.has(action)) return false;
		if (
			inArchive &&
			(!ARCHIVE_ALLOWED.has(action) || (!isRoom && (action === 'Move' || action === 'Delete')))
		)
			return false;
		if (this.isRoomOwner(user, room)) return true;
		if (this.isAdmin(user) && this.adminRight(isRoom, inArchive, action)) return true;
		return memberRight(
			this.sharedAccess(user, [room]),
			action,
			isRoom,
			entry.createdBy === user.id,
		);
	}

	/** The DocSpace-admin branch: read everything; move, pin and change owner of rooms; delete archived rooms. */
	private adminRight(isRoom: boolean, inArchive: boolean, action: Action): boolean {
		if (READ_ACTIONS.has(action)) return true;
		return isRoom && (ADMIN_ROOM_ACTIONS.has(action) || (inArchive && action === 'Delete'));
	}

	private sharedAccess(user: User, chain: Entry[]): number {
		const subjects = this.subjectsOf(user);
		let best = 0;
		for (const e of chain) {
			for (const s of subjects) {
				const level = e.shares[s];
				if (level === SHARE.Restrict) return 0;
				if (level && (best === 0 || rank(level) > rank(best))) best = level;
			}
		}
		return best;
	}

	/** Why `user` may not move (or copy) `entry` into `dest`; undefined when allowed (CopyPermissionsCheck). */
	moveProblem(user: User, copy: boolean, entry: Entry, dest: Entry): string | undefined {
		const destIsRoot = this.isRootFolder(dest);
		if (!destIsRoot && !this.can(user, dest, 'Create')) return MOVE_PROBLEM.create;
		if (!this.can(user, dest, copy ? 'CopyTo' : 'MoveTo')) return MOVE_PROBLEM.moveTo;
		if (entry.kind === 'folder' && this.isDescendant(dest, entry.id))
			return MOVE_PROBLEM.intoItself;
		if (!this.can(user, entry, copy ? 'Copy' : 'Move'))
			return copy ? MOVE_PROBLEM.copy : MOVE_PROBLEM.move;
		if (this.isRoom(entry) && !destIsRoot) return MOVE_PROBLEM.roomOutsideRoots;
		if (!this.isRoom(entry) && destIsRoot) return MOVE_PROBLEM.intoRoot;
		return roomQuotaProblem(this, entry, dest);
	}

	// ---- audit and webhooks ----

	recordAudit(event: Omit<AuditEvent, 'id' | 'date' | 'product'> & { product?: number }): void {
		this.audit.push({ id: this.audit.length + 1, date: isoNow(), product: 2, ...event });
	}

	onEvent(
		listener: (trigger: string, payload: Record<string, unknown>, actorId: string) => void,
	): void {
		this.listeners.push(listener);
	}

	emit(trigger: string, payload: Record<string, unknown>, actorId: string): void {
		for (const listener of this.listeners) listener(trigger, payload, actorId);
	}

	// ---- jobs ----

	taskKey(queue: Task['queue'], userId: string): string {
		return `${queue}:${userId}`;
	}

	/** Brings every running job up to date with the clock; effects happen at completion. */
	tick(now = Date.now()): void {
		for (const task of this.tasks.values()) this.advanceTask(task, now);
		for (const op of this.fileOps) this.advanceFileOp(op, now);
		this.expire(now);
	}

	/** The server's cleaner: finished jobs whose last update is older than `expiryMs` are gone. */
	private expire(now: number): void {
		const expired = (status: number, updatedAt: number) =>
			status >= TASK_STATUS.Completed && updatedAt + this.speed.expiryMs < now;
		for (const [key, task] of this.tasks)
			if (expired(task.status, task.updatedAt)) this.tasks.delete(key);
		for (const op of this.fileOps) if (expired(op.status, op.updatedAt)) op.dequeued = true;
	}

	private advanceTask(task: Task, now: number): void {
		if (task.status >= TASK_STATUS.Completed) return;
		const milestones = MILESTONES[task.queue];
		const step = Math.floor((now - task.startedAt) / this.speed.taskStepMs);
		if (step < 1 && task.queue === 'reassign') return;
		for (let i = 0; i < Math.min(step + 1, milestones.length); i++) {
			const percent = milestones[i];
			const at = task.startedAt + i * this.speed.taskStepMs;
			if (task.failAt && percent >= task.failAt.percent) {
				Object.assign(task, {
					status: TASK_STATUS.Failted,
					error: task.failAt.message,
					updatedAt: at,
				});
				return;
			}
			if (task.stuckAt !== undefined && percent > task.stuckAt) return;
			Object.assign(task, { status: TASK_STATUS.Running, percentage: percent, updatedAt: at });
		}
		if (task.percentage === 100) {
			this.applyTask(task);
			task.status = TASK_STATUS.Completed;
		}
	}

	private advanceFileOp(op: FileOp, now: number): void {
		if (op.status >= TASK_STATUS.Completed || op.stuck) return;
		const fraction = Math.min(1, (now - op.startedAt) / this.speed.fileOpMs);
		op.status = TASK_STATUS.Running;
		op.progress = Math.min(99, Math.floor(fraction * 100));
		op.updatedAt = Math.min(now, op.startedAt + this.speed.fileOpMs);
		if (fraction < 1) return;
		if (op.failWith) op.error = op.failWith;
		else applyFileOp(this, op);
		op.progress = 100;
		op.status = op.error ? TASK_STATUS.Failted : TASK_STATUS.Completed;
	}

	applyTask(task: Task): void {
		if (task.applied) return;
		task.applied = true;
		taskEffects[task.queue](this, task);
	}

	// ---- entries: mutations shared by jobs and routes ----

	newEntry(entry: Omit<Entry, 'id' | 'created' | 'updated'>): Entry {
		const now = isoNow();
		const created: Entry = { ...entry, id: this.nextEntryId++, created: now, updated: now };
		this.entries.push(created);
		return created;
	}

	removeTree(entry: Entry): void {
		const doomed = new Set<number>([entry.id]);
		let grew = true;
		while (grew) {
			grew = false;
			for (const e of this.entries) {
				if (!doomed.has(e.id) && doomed.has(e.parentId)) {
					doomed.add(e.id);
					grew = true;
				}
			}
		}
		this.entries = this.entries.filter((e) => !doomed.has(e.id));
	}

	/**
	 * Leavers the seed does not have, for load tests: plain users like Jane (`leaver.N@corp.example`);
	 * every `roomEvery`-th one owns a custom room with a file in it, something to hand over; with
	 * `workspaces`, each also has a workspace folder with a file in "Company Workspaces".
	 */
	addLeavers(
		count: number,
		roomEvery = 1,
		workspaces = false,
	): Array<User & { roomId?: number; workspaceId?: number }> {
		const template = this.user(IDS.jane)!;
		const leavers: Array<User & { roomId?: number; workspaceId?: number }> = Array.from(
			{ length: count },
			(_, i) => ({
				...template,
				id: `c0ffee00-0000-4000-8000-${String(i).padStart(12, '0')}`,
				firstName: 'Leaver',
				lastName: String(i).padStart(3, '0'),
				email: `leaver.${i}@corp.example`,
				userName: `leaver.${i}`,
				type: 'User',
				status: 1,
				groups: [],
				sessions: 1,
				hasPersonalFolder: false,
			}),
		);
		this.users.push(...leavers);
		const file = (title: string, parentId: number, createdBy: string) =>
			this.newEntry({
				kind: 'file',
				title,
				parentId,
				createdBy,
				folderType: FOLDER_TYPE.DEFAULT,
				shares: {},
				size: 1000,
			});
		for (const [i, leaver] of leavers.entries()) {
			if (workspaces) {
				const workspace = this.newEntry({
					kind: 'folder',
					title: `Workspace – Leaver ${leaver.lastName}`,
					parentId: this.folders['room:workspaces'],
					createdBy: IDS.owner,
					folderType: FOLDER_TYPE.DEFAULT,
					shares: {},
				});
				file(`Handover ${i}.docx`, workspace.id, leaver.id);
				leaver.workspaceId = workspace.id;
			}
			if (i % roomEvery) continue;
			const room = this.newEntry({
				kind: 'folder',
				title: `Room of leaver ${i}`,
				parentId: this.folders.rooms,
				createdBy: leaver.id,
				folderType: ROOM_FOLDER_TYPE[CUSTOM_ROOM_TYPE],
				roomType: CUSTOM_ROOM_TYPE,
				shares: { [leaver.id]: SHARE.RoomManager },
			});
			file(`Notes ${i}.docx`, room.id, leaver.id);
			leaver.roomId = room.id;
		}
		return leavers;
	}

	deleteProfile(user: User, actorId: string): void {
		for (const e of this.entries)
			for (const s of Object.keys(e.shares)) if (s === user.id) delete e.shares[s];
		for (const root of [this.myDocuments(user.id), this.trash(user.id)])
			if (root) this.removeTree(root);
		this.users = this.users.filter((u) => u.id !== user.id);
		// EFUserService.RemoveUserAsync soft-removes every group ref, the Manager ref included (memberships go with the user).
		for (const group of this.groups) if (group.managerId === user.id) group.managerId = undefined;
		// DeleteMember → IdentityClient.DeleteClientsAsync: the user's OAuth clients go; API keys stay (they then answer 401).
		this.clients = this.clients.filter((c) => c.createdBy !== user.id);
		this.recordAudit({
			userId: actorId,
			actionId: 4018,
			actionType: 3,
			location: 30,
			product: 8,
			target: [user.id],
			entries: [23],
			action: 'User deleted',
		});
		this.emit('user.deleted', { id: user.id, userName: user.userName, email: user.email }, actorId);
	}
}

/** A room member's rights by FileShare role (the final `switch (action)` of FilterEntryAsync). */
function memberRight(level: number, action: Action, isRoom: boolean, isAuthor: boolean): boolean {
	if (!level || level === SHARE.Restrict) return false;
	const manager = level === SHARE.RoomManager;
	const creator = level === SHARE.ContentCreator;
	if (READ_ACTIONS.has(action) || action === 'Pin' || action === 'Mute') return true;
	if (CREATE_ACTIONS.has(action)) return manager || creator;
	if (action === 'EditAccess' || action === 'EditRoom') return manager;
	if (action === 'Edit') return EDIT_SHARES.has(level);
	if (action === 'Rename') return manager || (creator && isAuthor);
	// Deleting or moving (archiving) the room itself is for its owner and DocSpace admins only.
	if (AUTHOR_ACTIONS.has(action)) return !isRoom && (manager || (creator && isAuthor));
	return false;
}

function rank(access: number): number {
	// Higher is more: Read < Comment/Review/FillForms < Editing < ContentCreator < RoomManager/ReadWrite.
	return (
		({ 2: 1, 7: 2, 6: 3, 5: 4, 10: 5, 11: 6, 9: 7, 1: 8 } as Record<number, number>)[access] ?? 0
	);
}

/** Moves `fromUser`'s entries shared from My documents into a new folder in `toUser`'s My documents. */
function rescueSharedEntries(state: SandboxState, from: User, to: User): void {
	const my = state.myDocuments(from.id);
	const target = state.myDocuments(to.id);
	if (!my || !target) return;
	const shared = state.entries.filter(
		(e) => e.id !== my.id && state.isDescendant(e, my.id) && Object.keys(e.shares).length > 0,
	);
	const topLevel = shared.filter(
		(e) => !shared.some((o) => o.id !== e.id && state.isDescendant(e, o.id)),
	);
	if (!topLevel.length) return;
	const folder = state.newEntry({
		kind: 'folder',
		title: `Documents of user ${from.firstName} ${from.lastName}`,
		parentId: target.id,
		createdBy: to.id,
		folderType: FOLDER_TYPE.DEFAULT,
		shares: {},
	});
	for (const e of topLevel) {
		state.moveEntry(e, folder.id);
		for (const d of state.entries.filter((x) => state.isDescendant(x, e.id))) d.createdBy = to.id;
	}
}

/** Hands rooms and room content created by `from` to `to`; the old owner loses the owner role. */
function reassignOwnership(state: SandboxState, from: User, to: User): void {
	for (const e of state.entries) {
		if (e.createdBy !== from.id) continue;
		const root = state.root(e);
		if (root.folderType === FOLDER_TYPE.USER || root.folderType === FOLDER_TYPE.TRASH) continue;
		e.createdBy = to.id;
		if (state.isRoom(e)) {
			delete e.shares[from.id];
			e.shares[to.id] = SHARE.RoomManager;
		}
	}
}

const taskEffects: Record<Task['queue'], (state: SandboxState, task: Task) => void> = {
	reassign(state, task) {
		const from = state.user(task.userId);
		const to = state.user(String(task.params.toUserId));
		if (!from || !to) return;
		rescueSharedEntries(state, from, to);
		reassignOwnership(state, from, to);
		state.recordAudit({
			userId: task.initiatorId,
			actionId: 4030,
			actionType: 16,
			location: 30,
			product: 8,
			target: [from.id, to.id],
			entries: [23],
			action: 'User data reassigned',
		});
		if (task.params.deleteProfile) state.deleteProfile(from, task.initiatorId);
	},
	remove(state, task) {
		const user = state.user(task.userId);
		const initiator = state.user(task.initiatorId);
		if (!user || !initiator) return;
		rescueSharedEntries(state, user, initiator);
		reassignOwnership(state, user, initiator);
		state.recordAudit({
			userId: task.initiatorId,
			actionId: 4031,
			actionType: 3,
			location: 30,
			product: 8,
			target: [user.id],
			entries: [23],
			action: 'User data removed',
		});
		if (task.params.deleteProfile !== false) state.deleteProfile(user, task.initiatorId);
	},
	type(state, task) {
		const user = state.user(task.userId);
		const to = state.user(String(task.params.reassignUserId ?? task.initiatorId));
		if (!user || !to) return;
		reassignOwnership(state, user, to);
		rescueSharedEntries(state, user, to);
		// UpdateUserTypeAsync changes only to User or Guest; a request without a type (All) keeps it.
		if (task.params.type === 'User' || task.params.type === 'Guest') user.type = task.params.type;
		state.recordAudit({
			userId: task.initiatorId,
			actionId: 4019,
			actionType: 2,
			location: 30,
			product: 8,
			target: [user.id],
			entries: [23],
			action: 'Users updated type',
		});
	},
	personalFolder(state, task) {
		const my = state.myDocuments(task.userId);
		if (my) for (const child of state.children(my.id)) state.removeTree(child);
	},
};

/** Carries out a finished file operation on the entry tree. */
function applyFileOp(state: SandboxState, op: FileOp): void {
	const actor = state.user(op.userId);
	if (!actor) return;
	const ids = [...op.folderIds, ...op.fileIds];
	if (op.kind === 'delete') {
		for (const id of ids) {
			const e = state.entry(id);
			if (e) state.removeTree(e);
			op.processed++;
		}
		return;
	}
	const dest = op.destFolderId === undefined ? undefined : state.entry(op.destFolderId);
	if (!dest) {
		op.error = 'The destination folder was not found';
		return;
	}
	for (const id of ids) {
		const e = state.entry(id);
		if (!e) {
			op.error = `The ${op.folderIds.includes(id) ? 'folder' : 'file'} was not found`;
			continue;
		}
		// The job checks again what the request checked: rights may have changed meanwhile.
		const problem = state.moveProblem(actor, op.kind === 'copy', e, dest);
		if (problem) {
			op.error = problem;
			continue;
		}
		const clash = state
			.children(dest.id)
			.find((c) => c.title === e.title && c.kind === e.kind && c.id !== e.id);
		let title = e.title;
		if (clash) {
			if (op.conflict === 'Skip') {
				op.processed++;
				continue;
			}
			if (op.conflict === 'Overwrite') state.removeTree(clash);
			else title = uniqueTitle(state, dest.id, e.title);
		}
		if (op.kind === 'copy') {
			const copy = copyTree(state, e, dest.id, op.userId);
			copy.title = title;
			(e.kind === 'folder' ? op.resultFolders : op.resultFiles).push(copy.id);
		} else {
			state.moveEntry(e, dest.id);
			e.title = title;
			e.updated = isoNow();
			(e.kind === 'folder' ? op.resultFolders : op.resultFiles).push(e.id);
			if (op.kind === 'archive')
				state.emit('room.archived', { id: e.id, title: e.title }, op.userId);
		}
		op.processed++;
	}
	const moved =
		op.kind === 'copy'
			? 5013
			: op.kind === 'archive'
				? 5072
				: op.kind === 'unarchive'
					? 5073
					: 5024;
	state.recordAudit({
		userId: op.userId,
		actionId: moved,
		actionType: op.kind === 'copy' ? 14 : 15,
		location: 2,
		target: ids.map(String),
		entries: [2],
		action: op.kind === 'archive' ? 'Room archived' : 'Folder moved',
	});
}

/** "name (1).ext", the first free one (FileUploader / FileMarker's duplicate naming). */
export function uniqueTitle(state: SandboxState, folderId: number, title: string): string {
	const dot = title.lastIndexOf('.');
	const [base, ext] = dot > 0 ? [title.slice(0, dot), title.slice(dot)] : [title, ''];
	for (let n = 1; ; n++) {
		const candidate = `${base} (${n})${ext}`;
		if (!state.children(folderId).some((c) => c.title === candidate)) return candidate;
	}
}

function copyTree(state: SandboxState, entry: Entry, parentId: number, by: string): Entry {
	const copy = state.newEntry({ ...entry, parentId, createdBy: by, shares: {} });
	for (const child of state.children(entry.id)) copyTree(state, child, copy.id, by);
	return copy;
}
