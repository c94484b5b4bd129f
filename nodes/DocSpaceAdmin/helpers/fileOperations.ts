import type { IDataObject } from 'n8n-workflow';

import type { FileOperation } from './dto';
import { TASK_STATUS } from './dto';

const OPERATION_NAMES: Record<number, string> = { 0: 'move', 1: 'copy', 2: 'delete', 3: 'download', 4: 'markAsRead', 5: 'import', 6: 'convert', 7: 'duplicate' };

/** A FileOperationDto as the node outputs it. */
export function describeFileOperation(op: FileOperation): IDataObject {
	const done = op.finished === true || (op.status !== undefined && op.status >= 2);
	return {
		operationId: op.id,
		operation: OPERATION_NAMES[op.Operation ?? -1] ?? op.Operation,
		status: op.status === undefined ? (done ? 'completed' : 'running') : (TASK_STATUS[op.status as keyof typeof TASK_STATUS] ?? op.status),
		progress: done ? 100 : (op.progress ?? 0),
		finished: done,
		processed: op.processed === undefined ? undefined : Number(op.processed),
		error: op.error ?? '',
	};
}
