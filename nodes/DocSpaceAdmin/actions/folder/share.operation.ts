import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FOLDER_TYPE, SHARE } from '../../api/codes';
import type { EntryType, Sharing } from '../../api/files';
import { getFile, getFolder, setSharing } from '../../api/files';
import { requireId } from '../../helpers/validate';
import { simplifyShare } from '../../helpers/shares';
import { accessOptions, entryProperties, showOnlyFor } from '../common.descriptions';

/** Access levels for files and folders outside rooms, in the order of DocSpace's sharing dialog. */
const ACCESS_OPTIONS = accessOptions(
	[SHARE.READ_WRITE, SHARE.EDITING, SHARE.REVIEW, SHARE.COMMENT, SHARE.READ, SHARE.RESTRICT],
	'Remove Access',
);

const properties: INodeProperties[] = [
	{
		displayName:
			'Sharing with people and groups works in "My documents". Inside a room DocSpace shares files and folders by link only: manage who sees them with Room → Set Member Access.',
		name: 'shareNotice',
		type: 'notice',
		default: '',
	},
	...entryProperties,
	{
		displayName: 'Share With',
		name: 'shareWith',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Person or Group',
		default: {},
		options: [
			{
				displayName: 'Share',
				name: 'share',
				values: [
					{
						displayName: 'User or Group ID',
						name: 'subjectId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 8a1d4f7e-2c3b-4a5d-8e9f-0b1c2d3e4f5a',
					},
					{
						displayName: 'Access',
						name: 'access',
						type: 'options',
						default: 2,
						options: ACCESS_OPTIONS,
					},
				],
			},
		],
	},
	{
		displayName: 'Notify',
		name: 'notify',
		type: 'boolean',
		default: false,
		description: 'Whether DocSpace emails the people concerned',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		displayOptions: { show: { notify: [true] } },
		description: 'Text added to the notification',
	},
];

export const description = showOnlyFor('folder', 'share', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const entryType = this.getNodeParameter('entryType', itemIndex) as EntryType;
	const entryId = requireId(
		node,
		entryType,
		this.getNodeParameter('entryId', itemIndex),
		'Entry ID',
		itemIndex,
	);
	const rows = ((this.getNodeParameter('shareWith', itemIndex, {}) as IDataObject).share ??
		[]) as IDataObject[];
	if (!rows.length) {
		throw new NodeOperationError(node, `Nobody to share with [item ${itemIndex}]`, {
			description: "Add at least one person or group under 'Share With'.",
			itemIndex,
		});
	}
	const share = rows.map((row) => ({
		shareTo: requireId(node, 'subject', row.subjectId, 'User or Group ID', itemIndex),
		access: Number(row.access),
	}));
	// DocSpace shares entries inside rooms by link only (FileSecurity._availableRoomFileAccesses): refuse before sending.
	const entry =
		entryType === 'folder'
			? await getFolder(this, entryId, 'folder', itemIndex)
			: await getFile(this, entryId, itemIndex);
	if (entry.rootFolderType === FOLDER_TYPE.ROOMS || entry.rootFolderType === FOLDER_TYPE.ARCHIVE) {
		throw new NodeOperationError(
			node,
			`"${entry.title}" is in a room: DocSpace shares it only by link, not with people or groups [item ${itemIndex}]`,
			{
				description:
					'Who sees what is inside a room is decided by the room’s members: use Room → Set Member Access on the room, or move the entry into a room with the right members.',
				itemIndex,
			},
		);
	}
	const notify = this.getNodeParameter('notify', itemIndex, false) as boolean;
	const sharing: Sharing = { share, notify };
	if (notify && this.getNodeParameter('message', itemIndex, ''))
		sharing.sharingMessage = this.getNodeParameter('message', itemIndex) as string;
	return (await setSharing(this, entryType, entryId, sharing, itemIndex)).map(simplifyShare);
}
