import type { IDataObject } from 'n8n-workflow';

import type { FileOperation } from '../api/dto';
import { TASK_STATUS_NAMES } from './names';
import { FILE_OPERATION, TASK_STATUS } from '../api/codes';

const OPERATION_NAMES: Record<number, string> = {
	[FILE_OPERATION.MOVE]: 'move',
	[FILE_OPERATION.COPY]: 'copy',
	[FILE_OPERATION.DELETE]: 'delete',
	3: 'download',
	4: 'markAsRead',
	5: 'import',
	6: 'convert',
	7: 'duplicate',
};

export function isFileOperationFinished(op: FileOperation): boolean {
	return op.finished === true || (op.status !== undefined && op.status >= TASK_STATUS.COMPLETED);
}

/** A FileOperationDto as the node outputs it. */
export function describeFileOperation(op: FileOperation): IDataObject {
	const done = isFileOperationFinished(op);
	return {
		operationId: op.id,
		operation: OPERATION_NAMES[op.Operation ?? -1] ?? op.Operation,
		status:
			op.status === undefined
				? done
					? 'completed'
					: 'running'
				: (TASK_STATUS_NAMES[op.status] ?? op.status),
		progress: done ? 100 : (op.progress ?? 0),
		finished: done,
		processed: op.processed === undefined ? undefined : Number(op.processed),
		error: op.error ?? '',
	};
}
