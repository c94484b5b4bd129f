import type { IExecuteFunctions } from 'n8n-workflow';

import type { EmployeeFull, TaskProgress } from './dto';
import { callApi } from '../transport';
import type { EMPLOYEE_STATUS } from './codes';

/** One function per People call; operations and the offboarding flow share them. */

const ADMIN_ROLE = 'a DocSpace admin (the owner for DocSpace admins)';

export async function getUserById(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
): Promise<EmployeeFull | undefined> {
	const envelope = await callApi<EmployeeFull>(ctx, {
		method: 'GET',
		path: ['people', userId],
		error: { action: 'get the user', notFound: `No user has the ID ${userId}`, itemIndex },
	});
	return envelope.response;
}

export async function getUserByEmail(
	ctx: IExecuteFunctions,
	email: string,
	itemIndex: number,
): Promise<EmployeeFull | undefined> {
	const envelope = await callApi<EmployeeFull>(ctx, {
		method: 'GET',
		path: ['people', 'email'],
		qs: { email },
		error: { action: 'find the user', notFound: `No user has the email ${email}`, itemIndex },
	});
	return envelope.response;
}

export async function getSelf(ctx: IExecuteFunctions, itemIndex: number): Promise<EmployeeFull> {
	const envelope = await callApi<EmployeeFull>(ctx, {
		method: 'GET',
		path: ['people', '@self'],
		error: { action: 'read the credential’s own profile', itemIndex },
	});
	return envelope.response as EmployeeFull;
}

/** `PUT people/status/{status}`: all-or-nothing for the listed users; returns their profiles. */
export async function setUserStatus(
	ctx: IExecuteFunctions,
	userIds: string[],
	status: typeof EMPLOYEE_STATUS.ACTIVE | typeof EMPLOYEE_STATUS.TERMINATED,
	action: string,
	itemIndex: number,
): Promise<EmployeeFull[]> {
	const envelope = await callApi<EmployeeFull[]>(ctx, {
		method: 'PUT',
		path: ['people', 'status', status],
		body: { userIds, resendAll: false },
		error: {
			action,
			requiredRole: `${ADMIN_ROLE}; the owner, your own account and LDAP users cannot be changed`,
			itemIndex,
		},
	});
	return envelope.response ?? [];
}

/** DocSpace's own answer to "does this user's data need a new owner?", asked for one user type. */
export async function reassignNecessary(
	ctx: IExecuteFunctions,
	userId: string,
	type: string,
	itemIndex: number,
): Promise<boolean> {
	const envelope = await callApi<boolean>(ctx, {
		method: 'GET',
		path: ['people', 'reassign', 'necessary'],
		qs: { UserId: userId, Type: type },
		error: {
			action: 'check whether a reassignment is needed',
			requiredRole: ADMIN_ROLE,
			itemIndex,
		},
	});
	return envelope.response === true;
}

export async function startReassignment(
	ctx: IExecuteFunctions,
	fromUserId: string,
	toUserId: string,
	deleteProfile: boolean,
	itemIndex: number,
): Promise<TaskProgress | undefined> {
	const envelope = await callApi<TaskProgress>(ctx, {
		method: 'POST',
		path: ['people', 'reassign', 'start'],
		body: { fromUserId, toUserId, deleteProfile },
		error: { action: 'start the reassignment', requiredRole: ADMIN_ROLE, itemIndex },
	});
	return envelope.response;
}

export async function startRemoval(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
): Promise<TaskProgress | undefined> {
	const envelope = await callApi<TaskProgress>(ctx, {
		method: 'POST',
		path: ['people', 'remove', 'start'],
		body: { userId },
		error: { action: 'start the data removal', requiredRole: ADMIN_ROLE, itemIndex },
	});
	return envelope.response;
}

export async function deleteUser(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
): Promise<void> {
	await callApi(ctx, {
		method: 'DELETE',
		path: ['people', userId],
		error: {
			action: 'delete the user',
			requiredRole: ADMIN_ROLE,
			notFound: `No user has the ID ${userId}`,
			itemIndex,
		},
	});
}

// ---- people tasks (reassign, remove, type change, personal folder), keyed by the user they work on ----

export type PeopleQueue = 'reassign' | 'remove' | 'type' | 'personalFolder';

const QUEUE_PATHS: Record<
	PeopleQueue,
	{ progress: (userId: string) => string[]; terminate?: string[] }
> = {
	reassign: {
		progress: (id) => ['people', 'reassign', 'progress', id],
		terminate: ['people', 'reassign', 'terminate'],
	},
	remove: {
		progress: (id) => ['people', 'remove', 'progress', id],
		terminate: ['people', 'remove', 'terminate'],
	},
	type: {
		progress: (id) => ['people', 'type', 'progress', id],
		terminate: ['people', 'type', 'terminate'],
	},
	personalFolder: { progress: () => ['people', 'delete', 'personal', 'progress'] },
};

/** `undefined` means DocSpace holds no task for the user (never started, or expired). */
export async function getTaskProgress(
	ctx: IExecuteFunctions,
	queue: PeopleQueue,
	userId: string,
	itemIndex: number,
): Promise<TaskProgress | undefined> {
	const envelope = await callApi<TaskProgress>(ctx, {
		method: 'GET',
		path: QUEUE_PATHS[queue].progress(userId),
		error: {
			action: `read the ${queue} progress`,
			requiredRole: 'a DocSpace admin or the owner',
			itemIndex,
		},
	});
	return envelope.response;
}

export function canTerminate(queue: PeopleQueue): boolean {
	return QUEUE_PATHS[queue].terminate !== undefined;
}

/** Some terminate calls answer with the task, others with no body. */
export async function terminateTask(
	ctx: IExecuteFunctions,
	queue: PeopleQueue,
	userId: string,
	itemIndex: number,
): Promise<TaskProgress | undefined> {
	const path = QUEUE_PATHS[queue].terminate;
	if (!path) return undefined;
	const envelope = await callApi<TaskProgress>(ctx, {
		method: 'PUT',
		path,
		body: { userId },
		error: { action: `terminate the ${queue} job`, requiredRole: 'a DocSpace admin', itemIndex },
	});
	return envelope.response;
}
