import { randomUUID } from 'crypto';

import type { Ctx, Route } from '../http';
import {
	ApiError,
	badRequest,
	bodyList,
	denied,
	invalidOperation,
	notFound,
	paging,
	queryList,
	requireAdmin,
	ValidationError,
} from '../http';
import type { Task, User, UserType } from '../model';
import { FOLDER_TYPE, isoNow, STATUS, TASK_STATUS } from '../model';
import { guid } from '../seed';
import { ROOM_CREATORS } from '../state';

/** [StringLength(255)] on MemberRequestDto's names, title and e-mail. */
const MAX_FIELD_LENGTH = 255;

const USER_NOT_FOUND = 'The user could not be found';
/** Guid.Empty: what the server binds for a missing Guid field or query parameter. */
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
/** FilesCommonResource.ErrorMessage_SecurityException, thrown by ReassignService in the type-change job. */
const NO_PERMISSION = "You don't have enough permission to perform the operation";
const TYPES: Record<string, UserType> = {
	roomadmin: 'RoomAdmin',
	'1': 'RoomAdmin',
	guest: 'Guest',
	'2': 'Guest',
	docspaceadmin: 'DocSpaceAdmin',
	'3': 'DocSpaceAdmin',
	user: 'User',
	'4': 'User',
};

function parseType(value: unknown): UserType | undefined {
	return TYPES[String(value ?? '').toLowerCase()];
}

/** EmployeeType as the request binds it: a missing or unknown value is All (0). */
type RequestedType = UserType | 'All';

function requestedType(value: unknown): RequestedType {
	return parseType(value) ?? 'All';
}

/** GetUserTypeAsync: the Owner counts as a DocSpace admin. */
function isDocSpaceAdmin(user: User | undefined): boolean {
	return user?.type === 'Owner' || user?.type === 'DocSpaceAdmin';
}

/**
 * DemandPermissionsAsync(new UserSecurityProvider(type), Action_AddRemoveUser): admins may act on any
 * type; a room admin only on Users and Guests (Security.Rules, RoomAdmin → User/Guest); nobody else.
 */
function mayAddOrRemove(caller: User, type: RequestedType): boolean {
	if (isDocSpaceAdmin(caller)) return true;
	return caller.type === 'RoomAdmin' && (type === 'User' || type === 'Guest');
}

/**
 * UserController.AddMember: the Demand above, then no Guests through this route, RoomAdmins only by a
 * DocSpace admin (the Owner counts), DocSpace admins only by the Owner.
 */
function mayCreate(caller: User, type: RequestedType): boolean {
	if (!mayAddOrRemove(caller, type) || type === 'Guest') return false;
	if (type === 'RoomAdmin') return isDocSpaceAdmin(caller);
	return type !== 'DocSpaceAdmin' || caller.type === 'Owner';
}

function mayEdit(ctx: Ctx, target: User): boolean {
	if (!ctx.state.isAdmin(ctx.user)) return false;
	if (target.type === 'Owner') return false;
	if (target.type === 'DocSpaceAdmin' && ctx.user.type !== 'Owner') return false;
	return true;
}

/** A profile the caller may view (CanUserViewAnotherUserAsync), else 403; unknown → 404. */
function findUser(ctx: Ctx, value: string): User {
	const user = ctx.state.userByIdOrName(value);
	if (!user) throw notFound(USER_NOT_FOUND);
	return viewable(ctx, user);
}

function viewable(ctx: Ctx, user: User): User {
	if (!ctx.state.canViewProfile(ctx.user, user)) throw denied();
	return user;
}

/** List endpoints refuse Users and Guests (GetByFilterAsync) and show a room admin only whom they may view. */
function listable(ctx: Ctx, users: User[]): User[] {
	if (ctx.user.type === 'User' || ctx.user.type === 'Guest') throw denied();
	return users.filter((u) => ctx.state.canViewProfile(ctx.user, u));
}

/** A DocSpace admin's (or the Owner's: GetUserTypeAsync) data is for the Owner only. */
function requireOwnerForAdmin(ctx: Ctx, userId: string): void {
	if (isDocSpaceAdmin(ctx.state.user(userId)) && ctx.user.type !== 'Owner') throw denied();
}

