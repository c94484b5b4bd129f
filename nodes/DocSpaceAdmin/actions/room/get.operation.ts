import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyEntry } from '../../helpers/entries';
import { outputOption, roomLocator, showOnlyFor } from '../common.descriptions';
import { fetchRoomFromLocator, readOutput } from '../parameters';

const properties: INodeProperties[] = [roomLocator(), outputOption];

export const description = showOnlyFor('room', 'get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const output = readOutput(this, itemIndex, simplifyEntry);
	return [output(await fetchRoomFromLocator(this, itemIndex))];
}
