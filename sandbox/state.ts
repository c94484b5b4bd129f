import type { ApiKey, AuditEvent, Delivery, Entry, FileOp, Group, LoginEvent, Task, User, Webhook } from './model';
import { FOLDER_TYPE } from './model';
import { seed } from './seed';

export interface JobSpeed {
	/** Time between two progress milestones of a people task. */
	taskStepMs: number;
	/** Time a file operation takes from start to finish. */
	fileOpMs: number;
}

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
	type: [5, 30, 60, 90, 100],
	personalFolder: [10, 50, 100],
};

export const WRITE_ACCESS = new Set([1, 9, 10, 11]);

export class SandboxState {
	users: User[];
	groups: Group[];
	entries: Entry[];
	audit: AuditEvent[];
	logins: LoginEvent[];
	apiKeys: ApiKey[];
	ids: Record<string, string>;
	folders: Record<string, number>;
	tasks = new Map<string, Task>();
	fileOps: FileOp[] = [];
	webhooks: Webhook[] = [];
	deliveries: Delivery[] = [];
	sessions = new Map<string, { userId: string; expires: number }>();
	auditInPlan = true;
	speed: JobSpeed;
	jobFaults: JobFaults = {};
	nextEntryId = 5000;
	nextOpSeq = 1;
	private listeners: Array<(trigger: string, payload: Record<string, unknown>, actorId: string) => void> = [];

	constructor(speed: Partial<JobSpeed> = {}) {
		const data = seed();
		this.users = data.users;
		this.groups = data.groups;
		this.entries = data.entries;
		this.audit = data.audit;
		this.logins = data.logins;
		this.apiKeys = data.apiKeys;
		this.ids = data.ids;
		this.folders = data.folders;
		this.speed = { taskStepMs: 250, fileOpMs: 300, ...speed };
	}

	// ---- people ----

	user(id: string | undefined): User | undefined {
		return id === undefined ? undefined : this.users.find((u) => u.id === id.toLowerCase());
	}

	userByIdOrName(value: string): User | undefined {
		const v = value.toLowerCase();
		return this.users.find((u) => u.userName === v) ?? this.users.find((u) => u.id === v);
	}

	isAdmin(user: User | undefined): boolean {
		return user?.type === 'Owner' || user?.type === 'DocSpaceAdmin';
	}

	displayName(user: User): string {
		return `${user.firstName} ${user.lastName}`;
	}

	// ---- entries ----

	entry(id: number): Entry | undefined {
		return this.entries.find((e) => e.id === id);
	}

