import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EmployeeFull } from './dto';
import type { ApiRequest, DocSpaceContext, Page } from '../transport';
import { callApi, callApiAllPages, callApiPage } from '../transport';
import type { EMPLOYEE_STATUS } from './codes';

/** One function per People call on profiles; operations and the offboarding flow share them. */

/** Who may change other people's profiles and data. */
export const ADMIN_ROLE = 'a DocSpace admin (the owner for DocSpace admins)';

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

/** `POST people`: DocSpace sends the new user an activation email. */
export async function createUser(
	ctx: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
): Promise<EmployeeFull> {
	const envelope = await callApi<EmployeeFull>(ctx, {
		method: 'POST',
		path: ['people'],
		body,
		error: {
			action: 'create the user',
			requiredRole: 'a DocSpace admin (the owner to create DocSpace admins)',
			itemIndex,
		},
	});
	return envelope.response as EmployeeFull;
}

/** `PUT people/{id}`: DocSpace applies name changes to the caller's own profile only. */
export async function updateUser(
	ctx: IExecuteFunctions,
	userId: string,
	body: IDataObject,
	itemIndex: number,
): Promise<EmployeeFull> {
	const envelope = await callApi<EmployeeFull>(ctx, {
		method: 'PUT',
		path: ['people', userId],
		body,
		error: { action: 'update the user', itemIndex },
	});
	return envelope.response as EmployeeFull;
}

/** `PUT people/self/delete`: emails the profile-deletion link to the caller; returns DocSpace's message. */
export async function sendDeletionInstructions(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<string | undefined> {
	const envelope = await callApi<string>(ctx, {
		method: 'PUT',
		path: ['people', 'self', 'delete'],
		error: {
			action: 'send the deletion instructions',
			requiredRole:
				'a user other than the owner (DocSpace sends them to the credential’s own user)',
			itemIndex,
		},
	});
	return envelope.response;
}

/** `PUT security/activeconnections/logoutall/{id}`: ends every session of the user. */
export async function logOutEverywhere(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
): Promise<void> {
	await callApi(ctx, {
		method: 'PUT',
		path: ['security', 'activeconnections', 'logoutall', userId],
		error: { action: 'log the user out', requiredRole: 'a DocSpace admin', itemIndex },
	});
}

/** `GET people/filter` with a query (employeeStatus, employeeType(s), groupId, filterValue, sortBy). */
function usersRequest(qs: IDataObject, action: string, itemIndex?: number): ApiRequest {
	return {
		method: 'GET',
		path: ['people', 'filter'],
		qs,
		error: { action, requiredRole: 'a DocSpace admin or the owner', itemIndex },
	};
}

/** The users matching the query, `limit` of them (undefined: all). */
export async function listUsers(
	ctx: IExecuteFunctions,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex: number,
): Promise<EmployeeFull[]> {
	return await callApiAllPages<EmployeeFull>(ctx, usersRequest(qs, 'list users', itemIndex), limit);
}

/** One page of the users matching the query, for the node's user pickers. */
export async function searchUsersPage(
	ctx: DocSpaceContext,
	qs: IDataObject,
	startIndex: number,
	count: number,
): Promise<Page<EmployeeFull>> {
	return await callApiPage<EmployeeFull>(ctx, usersRequest(qs, 'search users'), startIndex, count);
}
