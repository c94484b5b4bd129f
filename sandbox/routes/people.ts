import { randomUUID } from 'crypto';

import type { Ctx, Route } from '../http';
import { ApiError, badRequest, bodyList, denied, invalidOperation, notFound, paging, queryList, requireAdmin, ValidationError } from '../http';
import type { Task, User, UserType } from '../model';
import { FOLDER_TYPE } from '../model';
import { guid } from '../seed';
import { isoNow } from '../state';

const USER_NOT_FOUND = 'The user could not be found';
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

function mayEdit(ctx: Ctx, target: User): boolean {
	if (!ctx.state.isAdmin(ctx.user)) return false;
	if (target.type === 'Owner') return false;
	if (target.type === 'DocSpaceAdmin' && ctx.user.type !== 'Owner') return false;
	return true;
}

function findUser(ctx: Ctx, value: string): User {
	const user = ctx.state.userByIdOrName(value);
	if (!user) throw notFound(USER_NOT_FOUND);
	if (user.status === 2 && !ctx.state.isAdmin(ctx.user) && user.id !== ctx.user.id) throw notFound(USER_NOT_FOUND);
	if (ctx.user.type === 'Guest' && user.id !== ctx.user.id) throw denied();
	return user;
}

function full(ctx: Ctx, user: User) {
	return ctx.dto.employeeFull(user, ctx.user);
}

function runningTask(ctx: Ctx, queue: Task['queue'], userId: string): Task | undefined {
	const task = ctx.state.tasks.get(ctx.state.taskKey(queue, userId));
	return task && task.status < 2 ? task : undefined;
}

function startTask(ctx: Ctx, queue: Task['queue'], userId: string, params: Record<string, unknown>): Task {
	ctx.state.tick();
	const existing = runningTask(ctx, queue, userId);
	if (existing) return existing;
	const faults = ctx.state.jobFaults;
	const task: Task = {
		queue,
		userId,
		initiatorId: ctx.user.id,
		startedAt: Date.now(),
		status: queue === 'reassign' ? 0 : 1,
		percentage: queue === 'reassign' ? 0 : 5,
		error: '',
		params,
		applied: false,
		failAt: faults.failTask?.queue === queue ? { percent: faults.failTask.atPercent, message: faults.failTask.message } : undefined,
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
	if (task && task.status < 2) {
		task.status = 3;
	}
	return { response: task ? ctx.dto.task(task) : undefined };
}

function activeAdminOrRoomAdmin(user: User | undefined): boolean {
	return !!user && user.status === 1 && ['Owner', 'DocSpaceAdmin', 'RoomAdmin'].includes(user.type);
}

function bodyGuid(ctx: Ctx, field: string): string {
	const value = ctx.body[field] ?? ctx.body[field.charAt(0).toUpperCase() + field.slice(1)];
	if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/i.test(value)) {
		throw new ValidationError({ [field]: [`The ${field} field is required.`] });
	}
	return value.toLowerCase();
}

function changeStatus(ctx: Ctx, users: User[], status: 1 | 2): void {
	for (const user of users) {
		if (user.id === ctx.user.id || user.type === 'Owner' || user.isLDAP || !mayEdit(ctx, user)) throw denied();
	}
	for (const user of users) {
		user.status = status;
		if (status === 2) user.sessions = 0;
		ctx.state.emit('user.updated', { id: user.id, userName: user.userName, email: user.email, status }, ctx.user.id);
	}
	ctx.state.recordAudit({ userId: ctx.user.id, actionId: 4020, actionType: 2, location: 30, product: 8, target: users.map((u) => u.id), entries: [23], action: 'Users updated status' });
}

/** DELETE /people/{id} and PUT /people/delete: profile gone, personal data removed in the background. */
function deleteUser(ctx: Ctx, user: User): void {
	ctx.state.tick();
	if (runningTask(ctx, 'reassign', user.id)) {
		throw new ApiError(500, `Data reassign process for ${ctx.state.displayName(user)} is not complete.`);
	}
	const task: Task = { queue: 'remove', userId: user.id, initiatorId: ctx.user.id, startedAt: Date.now(), status: 1, percentage: 5, error: '', params: { deleteProfile: false }, applied: false };
	ctx.state.applyTask(task);
	ctx.state.deleteProfile(user, ctx.user.id);
	task.status = 2;
	task.percentage = 100;
	ctx.state.tasks.set(ctx.state.taskKey('remove', user.id), task);
}

