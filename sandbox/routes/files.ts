import type { Ctx, Route } from '../http';
import { ApiError, bodyList, denied, invalidOperation, notFound, paging, queryList } from '../http';
import type { Entry, FileOp } from '../model';
import { FOLDER_TYPE } from '../model';
import { guid } from '../seed';

const CONFLICT: Record<string, FileOp['conflict']> = { '0': 'Skip', skip: 'Skip', '1': 'Overwrite', overwrite: 'Overwrite', '2': 'Duplicate', duplicate: 'Duplicate' };

function folderOr404(ctx: Ctx, raw: string | number): Entry {
	const entry = ctx.state.entry(Number(raw));
	if (!entry || entry.kind !== 'folder') throw new ApiError(404, 'Folder not found', 'System.IO.DirectoryNotFoundException');
	return entry;
}

function fileOr404(ctx: Ctx, raw: string | number): Entry {
	const entry = ctx.state.entry(Number(raw));
	if (!entry || entry.kind !== 'file') throw new ApiError(404, 'File not found', 'System.IO.FileNotFoundException');
	return entry;
}

function roomOr404(ctx: Ctx, raw: string): Entry {
	const entry = ctx.state.entry(Number(raw));
	if (!entry || !ctx.state.isRoom(entry)) throw notFound('The room could not be found');
	return entry;
}

function readable(ctx: Ctx, entry: Entry): Entry {
	if (!ctx.state.access(ctx.user, entry)) throw denied();
	return entry;
}

function contents(ctx: Ctx, folder: Entry) {
	ctx.state.tick();
	readable(ctx, folder);
	const { count, startIndex } = paging(ctx);
	let items = ctx.state.children(folder.id).filter((e) => ctx.state.access(ctx.user, e));
	const filterType = ctx.query.get('filterType');
	const apply = ctx.query.get('applyFilterOption');
	if (filterType === '1' || apply === '1') items = items.filter((e) => e.kind === 'file');
	if (filterType === '2' || apply === '2') items = items.filter((e) => e.kind === 'folder');
	const text = ctx.query.get('filterValue')?.toLowerCase();
	if (text) items = items.filter((e) => e.title.toLowerCase().includes(text));
	items.sort((a, b) => (a.kind === b.kind ? a.title.localeCompare(b.title) : a.kind === 'folder' ? -1 : 1));
	return { response: ctx.dto.folderContent(folder, ctx.user, items.slice(startIndex, startIndex + count), items.length, startIndex) };
}

function ids(value: unknown): number[] {
	return bodyList(value).map(Number).filter((n) => Number.isInteger(n));
}

function startFileOp(ctx: Ctx, kind: FileOp['kind'], folderIds: number[], fileIds: number[], destFolderId: number | undefined, extra: Partial<FileOp> = {}): FileOp {
	const faults = ctx.state.jobFaults;
	const op: FileOp = {
		id: guid(`fileop:${ctx.state.nextOpSeq++}:${Date.now()}`),
		operation: kind === 'copy' ? 1 : kind === 'delete' ? 2 : 0,
		userId: ctx.user.id,
		startedAt: Date.now(),
		folderIds,
		fileIds,
		destFolderId,
		conflict: 'Skip',
		holdResult: true,
		status: 0,
		progress: 0,
		error: '',
		processed: 0,
		resultFolders: [],
		resultFiles: [],
		dequeued: false,
		stuck: faults.stickFileOp,
		failWith: faults.failFileOp?.message,
		kind,
		...extra,
	};
	ctx.state.fileOps.push(op);
	return op;
}

/** The caller's operations; a finished one is reported once (if its result is held), then dropped. */
function reportOps(ctx: Ctx, ops: FileOp[]) {
	ctx.state.tick();
	const visible = ops.filter((op) => op.userId === ctx.user.id && !op.dequeued);
	const out = [];
	for (const op of visible) {
		if (op.status >= 2) {
			op.dequeued = true;
			if (!op.holdResult && op.progress === 100) continue;
		}
		out.push(ctx.dto.fileOp(op, ctx.user));
	}
	return out;
}

/** What the server's move pre-check and checkdestfolder decide. */
function moveProblem(ctx: Ctx, entry: Entry, dest: Entry): string | undefined {
	const destRoot = ctx.state.root(dest);
	if (destRoot.folderType === FOLDER_TYPE.ARCHIVE) return 'The destination is in the Archive';
	if (!ctx.state.canWrite(ctx.user, dest)) return "You don't have enough permission to move to this folder";
	if (entry.id === dest.id || ctx.state.isDescendant(dest, entry.id)) return 'A folder cannot be moved into itself';
	if (ctx.state.isRoom(entry)) return 'A room cannot be moved into a folder';
	if (!ctx.state.canWrite(ctx.user, entry) && ctx.state.root(entry).folderType !== FOLDER_TYPE.USER) {
		return "You don't have enough permission to move";
	}
	return undefined;
}

