import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { insertFile } from '../../../api/files';
import type { StepReport } from '../run';
import type { ReportFile } from '../report';
import { reportFiles } from '../report';
import type { Step } from './step';

/** Uploads report files into a folder; what DocSpace made of each (id, title, link). */
export async function storeFiles(
	ctx: IExecuteFunctions,
	folderId: string | number,
	files: ReportFile[],
	itemIndex: number,
): Promise<IDataObject[]> {
	const stored: IDataObject[] = [];
	for (const file of files) {
		const entry = await insertFile(
			ctx,
			folderId,
			file.fileName,
			Buffer.from(file.content, 'utf8'),
			file.mimeType,
			itemIndex,
		);
		stored.push({ id: entry.id, title: entry.title, webUrl: entry.webUrl as string | undefined });
	}
	return stored;
}

const NO_ARCHIVE_ROOM =
	'Nowhere to store the report: this offboarding has no archive room. Enter a Workspace Folder ID, or store the report in a folder.';

/**
 * Before the archive room goes to DocSpace's Archive, which accepts no new file (FileSecurity,
 * FolderType.Archive; FileUploader.GetFolderIdAsync). A rerun adds a version of the same files:
 * an existing title becomes a new version unless `createNewIfExist` (FileUploader.ExecAsync).
 */
export const storeReport = {
	name: 'storeReport',
	title: 'Store the report (CSV and HTML) in the archive room or a folder',
	destructive: false,
	settings: ['report'],
	plan({ settings, archive }) {
		const target = settings.report;
		if (!target || target.storeIn === 'nowhere') return { status: 'skipped', detail: 'Not chosen' };
		if (target.storeIn === 'folder' && target.withRun)
			return {
				status: 'skipped',
				detail: `Stored with the report of the whole run, in the folder ${target.folderId}`,
			};
		if (target.storeIn === 'folder')
			return { status: 'pending', detail: `Store the report in the folder ${target.folderId}` };
		if (!archive.room)
			return { status: 'skipped', detail: 'No archive room', blockers: [NO_ARCHIVE_ROOM] };
		if (archive.room.archived)
			return {
				status: 'skipped',
				detail: `"${archive.room.title}" is in DocSpace’s Archive, which accepts no new file`,
				warnings: [
					`The report cannot be stored in "${archive.room.title}": it is in DocSpace’s Archive. Store it in a folder, or restore the room first.`,
				],
			};
		return { status: 'pending', detail: `Store the report in "${archive.room.title}"` };
	},
	async run({ ctx, itemIndex }, state) {
		const target = state.settings.report!;
		const folderId = target.storeIn === 'folder' ? target.folderId : state.archive.room?.id;
		if (folderId === undefined) {
			state.storedReport = {
				error: 'The archive room was not created, so the report was not stored',
			};
			throw new Error(String(state.storedReport.error));
		}
		const { report, steps } = state.progress!();
		const { csv, html } = reportFiles(
			report,
			steps as unknown as StepReport[],
			new Date(),
			ctx.getTimezone(),
		);
		try {
			const stored = await storeFiles(ctx, folderId, [csv, html], itemIndex);
			state.storedReport = { folderId: Number(folderId), files: stored };
			return `Report stored: ${stored.map((f) => `"${String(f.title)}"`).join(', ')}`;
		} catch (error) {
			state.storedReport = { folderId: Number(folderId), error: (error as Error).message };
			throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		}
	},
} satisfies Step<'storeReport'>;
