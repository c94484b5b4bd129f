import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { entryOutput } from '../../helpers/entries';
import { fetchRoom } from '../../helpers/rooms';
import { outputOption, roomLocator, showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [roomLocator(), outputOption];

export const description = showOnlyFor('room', 'get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return [entryOutput(this, await fetchRoom.call(this, itemIndex), itemIndex)];
}