function moveOrCopy(kind: 'move' | 'copy') {
	return (ctx: Ctx) => {
		const folderIds = ids(ctx.body.folderIds);
		const fileIds = ids(ctx.body.fileIds);
		const single = ctx.body.returnSingleOperation === true;
		if (!folderIds.length && !fileIds.length) {
			return { response: reportOps(ctx, ctx.state.fileOps.filter((o) => o.kind === kind)) };
		}
		const dest = ctx.state.entry(Number(ctx.body.destFolderId));
		if (!dest || dest.kind !== 'folder') throw new ApiError(404, 'Folder not found', 'System.IO.DirectoryNotFoundException');
		const sources = [...folderIds, ...fileIds].map((id) => ctx.state.entry(id)).filter((e): e is Entry => !!e);
		if (!sources.some((e) => ctx.state.access(ctx.user, e))) throw denied();
		if (kind === 'move' && sources.some((e) => !ctx.state.canWrite(ctx.user, e) && ctx.state.root(e).folderType !== FOLDER_TYPE.USER)) {
			throw new ApiError(403, "You don't have enough permission to move", 'System.Security.SecurityException');
		}
		const conflict = CONFLICT[String(ctx.body.conflictResolveType ?? 'skip').toLowerCase()] ?? 'Skip';
		const op = startFileOp(ctx, kind, folderIds, fileIds, dest.id, { conflict, holdResult: ctx.body.deleteAfter !== true });
		const ops = single ? [op] : ctx.state.fileOps.filter((o) => o.kind === kind && o.userId === ctx.user.id && !o.dequeued);
		return { response: ops.map((o) => ctx.dto.fileOp(o, ctx.user)) };
	};
}

function shareList(ctx: Ctx, entry: Entry) {
	readable(ctx, entry);
	const { count, startIndex } = paging(ctx);
	const owner: Array<[string, number]> = ctx.state.user(entry.createdBy) ? [[entry.createdBy, entry.roomType !== undefined ? 9 : 1]] : [];
	const all = [...owner, ...Object.entries(entry.shares).filter(([s]) => s !== entry.createdBy)];
	return { response: all.slice(startIndex, startIndex + count).map(([s, a]) => ctx.dto.share(s, a, entry)), total: all.length };
}

function setShares(ctx: Ctx, entry: Entry) {
	const mine = ctx.state.root(entry).folderType === FOLDER_TYPE.USER ? entry.createdBy === ctx.user.id : ctx.state.access(ctx.user, entry) === 9;
	if (!mine) throw denied();
	for (const item of bodyList(ctx.body.share) as Array<{ shareTo?: string; access?: unknown }>) {
		const subject = String(item.shareTo ?? '').toLowerCase();
		if (!ctx.state.user(subject) && !ctx.state.groups.some((g) => g.id === subject)) continue;
		const access = accessValue(item.access);
		if (access === 0) delete entry.shares[subject];
		else entry.shares[subject] = access;
	}
	ctx.state.recordAudit({ userId: ctx.user.id, actionId: entry.kind === 'folder' ? 5066 : 5068, actionType: 11, location: 1, target: [String(entry.id)], entries: [entry.kind === 'folder' ? 2 : 1], action: 'Access updated' });
	return { response: Object.entries(entry.shares).map(([s, a]) => ctx.dto.share(s, a, entry)) };
}

const SHARE_NAMES: Record<string, number> = { none: 0, readwrite: 1, read: 2, restrict: 3, review: 5, comment: 6, fillforms: 7, roommanager: 9, editing: 10, contentcreator: 11 };

function accessValue(value: unknown): number {
	if (typeof value === 'number') return value;
	const text = String(value ?? '').toLowerCase();
	return SHARE_NAMES[text] ?? (Number.isInteger(Number(text)) ? Number(text) : 0);
}

function roomAction(kind: 'archive' | 'unarchive') {
	return (ctx: Ctx) => {
		const room = roomOr404(ctx, ctx.params.id);
		const isOwner = room.createdBy === ctx.user.id;
		if (!ctx.state.isAdmin(ctx.user) && !isOwner && ctx.state.access(ctx.user, room) !== 9) throw denied();
		const dest = kind === 'archive' ? ctx.state.folders.archiveRoot : ctx.state.folders.rooms;
		const op = startFileOp(ctx, kind, [room.id], [], dest, { holdResult: ctx.body.deleteAfter !== true });
		return { response: ctx.dto.fileOp(op, ctx.user) };
	};
}

