import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { EmployeeFull } from '../api/dto';
import type { Envelope } from '../transport';
import { callApi } from '../transport';

const PAGE = 50;

async function searchPeople(
	ctx: ILoadOptionsFunctions,
	qs: IDataObject,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const startIndex = Number(paginationToken ?? 0) || 0;
	const query: IDataObject = { ...qs, count: PAGE, startIndex, sortBy: 'displayname' };
	if (filter?.trim()) query.filterValue = filter.trim();
	const page = (await callApi(ctx, {
		method: 'GET',
		path: ['people', 'filter'],
		qs: query,
		error: { action: 'search users', requiredRole: 'a DocSpace admin or the owner' },
	})) as Envelope<EmployeeFull[]>;
	const users = page.response ?? [];
	const next = startIndex + users.length;
	const more = page.total !== undefined ? next < page.total : users.length === PAGE;
	return {
		results: users.map((user) => ({
			name: user.email
				? `${user.displayName ?? user.email} (${user.email})`
				: (user.displayName ?? user.id),
			value: user.id,
			url: user.profileUrl,
		})),
		paginationToken: more ? String(next) : undefined,
	};
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPeople(this, {}, filter, paginationToken);
}

/** Disabled users: the ones that can be deleted or have their data reassigned or removed. */
export async function searchDisabledUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPeople(this, { employeeStatus: 2 }, filter, paginationToken);
}

/** Active DocSpace admins and room admins: the ones that can receive rooms and data. */
export async function searchAdmins(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPeople(
		this,
		{ employeeStatus: 1, employeeTypes: [1, 3] },
		filter,
		paginationToken,
	);
}

/** Rooms, active and archived, searched by name on the server. */
export async function searchRooms(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const startIndex = Number(paginationToken ?? 0) || 0;
	const qs: IDataObject = { searchArea: 2, count: PAGE, startIndex };
	if (filter?.trim()) qs.filterValue = filter.trim();
	const page = (await callApi(this, {
		method: 'GET',
		path: ['files', 'rooms'],
		qs,
		error: { action: 'search rooms' },
	})) as Envelope<{
		folders?: Array<{ id: number; title: string; rootFolderType?: number }>;
		total?: number;
	}>;
	const rooms = page.response?.folders ?? [];
	const next = startIndex + rooms.length;
	return {
		results: rooms.map((room) => ({
			name: room.rootFolderType === 20 ? `${room.title} (archived)` : room.title,
			value: String(room.id),
		})),
		paginationToken: next < (page.response?.total ?? 0) ? String(next) : undefined,
	};
}