export const peopleRoutes: Route[] = [
	{ method: 'GET', pattern: '/people/@self', handler: (ctx) => ({ response: full(ctx, ctx.user) }) },
	{
		method: 'GET',
		pattern: '/people/email',
		handler: (ctx) => {
			const email = (ctx.query.get('email') ?? '').toLowerCase();
			const user = ctx.state.users.find((u) => u.email === email);
			if (!user) throw notFound(USER_NOT_FOUND);
			return { response: full(ctx, findUser(ctx, user.id)) };
		},
	},
	{
		method: 'GET',
		pattern: '/people/filter',
		handler: (ctx) => {
			if (ctx.user.type === 'User' || ctx.user.type === 'Guest') throw denied();
			const { count, startIndex } = paging(ctx);
			const q = ctx.query;
			let users = ctx.state.users.filter((u) => ctx.state.isAdmin(ctx.user) || u.status !== 2);
			const status = q.get('employeeStatus');
			if (status === '1' || status === '2' || status === '4') users = users.filter((u) => u.status === Number(status));
			if (status === '5') users = users.filter((u) => u.status !== 2);
			const type = parseType(q.get('employeeType'));
			if (type) users = users.filter((u) => u.type === type || (type === 'DocSpaceAdmin' && u.type === 'Owner'));
			const types = queryList(ctx, 'employeeTypes').map((t) => parseType(t));
			if (types.length) users = users.filter((u) => types.includes(u.type) || (types.includes('DocSpaceAdmin') && u.type === 'Owner'));
			const groupId = q.get('groupId');
			if (groupId) users = users.filter((u) => u.groups.includes(groupId.toLowerCase()));
			if (q.get('isAdministrator') === 'true') users = users.filter((u) => ctx.state.isAdmin(u));
			const text = q.get('filterValue')?.toLowerCase();
			if (text) {
				users = users.filter((u) => `${u.firstName} ${u.lastName} ${u.email}`.toLowerCase().includes(text));
			}
			users = [...users].sort((a, b) => ctx.state.displayName(a).localeCompare(ctx.state.displayName(b)));
			if (q.get('sortOrder') === '1') users.reverse();
			return { response: users.slice(startIndex, startIndex + count).map((u) => full(ctx, u)), total: users.length };
		},
	},
	{
		method: 'GET',
		pattern: '/people',
		handler: (ctx) => {
			if (ctx.user.type === 'User' || ctx.user.type === 'Guest') throw denied();
			const { count, startIndex } = paging(ctx);
			const users = ctx.state.users.filter((u) => u.status === 1);
			return { response: users.slice(startIndex, startIndex + count).map((u) => full(ctx, u)), total: users.length };
		},
	},
	{ method: 'GET', pattern: '/people/{userid}', handler: (ctx) => ({ response: full(ctx, findUser(ctx, ctx.params.userid)) }) },
	{
		method: 'POST',
		pattern: '/people',
		handler: (ctx) => {
			requireAdmin(ctx);
			const email = typeof ctx.body.email === 'string' ? ctx.body.email.trim().toLowerCase() : '';
			if (!email) throw new ApiError(400, 'Value cannot be null. (Parameter \'email\')', 'System.ArgumentNullException');
			if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new ValidationError({ Email: ['The Email field is not a valid e-mail address.'] });
			const firstName = String(ctx.body.firstName ?? '').trim();
			const lastName = String(ctx.body.lastName ?? '').trim();
			if (!firstName || !lastName || /[<>]/.test(firstName + lastName)) throw badRequest('Incorrect firstname or lastname');
			if (ctx.state.users.some((u) => u.email === email)) throw badRequest('User with this email is already registered');
			// No type binds to "All": no system group, i.e. effectively a room admin.
			const type = parseType(ctx.body.type) ?? 'RoomAdmin';
			if (type === 'Guest') throw denied();
			if (type === 'DocSpaceAdmin' && ctx.user.type !== 'Owner') throw denied();
			const user: User = {
				id: guid(`user:created:${email}:${ctx.state.users.length}`),
				firstName,
				lastName,
				email,
				userName: email.split('@')[0],
				type,
				status: 1,
				activationStatus: 2,
				registrationDate: isoNow(),
				groups: bodyList(ctx.body.department).map((g) => String(g).toLowerCase()).filter((g) => ctx.state.groups.some((x) => x.id === g)),
				password: typeof ctx.body.password === 'string' ? ctx.body.password : randomUUID(),
				createdBy: ctx.user.id,
				sessions: 0,
				hasPersonalFolder: true,
			};
			ctx.state.users.push(user);
			ctx.state.newEntry({ kind: 'folder', title: 'My documents', parentId: 0, createdBy: user.id, folderType: FOLDER_TYPE.USER, ownerId: user.id, shares: {} });
			ctx.state.newEntry({ kind: 'folder', title: 'Trash', parentId: 0, createdBy: user.id, folderType: FOLDER_TYPE.TRASH, ownerId: user.id, shares: {} });
			ctx.state.recordAudit({ userId: ctx.user.id, actionId: 4000, actionType: 1, location: 30, product: 8, target: [user.id], entries: [23], action: 'User created' });
			ctx.state.emit('user.created', { id: user.id, userName: user.userName, email: user.email }, ctx.user.id);
			return { response: full(ctx, user) };
		},
	},
	{
		method: 'PUT',
		pattern: '/people/{userid}',
		handler: (ctx) => {
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
				user.status = ctx.body.disable ? 2 : 1;
				user.terminated = ctx.body.disable ? isoNow() : undefined;
				if (ctx.body.disable) user.sessions = 0;
				ctx.state.recordAudit({ userId: ctx.user.id, actionId: 4006, actionType: 2, location: 30, product: 8, target: [user.id], entries: [23], action: 'User updated' });
				ctx.state.emit('user.updated', { id: user.id, userName: user.userName, email: user.email, status: user.status }, ctx.user.id);
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
			const status = raw === '1' || raw === 'active' ? 1 : raw === '2' || raw === 'terminated' ? 2 : undefined;
			if (!status) throw badRequest('Incorrect status');
			const users = bodyList(ctx.body.userIds).map((id) => ctx.state.user(String(id)));
			if (!ctx.state.isAdmin(ctx.user)) throw denied();
			const found = users.filter((u): u is User => !!u);
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
			const users = bodyList(ctx.body.userIds).map((id) => ctx.state.user(String(id))).filter((u): u is User => !!u);
			for (const u of users) if (u.status === 2 || !mayEdit(ctx, u)) throw denied();
			for (const u of users) u.type = type;
			return { response: users.map((u) => full(ctx, u)) };
		},
	},
	{
		method: 'POST',
		pattern: '/people/type',
		handler: (ctx) => {
			requireAdmin(ctx);
			const userId = bodyGuid(ctx, 'userId');
			const type = parseType(ctx.body.type);
			if (type !== 'User' && type !== 'Guest') throw badRequest(`Can not update to ${String(ctx.body.type)}`);
			const user = ctx.state.user(userId);
			if (!user) throw notFound(USER_NOT_FOUND);
			const recipientId = typeof ctx.body.reassignUserId === 'string' ? ctx.body.reassignUserId.toLowerCase() : ctx.user.id;
			const recipient = ctx.state.user(recipientId);
			if (user.status === 2 || user.id === ctx.user.id || !activeAdminOrRoomAdmin(recipient)) {
				throw badRequest(`Can not update user with id = ${userId}`);
			}
			if (!mayEdit(ctx, user)) throw denied();
			return { response: ctx.dto.task(startTask(ctx, 'type', userId, { type, reassignUserId: recipientId })) };
		},
	},
	{ method: 'GET', pattern: '/people/type/progress/{userid}', handler: (ctx) => (requireAdmin(ctx), progress(ctx, 'type', ctx.params.userid.toLowerCase())) },
	{ method: 'PUT', pattern: '/people/type/terminate', handler: (ctx) => (requireAdmin(ctx), terminate(ctx, 'type', bodyGuid(ctx, 'userId'))) },
	{
		method: 'DELETE',
		pattern: '/people/{userid}',
		handler: (ctx) => {
			const user = findUser(ctx, ctx.params.userid);
			if (!mayEdit(ctx, user) || user.isLDAP) throw denied();
			if (user.status !== 2) throw invalidOperation('The user is not suspended');
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
			if (!Array.isArray(ctx.body.userIds)) throw new ApiError(400, "Value cannot be null. (Parameter 'userIds')", 'System.ArgumentNullException');
			const users = ctx.body.userIds.map((id) => ctx.state.user(String(id))).filter((u): u is User => !!u);
			if (users.some((u) => u.status !== 2)) throw invalidOperation('Users are not suspended');
			ctx.state.tick();
			for (const u of users) {
				if (runningTask(ctx, 'reassign', u.id)) {
					throw new ApiError(500, `Data reassign process for ${ctx.state.displayName(u)} is not complete.`);
				}
			}
			const response = users.map((u) => full(ctx, u));
			for (const u of users) if (mayEdit(ctx, u) && !u.isLDAP) deleteUser(ctx, u);
			return { response };
		},
	},
	{
		method: 'PUT',
		pattern: '/people/self/delete',
		handler: (ctx) => {
			if (ctx.user.type === 'Owner' || ctx.user.isLDAP) throw denied();
			return { response: `Instructions to disable your profile has been sent to <b>${ctx.user.email}</b> email address` };
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
			ctx.state.recordAudit({ userId: ctx.user.id, actionId: 4036, actionType: 19, location: 30, product: 8, target: [user.id], entries: [23], action: 'User sessions ended' });
			return {};
		},
	},
	{
		method: 'GET',
		pattern: '/people/reassign/necessary',
		handler: (ctx) => {
			requireAdmin(ctx);
			const userId = (ctx.query.get('UserId') ?? ctx.query.get('userId') ?? '').toLowerCase();
			const user = ctx.state.user(userId);
			if (user?.type === 'DocSpaceAdmin' && ctx.user.type !== 'Owner') throw denied();
			const ownsRooms = ctx.state.entries.some((e) => e.roomType !== undefined && e.createdBy === userId);
			const type = (ctx.query.get('Type') ?? ctx.query.get('type') ?? '').toLowerCase();
			const shares = type === 'guest' && ctx.state.entries.some((e) => e.createdBy === userId && Object.keys(e.shares).length > 0);
			return { response: ownsRooms || shares };
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
			if (!activeAdminOrRoomAdmin(to) || to?.id === fromId) {
				throw badRequest(`Can not reassign data to user with id = ${toId}`);
			}
			if (!from || from.status !== 2 || from.type === 'Owner' || from.id === ctx.user.id) {
				throw badRequest(`Can not reassign data from user with id = ${fromId}`);
			}
			if (from.type === 'DocSpaceAdmin' && ctx.user.type !== 'Owner') throw denied();
			const task = startTask(ctx, 'reassign', fromId, { toUserId: toId, deleteProfile: ctx.body.deleteProfile === true });
			return { response: ctx.dto.task(task) };
		},
	},
	{ method: 'GET', pattern: '/people/reassign/progress/{userid}', handler: (ctx) => (requireAdmin(ctx), progress(ctx, 'reassign', ctx.params.userid.toLowerCase())) },
	{ method: 'PUT', pattern: '/people/reassign/terminate', handler: (ctx) => (requireAdmin(ctx), terminate(ctx, 'reassign', bodyGuid(ctx, 'userId'))) },
	{
		method: 'POST',
		pattern: '/people/remove/start',
		handler: (ctx) => {
			requireAdmin(ctx);
			const userId = bodyGuid(ctx, 'userId');
			const user = ctx.state.user(userId);
			if (!user) throw badRequest(`User with id = ${userId} not found`);
			if (user.type === 'Owner' || user.id === ctx.user.id || user.status !== 2) {
				throw badRequest(`Can not delete user with id = ${userId}`);
			}
			if (!mayEdit(ctx, user)) throw denied();
			return { response: ctx.dto.task(startTask(ctx, 'remove', userId, { deleteProfile: true })) };
		},
	},
	{ method: 'GET', pattern: '/people/remove/progress/{userid}', handler: (ctx) => (requireAdmin(ctx), progress(ctx, 'remove', ctx.params.userid.toLowerCase())) },
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
	{ method: 'GET', pattern: '/people/delete/personal/progress', handler: (ctx) => progress(ctx, 'personalFolder', ctx.user.id) },
	{
		method: 'GET',
		pattern: '/keys/@self',
		handler: (ctx) => {
			if (!ctx.apiKey) throw denied();
			const creator = ctx.state.user(ctx.apiKey.userId)!;
			return {
				response: {
					id: ctx.apiKey.id,
					name: ctx.apiKey.name,
					keyPostfix: ctx.apiKey.key.slice(-4),
					permissions: ctx.apiKey.permissions,
					createBy: ctx.dto.employee(creator),
					isActive: true,
				},
			};
		},
	},
];