export const fileRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/files/@my',
		handler: (ctx) => {
			const my = ctx.state.myDocuments(ctx.user.id);
			if (!my) throw denied();
			return contents(ctx, my);
		},
	},
	{ method: 'GET', pattern: '/files/{folderId}', handler: (ctx) => contents(ctx, folderOr404(ctx, ctx.params.folderId)) },
	{ method: 'GET', pattern: '/files/folder/{folderId}', handler: (ctx) => ({ response: ctx.dto.entry(readable(ctx, folderOr404(ctx, ctx.params.folderId)), ctx.user) }) },
	{ method: 'PUT', pattern: '/files/fileops/move', handler: moveOrCopy('move') },
	{ method: 'PUT', pattern: '/files/fileops/copy', handler: moveOrCopy('copy') },
	{
		method: 'PUT',
		pattern: '/files/fileops/delete',
		handler: (ctx) => {
			const folderIds = ids(ctx.body.folderIds);
			const fileIds = ids(ctx.body.fileIds);
			const sources = [...folderIds, ...fileIds].map((id) => ctx.state.entry(id)).filter((e): e is Entry => !!e);
			if (sources.some((e) => !ctx.state.canWrite(ctx.user, e) && ctx.state.root(e).ownerId !== ctx.user.id)) throw denied();
			const op = startFileOp(ctx, 'delete', folderIds, fileIds, undefined);
			return { response: [ctx.dto.fileOp(op, ctx.user)] };
		},
	},
	{
		method: 'GET',
		pattern: '/files/fileops',
		handler: (ctx) => {
			const id = ctx.query.get('id');
			return { response: reportOps(ctx, ctx.state.fileOps.filter((op) => !id || op.id === id)) };
		},
	},
	{
		method: 'GET',
		pattern: '/files/fileops/checkdestfolder',
		handler: (ctx) => {
			const dest = folderOr404(ctx, ctx.query.get('destFolderId') ?? '');
			const sources = [...queryList(ctx, 'folderIds'), ...queryList(ctx, 'fileIds')]
				.map((id) => ctx.state.entry(Number(id)))
				.filter((e): e is Entry => !!e);
			const refused = sources.filter((e) => moveProblem(ctx, e, dest));
			const result = refused.length === 0 ? 0 : refused.length === sources.length ? 2 : 1;
			return { response: { result, files: refused.filter((e) => e.kind === 'file').map((e) => ctx.dto.entry(e, ctx.user)) } };
		},
	},
	{
		method: 'PUT',
		pattern: '/files/fileops/terminate/{id}',
		handler: (ctx) => {
			for (const op of ctx.state.fileOps) {
				if (op.userId === ctx.user.id && op.id === ctx.params.id && op.status < 2) {
					op.status = 3;
					op.stuck = false;
				}
			}
			return { response: reportOps(ctx, ctx.state.fileOps.filter((op) => op.status < 2)) };
		},
	},
	{ method: 'GET', pattern: '/files/folder/{id}/share', handler: (ctx) => shareList(ctx, folderOr404(ctx, ctx.params.id)) },
	{ method: 'GET', pattern: '/files/file/{id}/share', handler: (ctx) => shareList(ctx, fileOr404(ctx, ctx.params.id)) },
	{ method: 'PUT', pattern: '/files/folder/{id}/share', handler: (ctx) => setShares(ctx, folderOr404(ctx, ctx.params.id)) },
	{ method: 'PUT', pattern: '/files/file/{id}/share', handler: (ctx) => setShares(ctx, fileOr404(ctx, ctx.params.id)) },
	{
		method: 'POST',
		pattern: '/files/owner',
		handler: (ctx) => {
			const newOwner = ctx.state.user(String(ctx.body.userId ?? ''));
			if (!newOwner) throw notFound('The user could not be found');
			if (newOwner.status !== 1 || !['Owner', 'DocSpaceAdmin', 'RoomAdmin'].includes(newOwner.type)) {
				throw invalidOperation('The new owner must be an active DocSpace admin or room admin');
			}
			const entries = [...ids(ctx.body.folderIds), ...ids(ctx.body.fileIds)].map((id) => ctx.state.entry(id)).filter((e): e is Entry => !!e);
			for (const e of entries) {
				if (!ctx.state.isRoom(e)) throw invalidOperation('Only rooms can change owner');
				if (!ctx.state.isAdmin(ctx.user) && e.createdBy !== ctx.user.id) throw denied();
			}
			for (const e of entries) {
				const previous = e.createdBy;
				e.createdBy = newOwner.id;
				e.shares[previous] = 9;
				e.shares[newOwner.id] = 9;
				ctx.state.recordAudit({ userId: ctx.user.id, actionId: 5159, actionType: 2, location: 27, target: [String(e.id), newOwner.id], entries: [25], action: 'Room owner changed' });
			}
			return { response: entries.map((e) => ctx.dto.entry(e, ctx.user)) };
		},
	},
	{
		method: 'GET',
		pattern: '/files/rooms',
		handler: (ctx) => {
			ctx.state.tick();
			const { count, startIndex } = paging(ctx);
			const area = ctx.query.get('searchArea') ?? '0';
			const roots = area === '1' ? [ctx.state.folders.archiveRoot] : area === '2' ? [ctx.state.folders.rooms, ctx.state.folders.archiveRoot] : [ctx.state.folders.rooms];
			let rooms = ctx.state.entries.filter((e) => ctx.state.isRoom(e) && roots.includes(e.parentId) && ctx.state.access(ctx.user, e));
			const subject = ctx.query.get('subjectId')?.toLowerCase();
			if (subject) {
				const asOwner = (ctx.query.get('subjectFilter') ?? '0') === '0';
				rooms = rooms.filter((r) => (asOwner ? r.createdBy === subject : r.shares[subject] !== undefined && r.createdBy !== subject));
			}
			const types = queryList(ctx, 'type').map(Number);
			if (types.length) rooms = rooms.filter((r) => types.includes(r.roomType!));
			const text = ctx.query.get('filterValue')?.toLowerCase();
			if (text) rooms = rooms.filter((r) => r.title.toLowerCase().includes(text));
			rooms.sort((a, b) => a.title.localeCompare(b.title));
			const current = ctx.state.entry(area === '1' ? ctx.state.folders.archiveRoot : ctx.state.folders.rooms)!;
			return { response: ctx.dto.folderContent(current, ctx.user, rooms.slice(startIndex, startIndex + count), rooms.length, startIndex) };
		},
	},
	{ method: 'GET', pattern: '/files/rooms/{id}', handler: (ctx) => ({ response: ctx.dto.entry(readable(ctx, roomOr404(ctx, ctx.params.id)), ctx.user) }) },
	{ method: 'PUT', pattern: '/files/rooms/{id}/archive', handler: roomAction('archive') },
	{ method: 'PUT', pattern: '/files/rooms/{id}/unarchive', handler: roomAction('unarchive') },
	{
		method: 'GET',
		pattern: '/files/rooms/{id}/share',
		handler: (ctx) => {
			const room = readable(ctx, roomOr404(ctx, ctx.params.id));
			const { count, startIndex } = paging(ctx);
			const filter = ctx.query.get('filterType') ?? '0';
			const members = Object.entries(room.shares).filter(([s]) => {
				const isUser = !!ctx.state.user(s);
				return filter === '16' ? isUser : filter === '32' ? !isUser : true;
			});
			return { response: members.slice(startIndex, startIndex + count).map(([s, a]) => ctx.dto.share(s, a, room)), count, total: members.length };
		},
	},
	{
		method: 'PUT',
		pattern: '/files/rooms/{id}/share',
		handler: (ctx) => {
			const room = roomOr404(ctx, ctx.params.id);
			if (!ctx.state.isAdmin(ctx.user) && ctx.state.access(ctx.user, room) !== 9) throw denied();
			const invitations = bodyList(ctx.body.invitations) as Array<{ id?: string; access?: unknown }>;
			const removals = invitations.filter((i) => accessValue(i.access) === 0).map((i) => String(i.id).toLowerCase());
			if (!ctx.body.force && removals.some((id) => room.formRoles?.includes(id))) {
				return { response: { members: [], error: 1 } };
			}
			const changed: Array<[string, number]> = [];
			for (const invitation of invitations) {
				const id = String(invitation.id ?? '').toLowerCase();
				if (!ctx.state.user(id) && !ctx.state.groups.some((g) => g.id === id)) continue;
				if (id === room.createdBy) continue;
				const access = accessValue(invitation.access);
				if (access === 0) {
					delete room.shares[id];
					room.formRoles = room.formRoles?.filter((r) => r !== id);
					ctx.state.recordAudit({ userId: ctx.user.id, actionId: 5084, actionType: 11, location: 27, target: [String(room.id), id], entries: [25], action: 'User removed from room' });
				} else {
					room.shares[id] = access;
					ctx.state.recordAudit({ userId: ctx.user.id, actionId: 5075, actionType: 11, location: 27, target: [String(room.id), id], entries: [25], action: 'Room access updated' });
				}
				changed.push([id, access]);
			}
			return { response: { members: changed.map(([s, a]) => ctx.dto.share(s, a, room)), error: 0 } };
		},
	},
];
