import type { IExecuteFunctions } from 'n8n-workflow';

import { SEARCH_AREA, SUBJECT_FILTER } from '../api/codes';
import type { EntryDto } from '../api/dto';
import { listRooms } from '../api/rooms';

/** Every room, active and archived, that the user is the subject of in the filter's sense. */
async function roomsOf(
	ctx: IExecuteFunctions,
	subjectFilter: number,
	userId: string,
	itemIndex: number,
): Promise<EntryDto[]> {
	return await listRooms(
		ctx,
		{ subjectId: userId, subjectFilter, searchArea: SEARCH_AREA.ANY },
		undefined,
		itemIndex,
	);
}

/** The rooms a user owns, active and archived. */
export const roomsOwnedBy = (ctx: IExecuteFunctions, userId: string, itemIndex: number) =>
	roomsOf(ctx, SUBJECT_FILTER.OWNER, userId, itemIndex);

/** The rooms a user is a member of, owned ones included, active and archived. */
export const roomsWithMember = (ctx: IExecuteFunctions, userId: string, itemIndex: number) =>
	roomsOf(ctx, SUBJECT_FILTER.MEMBER, userId, itemIndex);