function full(ctx: Ctx, user: User) {
	return ctx.dto.employeeFull(user, ctx.user);
}

function runningTask(ctx: Ctx, queue: Task['queue'], userId: string): Task | undefined {
	const task = ctx.state.tasks.get(ctx.state.taskKey(queue, userId));
	return task && task.status < TASK_STATUS.Completed ? task : undefined;
}

function startTask(
	ctx: Ctx,
	queue: Task['queue'],
	userId: string,
	params: Record<string, unknown>,
	failAt?: Task['failAt'],
): Task {
	ctx.state.tick();
	const existing = runningTask(ctx, queue, userId);
	if (existing) return existing;
	const faults = ctx.state.jobFaults;
	const now = Date.now();
	const task: Task = {
		queue,
		userId,
		initiatorId: ctx.user.id,
		startedAt: now,
		updatedAt: now,
		status: queue === 'reassign' ? TASK_STATUS.Created : TASK_STATUS.Running,
		percentage: queue === 'reassign' ? 0 : 5,
		error: '',
		params,
		applied: false,
		failAt:
			faults.failTask?.queue === queue
				? { percent: faults.failTask.atPercent, message: faults.failTask.message }
				: failAt,
		stuckAt: faults.stickTask?.queue === queue ? faults.stickTask.atPercent : undefined,
	};
	ctx.state.tasks.set(ctx.state.taskKey(queue, userId), task);
	return task;
}

function progress(ctx: Ctx, queue: Task['queue'], userId: string) {
	ctx.state.tick();
	const task = ctx.state.tasks.get(ctx.state.taskKey(queue, userId));
	return { response: task ? ctx.dto.task(task) : undefined };
}

function terminate(ctx: Ctx, queue: Task['queue'], userId: string) {
	ctx.state.tick();
	const task = ctx.state.tasks.get(ctx.state.taskKey(queue, userId));
	if (task && task.status < TASK_STATUS.Completed) {
		task.status = TASK_STATUS.Canceled;
		task.updatedAt = Date.now();
	}
	return { response: task ? ctx.dto.task(task) : undefined };
}

/** A recipient of data: Owner, DocSpace admin or room admin, not disabled. */
function activeAdminOrRoomAdmin(user: User | undefined): boolean {
	return !!user && user.status !== STATUS.Terminated && ROOM_CREATORS.has(user.type);
}

/** Reassign progress/terminate: keyed by the user, any admin may act, a DocSpace admin's task needs the Owner. */
function reassignTask(ctx: Ctx, userId: string, action: typeof progress) {
	requireAdmin(ctx);
	requireOwnerForAdmin(ctx, userId);
	return action(ctx, 'reassign', userId);
}

function bodyGuid(ctx: Ctx, field: string): string {
	const value = ctx.body[field] ?? ctx.body[field.charAt(0).toUpperCase() + field.slice(1)];
	if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/i.test(value)) {
		throw new ValidationError({ [field]: [`The ${field} field is required.`] });
	}
	return value.toLowerCase();
}

/** A `Guid` field without [Required]: missing or null binds Guid.Empty, only a malformed value is refused. */
function optionalBodyGuid(ctx: Ctx, field: string): string {
	const value = ctx.body[field] ?? ctx.body[field.charAt(0).toUpperCase() + field.slice(1)];
	return value === undefined || value === null ? EMPTY_GUID : bodyGuid(ctx, field);
}

/** UpdateUserStatus refuses the whole request for LDAP users, the owner, the caller, and (unless the Owner asks) DocSpace admins. */
function untouchable(ctx: Ctx, user: User): boolean {
	return user.isLDAP === true || user.id === ctx.user.id || !mayEdit(ctx, user);
}

function setStatus(user: User, status: 1 | 2): void {
	user.status = status;
	user.terminated = status === STATUS.Terminated ? isoNow() : undefined;
	if (status === STATUS.Terminated) user.sessions = 0;
}

/** The seat check of an enable (CountPaidUserChecker.CheckAppend) → 402 TenantQuotaException. */
function checkPaidSeat(ctx: Ctx, user: User): void {
	const seats = ctx.state.quota.paidSeats;
	if (seats === undefined || !ROOM_CREATORS.has(user.type) || ctx.state.paidSeatsUsed() < seats)
		return;
	throw new ApiError(
		402,
		`The number of paid users exceeds the quota of ${seats}`,
		'ASC.Core.Tenants.TenantQuotaException',
	);
}

