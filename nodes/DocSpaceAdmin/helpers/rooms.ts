import type { IExecuteFunctions } from 'n8n-workflow';

import type { EntryDto } from '../api/dto';
import { entryIdFromParameter } from './entries';
import { getRoom } from '../api/rooms';

/** The room the node's Room locator points to. */
export async function fetchRoom(this: IExecuteFunctions, itemIndex: number): Promise<EntryDto> {
	return await getRoom(
		this,
		entryIdFromParameter(this, 'room', 'room', 'Room', itemIndex),
		itemIndex,
	);
}
