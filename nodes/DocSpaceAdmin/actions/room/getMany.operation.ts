import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { SEARCH_AREA, SUBJECT_FILTER } from '../../api/codes';
import { listRooms } from '../../api/rooms';
import { simplifyEntry } from '../../helpers/entries';
import { outputOption, returnAllAndLimit, userLocator, showOnlyFor } from '../common.descriptions';
import { readLimit, readOutput, userIdFromLocator } from '../parameters';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Rooms of a User',
		name: 'subject',
		type: 'options',
		default: 'any',
		options: [
			{ name: 'Any Room', value: 'any' },
			{ name: 'Rooms the User Owns', value: 'owner' },
			{ name: 'Rooms the User Is a Member Of', value: 'member' },
		],
	},
	{ ...userLocator('User'), displayOptions: { hide: { subject: ['any'] } } },
	{
		displayName: 'Area',
		name: 'searchArea',
		type: 'options',
		default: 2, // SEARCH_AREA.ANY; the lint needs a literal here
		options: [
			{ name: 'Active and Archived', value: SEARCH_AREA.ANY },
			{ name: 'Active Rooms', value: SEARCH_AREA.ACTIVE },
			{ name: 'Archived Rooms', value: SEARCH_AREA.ARCHIVE },
		],
	},
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. sales',
		description: 'Text to look for in room names',
	},
	outputOption,
];

export const description = showOnlyFor('room', 'getMany', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const subject = this.getNodeParameter('subject', itemIndex) as string;
	const qs: IDataObject = { searchArea: this.getNodeParameter('searchArea', itemIndex) as number };
	if (subject !== 'any') {
		qs.subjectId = await userIdFromLocator(this, 'user', 'User', itemIndex);
		qs.subjectFilter = subject === 'owner' ? SUBJECT_FILTER.OWNER : SUBJECT_FILTER.MEMBER;
	}
	const search = String(this.getNodeParameter('search', itemIndex, '')).trim();
	if (search) qs.filterValue = search;
	const rooms = await listRooms(this, qs, limit, itemIndex);
	return rooms.map(readOutput(this, itemIndex, simplifyEntry));
}