/** One user at a time, in request order, each saved at once: a 402 leaves the earlier users changed. */
function changeStatus(ctx: Ctx, users: User[], status: 1 | 2): void {
	if (users.some((u) => untouchable(ctx, u))) throw denied();
	for (const user of users) {
		if (status === STATUS.Active && user.status !== STATUS.Terminated) continue;
		if (status === STATUS.Active) checkPaidSeat(ctx, user);
		setStatus(user, status);
	}
	for (const user of users)
		ctx.state.emit(
			'user.updated',
			{ id: user.id, userName: user.userName, email: user.email, status },
			ctx.user.id,
		);
	ctx.state.recordAudit({
		userId: ctx.user.id,
		actionId: 4020,
		actionType: 2,
		location: 30,
		product: 8,
		target: users.map((u) => u.id),
		entries: [23],
		action: 'Users updated status',
	});
}

function reassignRunning(ctx: Ctx, user: User): ApiError | undefined {
	ctx.state.tick();
	if (!runningTask(ctx, 'reassign', user.id)) return undefined;
	return new ApiError(
		500,
		`Data reassign process for ${ctx.state.displayName(user)} is not complete.`,
	);
}

/** EmailAddressAttribute.IsValid: one '@', neither first nor last, no line breaks. */
function isEmailAddress(value: string): boolean {
	const at = value.indexOf('@');
	return (
		at > 0 && at !== value.length - 1 && at === value.lastIndexOf('@') && !/[\r\n]/.test(value)
	);
}

/**
 * MemberRequestDto's attributes ([StringLength(255)] FirstName, LastName, Title; [EmailAddress]
 * [StringLength(255)] Email) on the raw request body. [ApiController] answers them with 400 before the
 * action runs, so before any permission check or look-up.
 */
