import type { IExecuteFunctions } from 'n8n-workflow';

import type { EmployeeFull, EntryDto, ShareDto } from '../../api/dto';
import { SEARCH_AREA, SHARE_FILTER } from '../../api/codes';
import { getSignatureToken, listClients } from '../../api/clients';
import type { GroupDto } from '../../api/groups';
import { getGroup, listGroups } from '../../api/groups';
import { listApiKeys } from '../../api/keys';
import { getSelf } from '../../api/people';
import { getRoomMembers, listRooms, searchRoomsPage } from '../../api/rooms';
import { mapWithLimit } from '../parallel';
import { roomsOwnedBy, roomsWithMember } from '../roomSearches';
import type { UserRef } from '../users';
import { fetchUser } from '../users';
import type { Portal } from './steps/step';

/** A page of rooms, as DocSpace gives them at most. */
const ROOMS_PAGE = 100;
/** Reads only: DocSpace allows far more parallel reads than writes. */
const READS_AT_ONCE = 5;

/**
 * What the plans of one node execution read once for all their leavers: the caller, recipients, the
 * portal's rooms, groups, API keys and OAuth apps. It lives as long as one execution of the node (a
 * Preview or Run of many items) and never longer, so a plan never shows what another run read; each
 * read is made when a plan first needs it, and a failed one fails the same way for every leaver.
 */
export class SharedReads {
	private readonly made = new Map<string, Promise<unknown>>();

	/** `leavers`: how many offboardings the execution plans, to tell which reads pay off shared. */
	constructor(readonly leavers: number) {}

	once<T>(key: string, read: () => Promise<T>): Promise<T> {
		let promise = this.made.get(key) as Promise<T> | undefined;
		if (!promise) {
			promise = read();
			this.made.set(key, promise);
		}
		return promise;
	}
}

/** The execution's shared reads; a plan of its own (one leaver) when the caller gave none. */
export const sharedReads = (portal: Portal): SharedReads => (portal.reads ??= new SharedReads(1));

export const selfOnce = (portal: Portal): Promise<EmployeeFull> =>
	sharedReads(portal).once('self', () => getSelf(portal.ctx, portal.itemIndex));

/** A recipient or successor: the same person for many leavers. */
export const userOnce = (portal: Portal, ref: UserRef, label: string): Promise<EmployeeFull> =>
	sharedReads(portal).once(`user:${JSON.stringify(ref).toLowerCase()}:${label}`, () =>
		fetchUser(portal.ctx, ref, label, portal.itemIndex),
	);

export const groupsOnce = (portal: Portal): Promise<GroupDto[]> =>
	sharedReads(portal).once('groups', () => listGroups(portal.ctx, portal.itemIndex));

export const groupOnce = (portal: Portal, groupId: string): Promise<GroupDto> =>
	sharedReads(portal).once(`group:${groupId}`, () =>
		getGroup(portal.ctx, groupId, portal.itemIndex, true),
	);

export const apiKeysOnce = (portal: Portal) =>
	sharedReads(portal).once('keys', () => listApiKeys(portal.ctx, portal.itemIndex));

/** The portal's OAuth apps: listing them takes the signature token first. */
export async function portalClients(ctx: IExecuteFunctions, itemIndex: number) {
	const signature = await getSignatureToken(ctx, itemIndex);
	return await listClients(ctx, signature, itemIndex);
}

export const clientsOnce = (portal: Portal) =>
	sharedReads(portal).once('clients', () => portalClients(portal.ctx, portal.itemIndex));

export const roomMembersOnce = (portal: Portal, roomId: number): Promise<ShareDto[]> =>
	sharedReads(portal).once(`members:${roomId}`, () =>
		getRoomMembers(portal.ctx, roomId, SHARE_FILTER.USERS_AND_GROUPS, portal.itemIndex),
	);

/**
 * Every room the caller sees, active and archived, when reading them all costs no more pages than
 * there are leavers; `undefined` when searching per leaver is cheaper (always for one leaver).
 */
export const roomsOnce = (portal: Portal): Promise<EntryDto[] | undefined> =>
	sharedReads(portal).once('rooms', async () => {
		const { ctx, itemIndex } = portal;
		if (sharedReads(portal).leavers <= 1) return undefined;
		const first = await searchRoomsPage(ctx, { searchArea: SEARCH_AREA.ANY }, 0, ROOMS_PAGE);
		const total = first.total ?? first.rows.length;
		if (first.rows.length < ROOMS_PAGE || total <= ROOMS_PAGE) return first.rows;
		if (Math.ceil(total / ROOMS_PAGE) > sharedReads(portal).leavers) return undefined;
		const rest = await listRooms(
			ctx,
			{ searchArea: SEARCH_AREA.ANY, startIndex: ROOMS_PAGE },
			undefined,
			itemIndex,
		);
		return [...first.rows, ...rest];
	});

const ownerOf = (room: EntryDto) => (room.ownedBy ?? room.createdBy)?.id;

/** The rooms the user owns, active and archived (what `subjectFilter=Owner` lists). */
export async function ownedRooms(portal: Portal, userId: string): Promise<EntryDto[]> {
	const rooms = await roomsOnce(portal);
	if (rooms) return rooms.filter((room) => ownerOf(room) === userId);
	return await roomsOwnedBy(portal.ctx, userId, portal.itemIndex);
}

/**
 * The rooms the user is a member of, owned ones included (what `subjectFilter=Member` lists). With
 * more leavers than rooms, every room's members are read once instead of one search per leaver.
 */
export async function memberRooms(portal: Portal, userId: string): Promise<EntryDto[]> {
	const rooms = await roomsOnce(portal);
	const members =
		rooms && rooms.length < sharedReads(portal).leavers
			? await sharedReads(portal).once('allMembers', () => everyRoomsMembers(portal, rooms))
			: undefined;
	if (rooms && members)
		return rooms.filter((room, i) => members[i].some((share) => share.sharedToUser?.id === userId));
	return await roomsWithMember(portal.ctx, userId, portal.itemIndex);
}

/** Each room's members, in the rooms' order; `undefined` when one of them may not be read. */
async function everyRoomsMembers(
	portal: Portal,
	rooms: EntryDto[],
): Promise<ShareDto[][] | undefined> {
	const lists = await mapWithLimit(rooms.length, READS_AT_ONCE, (i) =>
		roomMembersOnce(portal, rooms[i].id),
	);
	return lists.some((list) => list instanceof Error) ? undefined : (lists as ShareDto[][]);
}
