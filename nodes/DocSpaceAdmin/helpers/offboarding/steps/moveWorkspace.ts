import { NodeOperationError } from 'n8n-workflow';

import { getFolder, startMove } from '../../../api/files';
import { getRoom } from '../../../api/rooms';
import { roomSpaceShortfall } from '../moveChecks';
import { movedInto } from '../../destination';
import { followOperation } from './jobs';
import type { Step } from './step';
import { ReadBackMismatch } from './step';

export const moveWorkspace = {
	name: 'moveWorkspace',
	title: 'Move the workspace folder into the archive room, and wait',
	destructive: true,
	settings: ['workspaceFolderId'],
	plan({ archive }) {
		if (archive.skipped || !archive.room)
			return { status: 'skipped', detail: archive.skipped ?? 'No archive room' };
		const title = `"${archive.room.title}"`;
		return archive.alreadyMoved
			? { status: 'alreadyDone', detail: `"${archive.workspace!.title}" is already in ${title}` }
			: {
					status: 'pending',
					detail: `Move "${archive.workspace!.title}" into ${title}, and wait`,
					...archive.move,
				};
	},
	async run(portal, { archive }) {
		const { ctx, itemIndex } = portal;
		const workspace = archive.workspace!;
		const roomId = archive.room!.id!;
		// A room made by this run had no quota to read in Preview; the server would refuse the same.
		const shortfall = await roomSpaceShortfall(
			ctx,
			workspace,
			await getRoom(ctx, roomId, itemIndex),
			itemIndex,
		);
		if (shortfall) throw new NodeOperationError(ctx.getNode(), shortfall, { itemIndex });
		const started = await startMove(
			ctx,
			{
				folderIds: [workspace.id],
				fileIds: [],
				destFolderId: roomId,
				conflictResolveType: 'Duplicate',
			},
			itemIndex,
		);
		await followOperation(
			portal,
			started,
			'the move of the workspace',
			movedInto(ctx, [workspace.id], [], roomId, itemIndex),
		);
		return `"${workspace.title}" moved into "${archive.room!.title}"`;
	},
	async verify({ ctx, itemIndex }, { archive }) {
		const workspace = await getFolder(ctx, archive.workspace!.id, 'workspace folder', itemIndex);
		if (workspace.parentId !== archive.room!.id)
			throw new ReadBackMismatch(
				`"${workspace.title}" in folder ${String(workspace.parentId)}, not in the archive room`,
			);
		return `"${workspace.title}" is in "${archive.room!.title}"`;
	},
} satisfies Step<'moveWorkspace'>;