function validateMember(body: Record<string, unknown>): void {
	const errors: Record<string, string[]> = {};
	const add = (field: string, message: string) => (errors[field] ??= []).push(message);
	for (const field of ['FirstName', 'LastName', 'Title', 'Email']) {
		const value = body[field.charAt(0).toLowerCase() + field.slice(1)] ?? body[field];
		if (typeof value !== 'string') continue;
		if (field === 'Email' && !isEmailAddress(value))
			add(field, 'The Email field is not a valid e-mail address.');
		if (value.length > MAX_FIELD_LENGTH)
			add(
				field,
				`The field ${field} must be a string with a maximum length of ${MAX_FIELD_LENGTH}.`,
			);
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** DELETE /people/{id} and PUT /people/delete: profile gone, personal data removed in the background. */
function deleteUser(ctx: Ctx, user: User): void {
	const running = reassignRunning(ctx, user);
	if (running) throw running;
	const now = Date.now();
	const task: Task = {
		queue: 'remove',
		userId: user.id,
		initiatorId: ctx.user.id,
		startedAt: now,
		updatedAt: now,
		status: TASK_STATUS.Running,
		percentage: 5,
		error: '',
		params: { deleteProfile: false },
		applied: false,
	};
	ctx.state.applyTask(task);
	ctx.state.deleteProfile(user, ctx.user.id);
	task.status = TASK_STATUS.Completed;
	task.percentage = 100;
	ctx.state.tasks.set(ctx.state.taskKey('remove', user.id), task);
}

export const peopleRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/people/@self',
		handler: (ctx) => ({ response: full(ctx, ctx.user) }),
	},
	{
		method: 'GET',
		pattern: '/people/email',
		handler: (ctx) => {
			const user = ctx.state.userByEmail(ctx.query.get('email') ?? '');
			if (!user) throw notFound(USER_NOT_FOUND);
			return { response: full(ctx, viewable(ctx, user)) };
		},
	},
	{
		method: 'GET',
		pattern: '/people/filter',
		handler: (ctx) => {
			let users = listable(ctx, ctx.state.users).filter(
				(u) => ctx.state.isAdmin(ctx.user) || u.status !== STATUS.Terminated,
			);
			const { count, startIndex } = paging(ctx);
			const q = ctx.query;
			const status = q.get('employeeStatus');
			if (status === '1' || status === '2' || status === '4')
				users = users.filter((u) => u.status === Number(status));
			if (status === '5') users = users.filter((u) => u.status !== STATUS.Terminated);
			const type = parseType(q.get('employeeType'));
			if (type)
				users = users.filter(
					(u) => u.type === type || (type === 'DocSpaceAdmin' && u.type === 'Owner'),
				);
			const types = queryList(ctx, 'employeeTypes').map((t) => parseType(t));
			if (types.length)
				users = users.filter(
					(u) => types.includes(u.type) || (types.includes('DocSpaceAdmin') && u.type === 'Owner'),
				);
			const groupId = q.get('groupId');
			if (groupId) users = users.filter((u) => u.groups.includes(groupId.toLowerCase()));
			if (q.get('isAdministrator') === 'true') users = users.filter((u) => ctx.state.isAdmin(u));
			const text = q.get('filterValue')?.toLowerCase();
			if (text) {
				users = users.filter((u) =>
					`${u.firstName} ${u.lastName} ${u.email}`.toLowerCase().includes(text),
				);
			}
			users = [...users].sort((a, b) =>
				ctx.state.displayName(a).localeCompare(ctx.state.displayName(b)),
			);
			if (q.get('sortOrder') === '1') users.reverse();
			return {
				response: users.slice(startIndex, startIndex + count).map((u) => full(ctx, u)),
				total: users.length,
			};
		},
	},
	{
		method: 'GET',
		pattern: '/people',
		handler: (ctx) => {
			const users = listable(ctx, ctx.state.users).filter((u) => u.status === STATUS.Active);
			const { count, startIndex } = paging(ctx);
			return {
				response: users.slice(startIndex, startIndex + count).map((u) => full(ctx, u)),
				total: users.length,
			};
		},
	},
	{
		method: 'GET',
		pattern: '/people/{userid}',
		handler: (ctx) => ({ response: full(ctx, findUser(ctx, ctx.params.userid)) }),
	},
	{
		method: 'POST',
		pattern: '/people',
		handler: (ctx) => {
			// UserController.AddMember, in the server's order: model validation, who may create which
			// type, the e-mail (new MailAddress(email)), then AddUserAsync's name and duplicate checks.
			validateMember(ctx.body);
			const requested = requestedType(ctx.body.type);
			if (!mayCreate(ctx.user, requested)) throw denied();
			if (typeof ctx.body.email !== 'string')
				throw new ApiError(
					400,
					"Value cannot be null. (Parameter 'address')",
					'System.ArgumentNullException',
				);
			// The e-mail keeps its case (MailAddress.Address); look-ups ignore case.
			const email = ctx.body.email.trim();
			const firstName = String(ctx.body.firstName ?? '').trim();
			const lastName = String(ctx.body.lastName ?? '').trim();
			if (!firstName || !lastName || /[<>]/.test(firstName + lastName))
				throw badRequest('Incorrect firstname or lastname');
			if (ctx.state.userByEmail(email))
				throw badRequest('User with this email is already registered');
			// "All" puts the user in no system group, i.e. effectively a room admin.
			const type: UserType = requested === 'All' ? 'RoomAdmin' : requested;
			const user: User = {
				id: guid(`user:created:${email}:${ctx.state.users.length}`),
				firstName,
				lastName,
				email,
				userName: email.split('@')[0].toLowerCase(),
				type,
				status: 1,
				activationStatus: 2,
				registrationDate: isoNow(),
				groups: bodyList(ctx.body.department)
					.map((g) => String(g).toLowerCase())
					.filter((g) => ctx.state.groups.some((x) => x.id === g)),
				password: typeof ctx.body.password === 'string' ? ctx.body.password : randomUUID(),
				createdBy: ctx.user.id,
				sessions: 0,
				hasPersonalFolder: true,
			};
			ctx.state.users.push(user);
			ctx.state.newEntry({
				kind: 'folder',
				title: 'My documents',
				parentId: 0,
				createdBy: user.id,
				folderType: FOLDER_TYPE.USER,
				ownerId: user.id,
				shares: {},
			});
			ctx.state.newEntry({
				kind: 'folder',
				title: 'Trash',
				parentId: 0,
				createdBy: user.id,
				folderType: FOLDER_TYPE.TRASH,
				ownerId: user.id,
				shares: {},
			});
			ctx.state.recordAudit({
				userId: ctx.user.id,
				actionId: 4000,
				actionType: 1,
				location: 30,
				product: 8,
				target: [user.id],
				entries: [23],
				action: 'User created',
			});
			ctx.state.emit(
				'user.created',
				{ id: user.id, userName: user.userName, email: user.email },
				ctx.user.id,
			);
			return { response: full(ctx, user) };
		},
	},
	{
		method: 'PUT',
		pattern: '/people/{userid}',
		handler: (ctx) => {
			// UpdateMemberRequestDto inherits MemberRequestDto's attributes: checked before the look-up.
			validateMember(ctx.body);
			const user = findUser(ctx, ctx.params.userid);
			if (user.id === ctx.user.id) {
				for (const field of ['firstName', 'lastName'] as const) {
					if (typeof ctx.body[field] === 'string') {
						const value = String(ctx.body[field]).trim();
						if (!value) throw badRequest('Incorrect firstname or lastname');
						user[field] = value;
					}
				}
				return { response: full(ctx, user) };
			}
			if (!mayEdit(ctx, user)) throw denied();
			// Editing someone else: only `disable` and `isUser` take effect; unknown fields are ignored.
			if (typeof ctx.body.disable === 'boolean') {
				setStatus(user, ctx.body.disable ? STATUS.Terminated : STATUS.Active);
				ctx.state.recordAudit({
					userId: ctx.user.id,
					actionId: 4006,
					actionType: 2,
					location: 30,
					product: 8,
					target: [user.id],
					entries: [23],
					action: 'User updated',
				});
				ctx.state.emit(
					'user.updated',
					{ id: user.id, userName: user.userName, email: user.email, status: user.status },
					ctx.user.id,
				);
			}
			if (ctx.body.isUser === true && user.type !== 'DocSpaceAdmin') user.type = 'Guest';
			return { response: full(ctx, user) };
		},
	},
	{
		method: 'PUT',
		pattern: '/people/status/{status}',
		handler: (ctx) => {
			const raw = ctx.params.status.toLowerCase();
			const status =
				raw === '1' || raw === 'active'
					? STATUS.Active
					: raw === '2' || raw === 'terminated'
						? STATUS.Terminated
						: undefined;
			if (!status) throw badRequest('Incorrect status');
			requireAdmin(ctx);
			const found = bodyList(ctx.body.userIds)
				.map((id) => ctx.state.user(String(id)))
				.filter((u): u is User => !!u);
			changeStatus(ctx, found, status);
			return { response: found.map((u) => full(ctx, u)) };
		},
	},
	{
		method: 'PUT',
		pattern: '/people/type/{type}',
		handler: (ctx) => {
			const type = parseType(ctx.params.type);
			if (!type) throw badRequest(`Can not update to ${ctx.params.type}`);
			requireAdmin(ctx);
			if (type === 'DocSpaceAdmin' && ctx.user.type !== 'Owner') throw denied();
			const users = bodyList(ctx.body.userIds)
				.map((id) => ctx.state.user(String(id)))
				.filter((u): u is User => !!u);
			for (const u of users) if (u.status === STATUS.Terminated || !mayEdit(ctx, u)) throw denied();
			for (const u of users) u.type = type;
			return { response: users.map((u) => full(ctx, u)) };
		},
	},
	{
		method: 'POST',
		pattern: '/people/type',
		handler: (ctx) => {
			// UserController.StarUserTypetUpdate, check by check in the server's order.
			const type = requestedType(ctx.body.type);
			if (!mayAddOrRemove(ctx.user, type)) throw denied();
			// An unknown id is Constants.LostUser, a system user: the same answer as a disabled one.
			const user = ctx.state.user(optionalBodyGuid(ctx, 'userId'));
			const given =
				typeof ctx.body.reassignUserId === 'string' ? ctx.body.reassignUserId.toLowerCase() : '';
			const recipient = given ? ctx.state.user(given) : ctx.user;
			if (
				!user ||
				user.status === STATUS.Terminated ||
				recipient?.status === STATUS.Terminated ||
				user.id === recipient?.id ||
				user.id === ctx.user.id
			) {
				throw badRequest('Can not update type');
			}
			if (type === 'RoomAdmin' || type === 'DocSpaceAdmin')
				throw badRequest(`Can not update to ${type}`);
			if (ctx.user.type !== 'Owner' && isDocSpaceAdmin(user))
				throw badRequest('Can not update type for admin');
			if (!recipient || !ROOM_CREATORS.has(recipient.type))
				throw badRequest(`Can not reassign to user - ${given}`);
			// UpdateUserTypeProgressItem.DoJob → ReassignService.DemandPermissionToDeletePersonalDataAsync:
			// only a DocSpace admin gets past 5 %; a room admin's task fails there.
			const failAt = isDocSpaceAdmin(ctx.user)
				? undefined
				: { percent: 10, message: NO_PERMISSION };
			const task = startTask(ctx, 'type', user.id, { type, reassignUserId: recipient.id }, failAt);
			return { response: ctx.dto.task(task) };
		},
	},
	{
		method: 'GET',
		pattern: '/people/type/progress/{userid}',
		handler: (ctx) => (requireAdmin(ctx), progress(ctx, 'type', ctx.params.userid.toLowerCase())),
	},
	{
		method: 'PUT',
		pattern: '/people/type/terminate',
		handler: (ctx) => (requireAdmin(ctx), terminate(ctx, 'type', bodyGuid(ctx, 'userId'))),
	},
	{
		method: 'DELETE',
		pattern: '/people/{userid}',
		handler: (ctx) => {
			requireAdmin(ctx);
			const user = findUser(ctx, ctx.params.userid);
			if (user.isLDAP) throw denied();
			if (user.status !== STATUS.Terminated) throw invalidOperation('The user is not suspended');
			if (!mayEdit(ctx, user)) throw denied();
			const response = full(ctx, user);
			deleteUser(ctx, user);
			return { response };
		},
	},
	{
		method: 'PUT',
		pattern: '/people/delete',
		handler: (ctx) => {
			requireAdmin(ctx);
			if (!Array.isArray(ctx.body.userIds))
				throw new ApiError(
					400,
					"Value cannot be null. (Parameter 'userIds')",
					'System.ArgumentNullException',
				);
			const listed = ctx.body.userIds
				.map((id) => ctx.state.user(String(id)))
				.filter((u): u is User => !!u);
			const running = listed.map((u) => reassignRunning(ctx, u)).find(Boolean);
			if (running) throw running;
			// UserController.RemoveUsers: LDAP users dropped, all the rest must be disabled, those the caller may not manage skipped.
			const users = listed.filter((u) => !u.isLDAP);
			if (users.some((u) => u.status !== STATUS.Terminated))
				throw invalidOperation('Users are not suspended');
			const response = users.map((u) => full(ctx, u));
			for (const u of users) if (mayEdit(ctx, u)) deleteUser(ctx, u);
			return { response };
		},
	},
	{
		method: 'PUT',
		pattern: '/people/self/delete',
		handler: (ctx) => {
			if (ctx.user.type === 'Owner' || ctx.user.isLDAP) throw denied();
			return {
				response: `Instructions to disable your profile has been sent to <b>${ctx.user.email}</b> email address`,
			};
		},
	},
	{
		method: 'PUT',
		pattern: '/security/activeconnections/logoutall/{userId}',
		handler: (ctx) => {
			const user = ctx.state.user(ctx.params.userId);
			if (!user) throw notFound(USER_NOT_FOUND);
			if (user.id !== ctx.user.id && !ctx.state.isAdmin(ctx.user)) throw denied();
			user.sessions = 0;
			ctx.state.recordAudit({
				userId: ctx.user.id,
				actionId: 4036,
				actionType: 19,
				location: 30,
				product: 8,
				target: [user.id],
				entries: [23],
				action: 'User sessions ended',
			});
			return {};
		},
	},
	{
		method: 'GET',
		pattern: '/people/reassign/necessary',
		handler: (ctx) => {
			// ReassignController.NecessaryReassign: the Demand depends on the expected Type (none: All).
			const type = requestedType(ctx.query.get('Type') ?? ctx.query.get('type'));
			if (!mayAddOrRemove(ctx.user, type)) throw denied();
			const userId = (
				ctx.query.get('UserId') ??
				ctx.query.get('userId') ??
				EMPTY_GUID
			).toLowerCase();
			requireOwnerForAdmin(ctx, userId);
			// FileStorageService.AnyRoomsAsync: active rooms (the Archive is not searched) the caller sees,
			// owned by the user; Guid.Empty (no UserId) filters by no owner, so any active room counts.
			const ownsRooms = ctx.state.entries.some(
				(e) =>
					ctx.state.isRoom(e) &&
					e.parentId === ctx.state.folders.rooms &&
					(userId === EMPTY_GUID || e.createdBy === userId) &&
					ctx.state.can(ctx.user, e, 'Read'),
			);
			const shares = () =>
				ctx.state.entries.some(
					(e) =>
						e.createdBy === userId &&
						ctx.state.root(e).folderType === FOLDER_TYPE.USER &&
						Object.keys(e.shares).some((s) => s !== userId),
				);
			return { response: ownsRooms || (type === 'Guest' && shares()) };
		},
	},
	{
		method: 'POST',
		pattern: '/people/reassign/start',
		handler: (ctx) => {
			requireAdmin(ctx);
			const fromId = bodyGuid(ctx, 'fromUserId');
			const toId = bodyGuid(ctx, 'toUserId');
			const from = ctx.state.user(fromId);
			const to = ctx.state.user(toId);
			if (!activeAdminOrRoomAdmin(to))
				throw badRequest(`Can not reassign data to user with id = ${toId}`);
			const adminNeedsOwner = from?.type === 'DocSpaceAdmin' && ctx.user.type !== 'Owner';
			if (
				!from ||
				from.status !== STATUS.Terminated ||
				from.type === 'Owner' ||
				from.id === ctx.user.id ||
				adminNeedsOwner
			) {
				throw badRequest(`Can not reassign data from user with id = ${fromId}`);
			}
			const task = startTask(ctx, 'reassign', fromId, {
				toUserId: toId,
				deleteProfile: ctx.body.deleteProfile === true,
			});
			return { response: ctx.dto.task(task) };
		},
	},
	{
		method: 'GET',
		pattern: '/people/reassign/progress/{userid}',
		handler: (ctx) => reassignTask(ctx, ctx.params.userid.toLowerCase(), progress),
	},
	{
		method: 'PUT',
		pattern: '/people/reassign/terminate',
		handler: (ctx) => reassignTask(ctx, bodyGuid(ctx, 'userId'), terminate),
	},
	{
		method: 'POST',
		pattern: '/people/remove/start',
		handler: (ctx) => {
			requireAdmin(ctx);
			const userId = bodyGuid(ctx, 'userId');
			const user = ctx.state.user(userId);
			if (!user) throw badRequest(`User with id = ${userId} not found`);
			if (user.type === 'Owner' || user.id === ctx.user.id || user.status !== STATUS.Terminated) {
				throw badRequest(`Can not delete user with id = ${userId}`);
			}
			if (!mayEdit(ctx, user)) throw denied();
			return { response: ctx.dto.task(startTask(ctx, 'remove', userId, { deleteProfile: true })) };
		},
	},
	{
		method: 'GET',
		pattern: '/people/remove/progress/{userid}',
		handler: (ctx) => (requireAdmin(ctx), progress(ctx, 'remove', ctx.params.userid.toLowerCase())),
	},
	{
		method: 'PUT',
		pattern: '/people/remove/terminate',
		handler: (ctx) => {
			requireAdmin(ctx);
			terminate(ctx, 'remove', bodyGuid(ctx, 'userId'));
			return {};
		},
	},
	{
		method: 'POST',
		pattern: '/people/delete/personal/start',
		handler: (ctx) => {
			// Only a guest, on their own "My documents"; any body (e.g. a userId) is ignored.
			if (ctx.user.type !== 'Guest' || !ctx.state.myDocuments(ctx.user.id)) throw denied();
			return { response: ctx.dto.task(startTask(ctx, 'personalFolder', ctx.user.id, {})) };
		},
	},
	{
		method: 'GET',
		pattern: '/people/delete/personal/progress',
		handler: (ctx) => progress(ctx, 'personalFolder', ctx.user.id),
	},
];