	children(folderId: number): Entry[] {
		return this.entries.filter((e) => e.parentId === folderId);
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
		if (rootType !== FOLDER_TYPE.VIRTUAL_ROOMS && rootType !== FOLDER_TYPE.ARCHIVE) return undefined;
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

	/** The FileShare level `user` has on `entry` (0 = none). */
	access(user: User, entry: Entry): number {
		const chain = this.ancestors(entry);
		const root = chain[0];
		if (root.folderType === FOLDER_TYPE.USER || root.folderType === FOLDER_TYPE.TRASH) {
			if (root.ownerId === user.id) return 1;
			return this.sharedAccess(user, chain.slice(1));
		}
		if (root.folderType === FOLDER_TYPE.VIRTUAL_ROOMS || root.folderType === FOLDER_TYPE.ARCHIVE) {
			const inArchive = root.folderType === FOLDER_TYPE.ARCHIVE;
			if (chain.length === 1) return 2;
			if (this.isAdmin(user)) return inArchive ? 2 : 9;
			const level = this.sharedAccess(user, [chain[1]]);
			if (inArchive && level) return level === 9 ? 9 : 2;
			return level;
		}
		return this.isAdmin(user) ? 1 : 0;
	}

	private sharedAccess(user: User, chain: Entry[]): number {
		const subjects = this.subjectsOf(user);
		let best = 0;
		for (const e of chain) {
			for (const s of subjects) {
				const level = e.shares[s];
				if (level === 3) return 0;
				if (level && (best === 0 || rank(level) > rank(best))) best = level;
			}
		}
		return best;
	}

	canWrite(user: User, entry: Entry): boolean {
		return WRITE_ACCESS.has(this.access(user, entry));
	}

	// ---- audit and webhooks ----

	recordAudit(event: Omit<AuditEvent, 'id' | 'date' | 'product'> & { product?: number }): void {
		this.audit.push({ id: this.audit.length + 1, date: isoNow(), product: 2, ...event });
	}

	onEvent(listener: (trigger: string, payload: Record<string, unknown>, actorId: string) => void): void {
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
	}

	private advanceTask(task: Task, now: number): void {
		if (task.status >= 2) return;
		const milestones = MILESTONES[task.queue];
		const step = Math.floor((now - task.startedAt) / this.speed.taskStepMs);
		if (step < 1 && task.queue === 'reassign') return;
		for (let i = 0; i < Math.min(step + 1, milestones.length); i++) {
			const percent = milestones[i];
			if (task.failAt && percent >= task.failAt.percent) {
				task.status = 4;
				task.error = task.failAt.message;
				return;
			}
			if (task.stuckAt !== undefined && percent > task.stuckAt) return;
			task.status = 1;
			task.percentage = percent;
		}
		if (task.percentage === 100) {
			this.applyTask(task);
			task.status = 2;
		}
	}

	private advanceFileOp(op: FileOp, now: number): void {
		if (op.status >= 2 || op.stuck) return;
		const fraction = Math.min(1, (now - op.startedAt) / this.speed.fileOpMs);
		op.status = 1;
		op.progress = Math.min(99, Math.floor(fraction * 100));
		if (fraction < 1) return;
		if (op.failWith) {
			op.error = op.failWith;
			op.status = 4;
			op.progress = 100;
			return;
		}
		applyFileOp(this, op);
		op.progress = 100;
		op.status = op.error ? 4 : 2;
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

	deleteProfile(user: User, actorId: string): void {
		for (const e of this.entries) for (const s of Object.keys(e.shares)) if (s === user.id) delete e.shares[s];
		for (const root of [this.myDocuments(user.id), this.trash(user.id)]) if (root) this.removeTree(root);
		this.users = this.users.filter((u) => u.id !== user.id);
		for (const key of this.apiKeys.filter((k) => k.userId === user.id)) this.apiKeys.splice(this.apiKeys.indexOf(key), 1);
		this.recordAudit({ userId: actorId, actionId: 4018, actionType: 3, location: 30, product: 8, target: [user.id], entries: [23], action: 'User deleted' });
		this.emit('user.deleted', { id: user.id, userName: user.userName, email: user.email }, actorId);
	}
}

function rank(access: number): number {
	// Higher is more: Read < Comment/Review/FillForms < Editing < ContentCreator < RoomManager/ReadWrite.
	return ({ 2: 1, 7: 2, 6: 3, 5: 4, 10: 5, 11: 6, 9: 7, 1: 8 } as Record<number, number>)[access] ?? 0;
}

export function isoNow(now = Date.now()): string {
	return new Date(now).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** Moves `fromUser`'s entries shared from My documents into a new folder in `toUser`'s My documents. */
function rescueSharedEntries(state: SandboxState, from: User, to: User): void {
	const my = state.myDocuments(from.id);
	const target = state.myDocuments(to.id);
	if (!my || !target) return;
	const shared = state.entries.filter(
		(e) => e.id !== my.id && state.isDescendant(e, my.id) && Object.keys(e.shares).length > 0,
	);
	const topLevel = shared.filter((e) => !shared.some((o) => o.id !== e.id && state.isDescendant(e, o.id)));
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
		e.parentId = folder.id;
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
			e.shares[to.id] = 9;
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
		state.recordAudit({ userId: task.initiatorId, actionId: 4030, actionType: 16, location: 30, product: 8, target: [from.id, to.id], entries: [23], action: 'User data reassigned' });
		if (task.params.deleteProfile) state.deleteProfile(from, task.initiatorId);
	},
	remove(state, task) {
		const user = state.user(task.userId);
		const initiator = state.user(task.initiatorId);
		if (!user || !initiator) return;
		rescueSharedEntries(state, user, initiator);
		reassignOwnership(state, user, initiator);
		state.recordAudit({ userId: task.initiatorId, actionId: 4031, actionType: 3, location: 30, product: 8, target: [user.id], entries: [23], action: 'User data removed' });
		if (task.params.deleteProfile !== false) state.deleteProfile(user, task.initiatorId);
	},
	type(state, task) {
		const user = state.user(task.userId);
		const to = state.user(String(task.params.reassignUserId ?? task.initiatorId));
		if (!user || !to) return;
		reassignOwnership(state, user, to);
		rescueSharedEntries(state, user, to);
		user.type = task.params.type as User['type'];
		state.recordAudit({ userId: task.initiatorId, actionId: 4019, actionType: 2, location: 30, product: 8, target: [user.id], entries: [23], action: 'Users updated type' });
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
		if (!state.canWrite(actor, dest) && !(op.kind === 'archive' || op.kind === 'unarchive')) {
			op.error = `You don't have enough permission to ${op.kind === 'copy' ? 'copy' : 'move'} the ${e.kind}`;
			continue;
		}
		const clash = state.children(dest.id).find((c) => c.title === e.title && c.kind === e.kind && c.id !== e.id);
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
			e.parentId = dest.id;
			e.title = title;
			e.updated = isoNow();
			(e.kind === 'folder' ? op.resultFolders : op.resultFiles).push(e.id);
			if (op.kind === 'archive') state.emit('room.archived', { id: e.id, title: e.title }, op.userId);
		}
		op.processed++;
	}
	const moved = op.kind === 'copy' ? 5013 : op.kind === 'archive' ? 5072 : op.kind === 'unarchive' ? 5073 : 5024;
	state.recordAudit({ userId: op.userId, actionId: moved, actionType: op.kind === 'copy' ? 14 : 15, location: 2, target: ids.map(String), entries: [2], action: op.kind === 'archive' ? 'Room archived' : 'Folder moved' });
}

function uniqueTitle(state: SandboxState, folderId: number, title: string): string {
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
