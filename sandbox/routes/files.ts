import type { Ctx, Handler, Route } from '../http';
import {
	ApiError,
	badRequest,
	bodyList,
	denied,
	invalidOperation,
	notFound,
	paging,
	queryList,
	readForm,
} from '../http';
import type { Entry, FileOp, UserType } from '../model';
import { FOLDER_TYPE, isoNow, ROOM_FOLDER_TYPE, SHARE, STATUS, TASK_STATUS } from '../model';
import { guid } from '../seed';
import { ROOM_CREATORS, uniqueTitle } from '../state';

const CONFLICT: Record<string, FileOp['conflict']> = {
	'0': 'Skip',
	skip: 'Skip',
	'1': 'Overwrite',
	overwrite: 'Overwrite',
	'2': 'Duplicate',
	duplicate: 'Duplicate',
};

function folderOr404(ctx: Ctx, raw: string | number): Entry {
	const entry = ctx.state.entry(Number(raw));
	if (!entry || entry.kind !== 'folder')
		throw new ApiError(404, 'Folder not found', 'System.IO.DirectoryNotFoundException');
	return entry;
}

function fileOr404(ctx: Ctx, raw: string | number): Entry {
	const entry = ctx.state.entry(Number(raw));
	if (!entry || entry.kind !== 'file')
		throw new ApiError(404, 'File not found', 'System.IO.FileNotFoundException');
	return entry;
}

function roomOr404(ctx: Ctx, raw: string): Entry {
	const entry = ctx.state.entry(Number(raw));
	if (!entry || !ctx.state.isRoom(entry)) throw notFound('The room could not be found');
	return entry;
}

function readable(ctx: Ctx, entry: Entry): Entry {
	if (!ctx.state.can(ctx.user, entry, 'Read')) throw denied();
	return entry;
}

/** `GET` of one folder, file or room that the caller may read, by the route's `param`. */
function readOne(find: (ctx: Ctx, raw: string) => Entry, param: string): Handler {
	return (ctx) => ({
		response: ctx.dto.entry(readable(ctx, find(ctx, ctx.params[param])), ctx.user),
	});
}

function descendants(ctx: Ctx, folder: Entry): Entry[] {
	return ctx.state
		.children(folder.id)
		.flatMap((child) => (child.kind === 'folder' ? [child, ...descendants(ctx, child)] : [child]));
}

function contents(ctx: Ctx, folder: Entry) {
	ctx.state.tick();
	readable(ctx, folder);
	const { count, startIndex } = paging(ctx);
	// FileDao.GetFilesAsync(withSubfolders): the files of the whole tree, not only the children.
	const tree = ctx.query.get('withSubFolders') === 'true';
	let items = (tree ? descendants(ctx, folder) : ctx.state.children(folder.id)).filter((e) =>
		ctx.state.can(ctx.user, e, 'Read'),
	);
	const filterType = ctx.query.get('filterType');
	const apply = ctx.query.get('applyFilterOption');
	if (filterType === '1' || apply === '1') items = items.filter((e) => e.kind === 'file');
	if (filterType === '2' || apply === '2') items = items.filter((e) => e.kind === 'folder');
	const text = ctx.query.get('filterValue')?.toLowerCase();
	if (text) items = items.filter((e) => e.title.toLowerCase().includes(text));
	items.sort((a, b) =>
		a.kind === b.kind ? a.title.localeCompare(b.title) : a.kind === 'folder' ? -1 : 1,
	);
	return {
		response: ctx.dto.folderContent(
			folder,
			ctx.user,
			items.slice(startIndex, startIndex + count),
			items.length,
			startIndex,
		),
	};
}

function ids(value: unknown): number[] {
	return bodyList(value)
		.map(Number)
		.filter((n) => Number.isInteger(n));
}

type OpKind = FileOp['kind'];
/** FileOperationType of each kind: archive and unarchive are moves. */
const OPERATION_TYPE: Record<OpKind, number> = {
	move: 0,
	archive: 0,
	unarchive: 0,
	copy: 1,
	delete: 2,
};
/** The server keeps one manager for move/copy and one for delete; a read without `id` consumes that manager's finished records. */
const isDeleteManager = (kind: OpKind) => kind === 'delete';

