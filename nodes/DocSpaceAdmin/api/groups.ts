import type { IExecuteFunctions } from 'n8n-workflow';

import { callApi, callApiAllPages } from '../transport';

/** One function per Groups call (products/ASC.People/Server/Api/GroupsController.cs). */

export interface GroupDto {
	id: string;
	name?: string;
	manager?: { id?: string; displayName?: string };
	membersCount?: number;
	/** With `includeMembers`. */
	members?: Array<{ id: string }>;
}

const EDIT_ROLE = 'a DocSpace admin or the owner (DocSpace lets no one else change groups)';

/** `GET group/user/{userid}`: the groups a user is in (disabled users keep theirs). */
export async function getUserGroups(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
): Promise<GroupDto[]> {
	const envelope = await callApi<GroupDto[]>(ctx, {
		method: 'GET',
		path: ['group', 'user', userId],
		error: { action: 'list the user’s groups', itemIndex },
	});
	return envelope.response ?? [];
}

/** `GET group`, every page: the portal's groups, each with its manager (GroupsController.GetGroupsAsync). */
export async function listGroups(ctx: IExecuteFunctions, itemIndex: number): Promise<GroupDto[]> {
	return await callApiAllPages<GroupDto>(ctx, {
		method: 'GET',
		path: ['group'],
		error: { action: 'list the groups', itemIndex },
	});
}

/** `GET group?userId=…&manager=true`: the groups a user manages. */
export async function getManagedGroups(
	ctx: IExecuteFunctions,
	userId: string,
	itemIndex: number,
): Promise<GroupDto[]> {
	return await callApiAllPages<GroupDto>(ctx, {
		method: 'GET',
		path: ['group'],
		qs: { userId, manager: true },
		error: { action: 'list the groups the user manages', itemIndex },
	});
}

export async function getGroup(
	ctx: IExecuteFunctions,
	groupId: string,
	itemIndex: number,
	includeMembers = false,
): Promise<GroupDto> {
	const envelope = await callApi<GroupDto>(ctx, {
		method: 'GET',
		path: ['group', groupId],
		...(includeMembers ? { qs: { includeMembers } } : {}),
		error: { action: 'get the group', notFound: `No group has the ID ${groupId}`, itemIndex },
	});
	return envelope.response as GroupDto;
}

/** `DELETE group/{id}/members`: unknown and non-member ids are skipped; a manager stays manager. */
export async function removeGroupMembers(
	ctx: IExecuteFunctions,
	groupId: string,
	userIds: string[],
	itemIndex: number,
): Promise<GroupDto | undefined> {
	const envelope = await callApi<GroupDto>(ctx, {
		method: 'DELETE',
		path: ['group', groupId, 'members'],
		body: { members: userIds },
		error: {
			action: 'remove the user from the group',
			requiredRole: EDIT_ROLE,
			notFound: `No group has the ID ${groupId}`,
			itemIndex,
		},
	});
	return envelope.response;
}

/**
 * `PUT group/{id}/manager`: DocSpace silently ignores a guest or disabled user (200, no change)
 * and adds a valid one as a member; the previous manager stays a member.
 */
export async function setGroupManager(
	ctx: IExecuteFunctions,
	groupId: string,
	userId: string,
	itemIndex: number,
): Promise<GroupDto | undefined> {
	const envelope = await callApi<GroupDto>(ctx, {
		method: 'PUT',
		path: ['group', groupId, 'manager'],
		body: { userId },
		error: {
			action: 'change the group’s manager',
			requiredRole: EDIT_ROLE,
			notFound: `No group has the ID ${groupId}, or no such user`,
			itemIndex,
		},
	});
	return envelope.response;
}
