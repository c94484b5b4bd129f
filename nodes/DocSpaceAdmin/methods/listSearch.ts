import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { EMPLOYEE_STATUS, EMPLOYEE_TYPE, FOLDER_TYPE, SEARCH_AREA } from '../api/codes';
import { searchUsersPage } from '../api/people';
import { searchRoomsPage } from '../api/rooms';

const PAGE = 50;

async function searchPeople(
	ctx: ILoadOptionsFunctions,
	qs: IDataObject,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const startIndex = Number(paginationToken ?? 0) || 0;
	const query: IDataObject = { ...qs, sortBy: 'displayname' };
	if (filter?.trim()) query.filterValue = filter.trim();
	const page = await searchUsersPage(ctx, query, startIndex, PAGE);
	const users = page.rows;
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

/** A list search (bound to n8n's load-options context) over the users `qs` selects. */
function peopleSearch(qs: IDataObject) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchPeople(this, qs, filter, paginationToken);
	};
}

export const searchUsers = peopleSearch({});

/** Disabled users: the ones that can be deleted or have their data reassigned or removed. */
export const searchDisabledUsers = peopleSearch({ employeeStatus: EMPLOYEE_STATUS.TERMINATED });

/** Active DocSpace admins and room admins: the ones that can receive rooms and data. */
export const searchAdmins = peopleSearch({
	employeeStatus: EMPLOYEE_STATUS.ACTIVE,
	employeeTypes: [EMPLOYEE_TYPE.ROOM_ADMIN, EMPLOYEE_TYPE.DOCSPACE_ADMIN],
});

/** Rooms, active and archived, searched by name on the server. */
export async function searchRooms(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const startIndex = Number(paginationToken ?? 0) || 0;
	const qs: IDataObject = { searchArea: SEARCH_AREA.ANY };
	if (filter?.trim()) qs.filterValue = filter.trim();
	const page = await searchRoomsPage(this, qs, startIndex, PAGE);
	const rooms = page.rows;
	const next = startIndex + rooms.length;
	return {
		results: rooms.map((room) => ({
			name:
				room.rootFolderType === FOLDER_TYPE.ARCHIVE
					? `${room.title} (archived)`
					: (room.title ?? String(room.id)),
			value: String(room.id),
		})),
		paginationToken: next < (page.total ?? 0) ? String(next) : undefined,
	};
}