function startFileOp(
	ctx: Ctx,
	kind: OpKind,
	folderIds: number[],
	fileIds: number[],
	destFolderId: number | undefined,
	extra: Partial<FileOp> = {},
): FileOp {
	ctx.state.tick();
	const faults = ctx.state.jobFaults;
	const now = Date.now();
	const op: FileOp = {
		id: guid(`fileop:${ctx.state.nextOpSeq++}:${now}`),
		operation: OPERATION_TYPE[kind],
		userId: ctx.user.id,
		startedAt: now,
		updatedAt: now,
		folderIds,
		fileIds,
		destFolderId,
		conflict: 'Skip',
		holdResult: ctx.body.deleteAfter !== true,
		status: TASK_STATUS.Created,
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

/**
 * FileOperationsManagerHolder.GetOperationResults: the caller's operations only; a finished one is
 * dequeued on this read and reported only if its result is held.
 */
function reportOps(ctx: Ctx, selected: (op: FileOp) => boolean, tick = true) {
	if (tick) ctx.state.tick();
	const out = [];
	for (const op of ctx.state.fileOps.filter(
		(o) => o.userId === ctx.user.id && !o.dequeued && selected(o),
	)) {
		if (op.status >= TASK_STATUS.Completed) {
			op.dequeued = true;
			if (!op.holdResult) continue;
		}
		out.push(ctx.dto.fileOp(op, ctx.user));
	}
	return out;
}

/**
 * The answer of a PUT that started `op` (as published, before the job ran): just it, or (without
 * returnSingleOperation) the whole manager, filtered to the type.
 */
function startedOps(ctx: Ctx, op: FileOp) {
	if (ctx.body.returnSingleOperation === true) return reportOps(ctx, (o) => o.id === op.id, false);
	const manager = isDeleteManager(op.kind);
	return reportOps(ctx, (o) => isDeleteManager(o.kind) === manager, false).filter(
		(dto) => dto.Operation === op.operation,
	);
}

function sourcesOr404(ctx: Ctx, folderIds: number[], fileIds: number[]): Entry[] {
	return [
		...folderIds.map((id) => folderOr404(ctx, id)),
		...fileIds.map((id) => fileOr404(ctx, id)),
	];
}

/** CopyPermissionsCheck: refused before any operation exists (403; the job checks again later). */
function checkMoveOrCopy(ctx: Ctx, copy: boolean, sources: Entry[], dest: Entry): void {
	for (const entry of sources) {
		const problem = ctx.state.moveProblem(ctx.user, copy, entry, dest);
		if (problem) throw new ApiError(403, problem, 'System.Security.SecurityException');
	}
}

function moveOrCopy(kind: 'move' | 'copy') {
	return (ctx: Ctx) => {
		const folderIds = ids(ctx.body.folderIds);
		const fileIds = ids(ctx.body.fileIds);
		if (!folderIds.length && !fileIds.length) {
			return {
				response: reportOps(ctx, (o) => !isDeleteManager(o.kind)).filter(
					(dto) => dto.Operation === OPERATION_TYPE[kind],
				),
			};
		}
		const dest = folderOr404(ctx, Number(ctx.body.destFolderId));
		checkMoveOrCopy(ctx, kind === 'copy', sourcesOr404(ctx, folderIds, fileIds), dest);
		const conflict =
			CONFLICT[String(ctx.body.conflictResolveType ?? 'skip').toLowerCase()] ?? 'Skip';
		const op = startFileOp(ctx, kind, folderIds, fileIds, dest.id, { conflict });
		return { response: startedOps(ctx, op) };
	};
}

/** GET files/fileops/checkdestfolder: only the form-filling-room rule; `files` are the allowed files. */
function checkDestFolder(ctx: Ctx) {
	const dest = folderOr404(ctx, ctx.query.get('destFolderId') ?? '');
	const room = ctx.state.isRoom(dest) ? dest : ctx.state.room(dest);
	const requested = queryList(ctx, 'fileIds').map(Number);
	const files = requested
		.map((id) => ctx.state.entry(id))
		.filter((e): e is Entry => e?.kind === 'file' && ctx.state.can(ctx.user, e, 'Read'));
	const allowed =
		room?.folderType === FOLDER_TYPE.FILLING_FORMS_ROOM ? files.filter(isForm) : files;
	const result =
		allowed.length === requested.length
			? CHECK_DEST.AllAllowed
			: allowed.length
				? CHECK_DEST.PartAllowed
				: CHECK_DEST.NoneAllowed;
	return { response: { result, files: allowed.map((e) => ctx.dto.entry(e, ctx.user)) } };
}

const CHECK_DEST = { AllAllowed: 0, PartAllowed: 1, NoneAllowed: 2 } as const;

/** The sandbox has no file contents: a PDF stands for a PDF form (fileChecker.CheckExtendedPDF). */
function isForm(file: Entry): boolean {
	return file.title.toLowerCase().endsWith('.pdf');
}

function shareList(ctx: Ctx, entry: Entry) {
	readable(ctx, entry);
	const { count, startIndex } = paging(ctx);
	const ownerAccess = entry.roomType !== undefined ? SHARE.RoomManager : SHARE.ReadWrite;
	const owner: Array<[string, number]> = ctx.state.user(entry.createdBy)
		? [[entry.createdBy, ownerAccess]]
		: [];
	const all = [...owner, ...Object.entries(entry.shares).filter(([s]) => s !== entry.createdBy)];
	return {
		response: all.slice(startIndex, startIndex + count).map(([s, a]) => ctx.dto.share(s, a, entry)),
		total: all.length,
	};
}

/** FileShare roles "My documents" entries take for users and groups (FileSecurity `_availableRoomFileAccesses[USER]`). */
const PERSONAL_ROLES = new Set<number>([
	SHARE.ReadWrite,
	SHARE.Editing,
	SHARE.FillForms,
	SHARE.Review,
	SHARE.Comment,
	SHARE.Read,
	SHARE.Restrict,
	SHARE.None,
]);
const ROLE_NOT_AVAILABLE = 'The role is not available';

interface ShareRequest {
	subject: string;
	access: number;
}

function shareRequests(ctx: Ctx): ShareRequest[] {
	return (bodyList(ctx.body.share) as Array<{ shareTo?: string; access?: unknown }>)
		.map((item) => ({
			subject: String(item.shareTo ?? '').toLowerCase(),
			access: accessValue(item.access),
		}))
		.filter((r) => isSubject(ctx, r.subject));
}

function isSubject(ctx: Ctx, id: string): boolean {
	return !!ctx.state.user(id) || ctx.state.groups.some((g) => g.id === id);
}

/**
 * PUT files/folder|file/{id}/share: entries inside rooms take only external links (user and group
 * shares → 403); in "My documents" the entry's owner shares with users and groups.
 */
function setShares(ctx: Ctx, entry: Entry) {
	const root = ctx.state.root(entry);
	const requests = shareRequests(ctx);
	if (ctx.state.isRootFolder(root)) {
		if (root.folderType === FOLDER_TYPE.ARCHIVE || !ctx.state.can(ctx.user, entry, 'EditAccess'))
			throw denied();
		if (requests.length) throw invalidOperation(ROLE_NOT_AVAILABLE);
		return currentShares(ctx, entry);
	}
	if (root.folderType !== FOLDER_TYPE.USER || entry.createdBy !== ctx.user.id) throw denied();
	if (requests.some((r) => !PERSONAL_ROLES.has(r.access)))
		throw invalidOperation(ROLE_NOT_AVAILABLE);
	for (const { subject, access } of requests) {
		if (access === SHARE.None) delete entry.shares[subject];
		else entry.shares[subject] = access;
	}
	ctx.state.recordAudit({
		userId: ctx.user.id,
		actionId: entry.kind === 'folder' ? 5066 : 5068,
		actionType: 11,
		location: 1,
		target: [String(entry.id)],
		entries: [entry.kind === 'folder' ? 2 : 1],
		action: 'Access updated',
	});
	return currentShares(ctx, entry);
}

function currentShares(ctx: Ctx, entry: Entry) {
	return { response: Object.entries(entry.shares).map(([s, a]) => ctx.dto.share(s, a, entry)) };
}

const SHARE_NAMES: Record<string, number> = Object.fromEntries(
	Object.entries(SHARE).map(([name, value]) => [name.toLowerCase(), value]),
);

/** FileShareConverter.Read: a number, or a name; anything else is None (= remove). */
function accessValue(value: unknown): number {
	if (typeof value === 'number') return value;
	const text = String(value ?? '').toLowerCase();
	return SHARE_NAMES[text] ?? (Number.isInteger(Number(text)) ? Number(text) : SHARE.None);
}

/** AvailableRoomAccesses[room][User]: the roles a user may get per room type; groups get the same without RoomManager. */
const ROOM_ROLES: Record<number, number[]> = {
	[FOLDER_TYPE.CUSTOM_ROOM]: [
		SHARE.RoomManager,
		SHARE.ContentCreator,
		SHARE.Editing,
		SHARE.Review,
		SHARE.Comment,
		SHARE.Read,
		SHARE.None,
	],
	[FOLDER_TYPE.PUBLIC_ROOM]: [SHARE.RoomManager, SHARE.ContentCreator, SHARE.None],
	[FOLDER_TYPE.FILLING_FORMS_ROOM]: [
		SHARE.RoomManager,
		SHARE.ContentCreator,
		SHARE.FillForms,
		SHARE.None,
	],
	[FOLDER_TYPE.EDITING_ROOM]: [
		SHARE.RoomManager,
		SHARE.ContentCreator,
		SHARE.Editing,
		SHARE.Read,
		SHARE.None,
	],
	[FOLDER_TYPE.VIRTUAL_DATA_ROOM]: [
		SHARE.RoomManager,
		SHARE.ContentCreator,
		SHARE.Editing,
		SHARE.Read,
		SHARE.FillForms,
		SHARE.None,
	],
};
/** AvailableUserAccesses: these invitee types never become RoomManager. */
const NO_MANAGER_TYPES = new Set<UserType>(['User', 'Guest']);
/** RoomSecurityError values. */
const ROOM_SECURITY_ERROR = { None: 0, FormRoleBlockingDeletion: 1 } as const;

interface Invitation {
	id: string;
	access: number;
}

function roleAllowed(ctx: Ctx, room: Entry, invitation: Invitation): boolean {
	if (!(ROOM_ROLES[room.folderType] ?? []).includes(invitation.access)) return false;
	if (invitation.access !== SHARE.RoomManager) return true;
	const user = ctx.state.user(invitation.id);
	return !!user && !NO_MANAGER_TYPES.has(user.type);
}

/** Silently skipped (FileSharingAceHelper.SetAceObjectAsync): unknown subjects, the room owner, terminated invitees. */
function takesPart(ctx: Ctx, room: Entry, invitation: Invitation): boolean {
	if (!isSubject(ctx, invitation.id) || invitation.id === room.createdBy) return false;
	const user = ctx.state.user(invitation.id);
	return !(user?.status === STATUS.Terminated && invitation.access !== SHARE.None);
}

function applyInvitation(ctx: Ctx, room: Entry, { id, access }: Invitation): void {
	const audit = {
		userId: ctx.user.id,
		actionType: 11,
		location: 27,
		target: [String(room.id), id],
		entries: [25],
	};
	if (access === SHARE.None) {
		delete room.shares[id];
		room.formRoles = room.formRoles?.filter((r) => r !== id);
		ctx.state.recordAudit({ ...audit, actionId: 5084, action: 'User removed from room' });
	} else {
		room.shares[id] = access;
		ctx.state.recordAudit({ ...audit, actionId: 5075, action: 'Room access updated' });
	}
}

/**
 * PUT files/rooms/{id}/share (VirtualRoomsController.SetRoomSecurity): needs EditAccess unless the
 * caller only removes themself; any role not allowed refuses the whole request; `members` are the
 * requested subjects that now hold a share.
 */
function setRoomShares(ctx: Ctx) {
	const room = roomOr404(ctx, ctx.params.id);
	const invitations: Invitation[] = (
		bodyList(ctx.body.invitations) as Array<{ id?: string; access?: unknown }>
	).map((i) => ({ id: String(i.id ?? '').toLowerCase(), access: accessValue(i.access) }));
	if (!invitations.length) return { response: {} };
	const onlyLeaving = invitations.every((i) => i.id === ctx.user.id && i.access === SHARE.None);
	if (!onlyLeaving && !ctx.state.can(ctx.user, room, 'EditAccess')) throw denied();
	if (
		!ctx.body.force &&
		invitations.some((i) => i.access === SHARE.None && room.formRoles?.includes(i.id))
	) {
		return { response: { members: [], error: ROOM_SECURITY_ERROR.FormRoleBlockingDeletion } };
	}
	const effective = invitations.filter((i) => takesPart(ctx, room, i));
	if (effective.some((i) => !roleAllowed(ctx, room, i))) throw invalidOperation(ROLE_NOT_AVAILABLE);
	for (const invitation of effective) applyInvitation(ctx, room, invitation);
	const holders = [...new Set(invitations.map((i) => i.id))].filter(
		(id) => room.shares[id] !== undefined,
	);
	return {
		response: {
			members: holders.map((id) => ctx.dto.share(id, room.shares[id], room)),
			error: ROOM_SECURITY_ERROR.None,
		},
	};
}

/** Room archive/unarchive: a move of the room to the Archive or Rooms root, checked like any move. */
function roomAction(kind: 'archive' | 'unarchive') {
	return (ctx: Ctx) => {
		const room = roomOr404(ctx, ctx.params.id);
		const dest = ctx.state.entry(
			kind === 'archive' ? ctx.state.folders.archiveRoot : ctx.state.folders.rooms,
		)!;
		checkMoveOrCopy(ctx, false, [room], dest);
		const op = startFileOp(ctx, kind, [room.id], [], dest.id);
		return { response: ctx.dto.fileOp(op, ctx.user) };
	};
}

/** POST files/rooms: a room under the Rooms root, owned by the caller (VirtualRoomsController.CreateRoom). */
function createRoom(ctx: Ctx) {
	if (!ROOM_CREATORS.has(ctx.user.type)) throw denied();
	const roomType = Number(ctx.body.roomType);
	const folderType = ROOM_FOLDER_TYPE[roomType];
	if (folderType === undefined) throw badRequest(`Unknown room type ${String(ctx.body.roomType)}`);
	const title = String(ctx.body.title ?? '').trim();
	if (!title) throw badRequest('The room title is empty');
	const room = ctx.state.newEntry({
		kind: 'folder',
		title,
		parentId: ctx.state.folders.rooms,
		createdBy: ctx.user.id,
		folderType,
		roomType,
		shares: { [ctx.user.id]: SHARE.RoomManager },
	});
	ctx.state.recordAudit({
		userId: ctx.user.id,
		actionId: ROOM_CREATED,
		actionType: 1,
		location: 27,
		target: [String(room.id)],
		entries: [25],
		action: 'Room created',
	});
	return { response: ctx.dto.entry(room, ctx.user) };
}

const ROOM_CREATED = 5070;

/** Global.ReplaceInvalidCharsAndTruncate: invalid characters become `_`, at most 170 characters. */
function cleanTitle(title: string): string {
	// eslint-disable-next-line no-control-regex
	return title.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').slice(0, 170);
}

function formValue(form: FormData, name: string): string | undefined {
	let found: string | undefined;
	form.forEach((value, key) => {
		if (
			found === undefined &&
			typeof value === 'string' &&
			key.toLowerCase() === name.toLowerCase()
		)
			found = value;
	});
	return found;
}

/**
 * POST files/{folderId}/insert (UploadController.InsertFile, InsertFileModelBinder → FileUploader.ExecAsync):
 * the first file part whatever its name, `title` (else the part's file name) and `createNewIfExist` by their
 * plain names; an existing file of that title becomes a new version unless `createNewIfExist` is true or the
 * caller may not edit it. The content is kept as text (`Entry.content`).
 */
async function insertFile(ctx: Ctx) {
	const folder = folderOr404(ctx, ctx.params.folderId);
	// FileUploader.GetFolderIdAsync: never the Rooms root or the Archive; CanCreate on the folder.
	if (ctx.state.isRootFolder(folder) || !ctx.state.can(ctx.user, folder, 'Create')) {
		throw new ApiError(
			403,
			"You don't have enough permission to create",
			'System.Security.SecurityException',
		);
	}
	const form =
		/^multipart\/form-data/i.test(ctx.contentType ?? '') && ctx.rawBody
			? await readForm(ctx.rawBody, ctx.contentType!)
			: undefined;
	let file: File | undefined;
	form?.forEach((value) => {
		if (!file && typeof value !== 'string') file = value;
	});
	const bytes = file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
	if (bytes.length === 0) throw badRequest('Empty file');
	const title = cleanTitle((form && formValue(form, 'title')) || file?.name || '');
	if (!title) throw badRequest('The title is empty');
	const createNew = !!form && formValue(form, 'createNewIfExist')?.toLowerCase() === 'true';
	const existing = ctx.state
		.children(folder.id)
		.find((c) => c.kind === 'file' && c.title.toLowerCase() === title.toLowerCase());
	const content = bytes.toString('utf8');
	if (
		existing &&
		!createNew &&
		ctx.state.can(ctx.user, existing, 'Edit') &&
		ctx.user.type !== 'Guest'
	) {
		Object.assign(existing, {
			content,
			size: bytes.length,
			version: (existing.version ?? 1) + 1,
			updated: isoNow(),
		});
		return { response: ctx.dto.entry(existing, ctx.user) };
	}
	const created = ctx.state.newEntry({
		kind: 'file',
		title: existing ? uniqueTitle(ctx.state, folder.id, title) : title,
		parentId: folder.id,
		createdBy: ctx.user.id,
		folderType: 0,
		shares: {},
		size: bytes.length,
		content,
		version: 1,
	});
	return { response: ctx.dto.entry(created, ctx.user) };
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
	{
		method: 'GET',
		pattern: '/files/{folderId}',
		handler: (ctx) => contents(ctx, folderOr404(ctx, ctx.params.folderId)),
	},
	{ method: 'GET', pattern: '/files/folder/{folderId}', handler: readOne(folderOr404, 'folderId') },
	{
		// FoldersController.GetFolderPath: the folders from the section root down to this one.
		method: 'GET',
		pattern: '/files/folder/{folderId}/path',
		handler: (ctx) => {
			const folder = readable(ctx, folderOr404(ctx, ctx.params.folderId));
			return {
				response: ctx.state.ancestors(folder).map((e) => ctx.dto.entry(e, ctx.user)),
			};
		},
	},
	{ method: 'PUT', pattern: '/files/fileops/move', handler: moveOrCopy('move') },
	{ method: 'PUT', pattern: '/files/fileops/copy', handler: moveOrCopy('copy') },
	{
		method: 'PUT',
		pattern: '/files/fileops/delete',
		handler: (ctx) => {
			const folderIds = ids(ctx.body.folderIds);
			const fileIds = ids(ctx.body.fileIds);
			const sources = [...folderIds, ...fileIds]
				.map((id) => ctx.state.entry(id))
				.filter((e): e is Entry => !!e);
			if (sources.some((e) => !ctx.state.can(ctx.user, e, 'Delete'))) throw denied();
			const op = startFileOp(ctx, 'delete', folderIds, fileIds, undefined);
			return { response: startedOps(ctx, op) };
		},
	},
	{
		method: 'GET',
		pattern: '/files/fileops',
		handler: (ctx) => {
			const id = ctx.query.get('id');
			return { response: reportOps(ctx, (op) => !id || op.id === id) };
		},
	},
	{
		method: 'GET',
		pattern: '/files/fileops/checkdestfolder',
		handler: checkDestFolder,
	},
	{
		method: 'PUT',
		pattern: '/files/fileops/terminate/{id}',
		handler: (ctx) => {
			for (const op of ctx.state.fileOps) {
				if (
					op.userId === ctx.user.id &&
					op.id === ctx.params.id &&
					op.status < TASK_STATUS.Completed
				) {
					Object.assign(op, { status: TASK_STATUS.Canceled, stuck: false, updatedAt: Date.now() });
				}
			}
			return { response: reportOps(ctx, (op) => op.status < TASK_STATUS.Completed) };
		},
	},
	{
		method: 'GET',
		pattern: '/files/folder/{id}/share',
		handler: (ctx) => shareList(ctx, folderOr404(ctx, ctx.params.id)),
	},
	{
		method: 'GET',
		pattern: '/files/file/{id}/share',
		handler: (ctx) => shareList(ctx, fileOr404(ctx, ctx.params.id)),
	},
	{
		method: 'PUT',
		pattern: '/files/folder/{id}/share',
		handler: (ctx) => setShares(ctx, folderOr404(ctx, ctx.params.id)),
	},
	{
		method: 'PUT',
		pattern: '/files/file/{id}/share',
		handler: (ctx) => setShares(ctx, fileOr404(ctx, ctx.params.id)),
	},
	{
		method: 'POST',
		pattern: '/files/owner',
		handler: (ctx) => {
			const newOwner = ctx.state.user(String(ctx.body.userId ?? ''));
			if (!newOwner) throw notFound('The user could not be found');
			if (newOwner.status !== STATUS.Active || !ROOM_CREATORS.has(newOwner.type)) {
				throw invalidOperation('The new owner must be an active DocSpace admin or room admin');
			}
			const entries = [...ids(ctx.body.folderIds), ...ids(ctx.body.fileIds)]
				.map((id) => ctx.state.entry(id))
				.filter((e): e is Entry => !!e);
			// SharingService.ChangeOwnerAsync: rooms only, not in the Archive, by their owner or a DocSpace admin.
			if (entries.some((e) => !ctx.state.can(ctx.user, e, 'ChangeOwner')))
				throw invalidOperation('Access denied');
			for (const e of entries) {
				const previous = e.createdBy;
				e.createdBy = newOwner.id;
				e.shares[previous] = SHARE.RoomManager;
				e.shares[newOwner.id] = SHARE.RoomManager;
				ctx.state.recordAudit({
					userId: ctx.user.id,
					actionId: 5159,
					actionType: 2,
					location: 27,
					target: [String(e.id), newOwner.id],
					entries: [25],
					action: 'Room owner changed',
				});
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
			const roots =
				area === '1'
					? [ctx.state.folders.archiveRoot]
					: area === '2'
						? [ctx.state.folders.rooms, ctx.state.folders.archiveRoot]
						: [ctx.state.folders.rooms];
			let rooms = ctx.state.entries.filter(
				(e) =>
					ctx.state.isRoom(e) && roots.includes(e.parentId) && ctx.state.can(ctx.user, e, 'Read'),
			);
			const subject = ctx.query.get('subjectId')?.toLowerCase();
			if (subject) {
				const asOwner = (ctx.query.get('subjectFilter') ?? '0') === '0';
				rooms = rooms.filter((r) =>
					asOwner
						? r.createdBy === subject
						: r.shares[subject] !== undefined && r.createdBy !== subject,
				);
			}
			const types = queryList(ctx, 'type').map(Number);
			if (types.length) rooms = rooms.filter((r) => types.includes(r.roomType!));
			const text = ctx.query.get('filterValue')?.toLowerCase();
			if (text) rooms = rooms.filter((r) => r.title.toLowerCase().includes(text));
			rooms.sort((a, b) => a.title.localeCompare(b.title));
			const current = ctx.state.entry(
				area === '1' ? ctx.state.folders.archiveRoot : ctx.state.folders.rooms,
			)!;
			return {
				response: ctx.dto.folderContent(
					current,
					ctx.user,
					rooms.slice(startIndex, startIndex + count),
					rooms.length,
					startIndex,
				),
			};
		},
	},
	{ method: 'POST', pattern: '/files/rooms', handler: createRoom },
	{ method: 'POST', pattern: '/files/{folderId}/insert', handler: insertFile },
	{ method: 'GET', pattern: '/files/file/{fileId}', handler: readOne(fileOr404, 'fileId') },
	{ method: 'GET', pattern: '/files/rooms/{id}', handler: readOne(roomOr404, 'id') },
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
			return {
				response: members
					.slice(startIndex, startIndex + count)
					.map(([s, a]) => ctx.dto.share(s, a, room)),
				count,
				total: members.length,
			};
		},
	},
	{
		method: 'PUT',
		pattern: '/files/rooms/{id}/share',
		handler: setRoomShares,
	},
];
