import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { EMPLOYEE_STATUS } from '../../api/codes';
import { changeStatusOfItems } from '../../helpers/statusBatch';
import { batchOption, outputOption, userLocator, showOnlyFor } from '../common.descriptions';

/** Disable and Enable differ only in the status they set. */
export function statusOperation(
	operation: 'disable' | 'enable',
	status: typeof EMPLOYEE_STATUS.ACTIVE | typeof EMPLOYEE_STATUS.TERMINATED,
	help: string,
) {
	return {
		description: showOnlyFor('user', operation, [
			userLocator('User', { description: help }),
			outputOption,
			batchOption(operation),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const [result] = await changeStatusOfItems(this, [itemIndex], status);
			if (result instanceof Error) throw result;
			return result;
		},
		async executeBatch(
			this: IExecuteFunctions,
			itemIndices: number[],
		): Promise<Array<IDataObject[] | Error>> {
			return await changeStatusOfItems(this, itemIndices, status);
		},
	};
}
