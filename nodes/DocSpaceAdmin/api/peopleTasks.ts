import type { IExecuteFunctions } from 'n8n-workflow';

import type { TaskProgress } from './dto';
import { callApi } from '../transport';
import { ADMIN_ROLE } from './people';

/**
 * One function per People job call: reassign, remove, type change and personal folder run on the
 * server and are keyed by the user they work on.
 */

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

/** `POST people/type`: changes a user's type; DocSpace hands their rooms to `reassignUserId`. */
export async function startTypeChange(
	ctx: IExecuteFunctions,
	userId: string,
	type: string,
	reassignUserId: string,
	itemIndex: number,
): Promise<TaskProgress | undefined> {
	const envelope = await callApi<TaskProgress>(ctx, {
		method: 'POST',
		path: ['people', 'type'],
		body: { userId, type, reassignUserId },
		error: { action: 'change the user’s type', requiredRole: 'a DocSpace admin', itemIndex },
	});
	return envelope.response;
}

/** `POST people/delete/personal/start`: DocSpace empties the caller's own "My documents" (guests only). */
export async function startPersonalFolderDeletion(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<TaskProgress | undefined> {
	const envelope = await callApi<TaskProgress>(ctx, {
		method: 'POST',
		path: ['people', 'delete', 'personal', 'start'],
		error: {
			action: 'start deleting the personal folder',
			requiredRole:
				'a credential of a guest with a "My documents" folder (DocSpace deletes only the caller’s own folder)',
			itemIndex,
		},
	});
	return envelope.response;
}

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
