import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EntryDto, FileOperation, ShareDto } from './dto';
import type { ApiRequest, DocSpaceContext, Page } from '../transport';
import { callApi, callApiAllPages, callApiPage } from '../transport';
import { folderContentRows, getEntry } from './files';
import { ROOM_SECURITY_ERROR } from './codes';

/** One function per Rooms call; operations and the offboarding flow share them. */

const ROOM_ROLE = 'a DocSpace admin or room admin who is the room’s owner or a room manager in it';

export async function getRoom(
	ctx: IExecuteFunctions,
	roomId: string | number,
	itemIndex: number,
): Promise<EntryDto> {
	return await getEntry(ctx, ['files', 'rooms', roomId], {
		action: 'get the room',
		notFound: `No room has the ID ${roomId}`,
		itemIndex,
	});
}

/** `GET files/rooms` with its filters (searchArea, subjectId, subjectFilter, filterValue…). */
function roomsRequest(qs: IDataObject, action: string, itemIndex?: number): ApiRequest {
	return { method: 'GET', path: ['files', 'rooms'], qs, error: { action, itemIndex } };
}

/** The rooms matching the filters, `limit` of them (undefined: all). */
export async function listRooms(
	ctx: IExecuteFunctions,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex: number,
): Promise<EntryDto[]> {
	const request = roomsRequest(qs, 'list rooms', itemIndex);
	return await callApiAllPages(ctx, request, limit, folderContentRows);
}

/** One page of the rooms matching the filters, for the node's room picker. */
export async function searchRoomsPage(
	ctx: DocSpaceContext,
	qs: IDataObject,
	startIndex: number,
	count: number,
): Promise<Page<EntryDto>> {
	return await callApiPage(
		ctx,
		roomsRequest(qs, 'search rooms'),
		startIndex,
		count,
		folderContentRows,
	);
}

/** ShareFilterType of `GET files/rooms/{id}/share`: 0 users and groups, 16 users, 32 groups. */
export async function getRoomMembers(
	ctx: IExecuteFunctions,
	roomId: string | number,
	filterType: number,
	itemIndex: number,
): Promise<ShareDto[]> {
	return await callApiAllPages<ShareDto>(ctx, {
		method: 'GET',
		path: ['files', 'rooms', roomId, 'share'],
		qs: { filterType },
		error: {
			action: 'list the room’s members',
			notFound: `No room has the ID ${roomId}`,
			itemIndex,
		},
	});
}

/** DocSpace kept the members because one to remove holds a form-filling role (RoomSecurityError). */
export class FormRoleBlocksRemoval extends NodeOperationError {}

interface RoomSecurity {
	members?: ShareDto[];
	error?: number;
	warning?: string;
}

/**
 * `PUT files/rooms/{id}/share`: sets (access 0 removes) room members. DocSpace skips invitees it
 * will not add (e.g. disabled users) without an error, so the answer lists only those it changed.
 */
export async function setRoomAccess(
	ctx: IExecuteFunctions,
	roomId: string | number,
	invitations: Array<{ id: string; access: number }>,
	options: { notify?: boolean; message?: string; force?: boolean },
	itemIndex: number,
): Promise<ShareDto[]> {
	const body: IDataObject = {
		invitations,
		notify: options.notify ?? false,
		force: options.force ?? false,
	};
	if (options.notify && options.message) body.message = options.message;
	const envelope = await callApi<RoomSecurity>(ctx, {
		method: 'PUT',
		path: ['files', 'rooms', roomId, 'share'],
		body,
		error: {
			action: 'change the room’s members',
			requiredRole: ROOM_ROLE,
			notFound: `No room has the ID ${roomId}`,
			itemIndex,
		},
	});
	if (envelope.response?.error === ROOM_SECURITY_ERROR.FORM_ROLE_BLOCKING_DELETION) {
		throw new FormRoleBlocksRemoval(
			ctx.getNode(),
			`DocSpace kept the room’s members unchanged [item ${itemIndex}]`,
			{
				description:
					'A member to remove holds a role in a form-filling process. Turn on "Remove Even Form Fillers" to remove them anyway.',
				itemIndex,
			},
		);
	}
	return envelope.response?.members ?? [];
}

/** `POST files/rooms`: the caller becomes the room's owner. */
export async function createRoom(
	ctx: IExecuteFunctions,
	title: string,
	roomType: number,
	itemIndex: number,
): Promise<EntryDto> {
	const envelope = await callApi<EntryDto>(ctx, {
		method: 'POST',
		path: ['files', 'rooms'],
		body: { title, roomType },
		error: { action: 'create the room', requiredRole: 'a DocSpace admin or room admin', itemIndex },
	});
	return envelope.response as EntryDto;
}

/** `PUT files/rooms/{id}/archive|unarchive`: a file operation that moves the room. */
export async function startRoomArchiving(
	ctx: IExecuteFunctions,
	roomId: string | number,
	direction: 'archive' | 'unarchive',
	itemIndex: number,
): Promise<FileOperation> {
	const envelope = await callApi<FileOperation>(ctx, {
		method: 'PUT',
		path: ['files', 'rooms', roomId, direction],
		body: { deleteAfter: false },
		error: { action: `${direction} the room`, requiredRole: ROOM_ROLE, itemIndex },
	});
	return envelope.response as FileOperation;
}

/** `POST files/owner`: DocSpace refuses rooms in the Archive. */
export async function changeRoomOwner(
	ctx: IExecuteFunctions,
	roomId: number,
	userId: string,
	itemIndex: number,
): Promise<EntryDto[]> {
	const envelope = await callApi<EntryDto[]>(ctx, {
		method: 'POST',
		path: ['files', 'owner'],
		body: { folderIds: [roomId], userId },
		error: {
			action: 'change the room’s owner',
			requiredRole: 'a DocSpace admin or the room’s owner',
			itemIndex,
		},
	});
	return envelope.response ?? [];
}
