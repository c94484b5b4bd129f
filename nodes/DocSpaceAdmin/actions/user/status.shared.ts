import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { EMPLOYEE_STATUS } from '../../api/codes';
import type { StatusRequest } from '../../helpers/statusBatch';
import { changeStatusOfItems } from '../../helpers/statusBatch';
import { simplifyUser } from '../../helpers/users';
import { batchOption, outputOption, userLocator, showOnlyFor } from '../common.descriptions';
import { readOutput, readUserLocator } from '../parameters';

/** An item's user and output choice, or the error its parameters gave (that item's result). */
function readRequest(ctx: IExecuteFunctions, itemIndex: number): StatusRequest | Error {
	try {
		const user = readUserLocator(ctx, 'user', 'User', itemIndex);
		return { itemIndex, user, output: readOutput(ctx, itemIndex, simplifyUser) };
	} catch (error) {
		return error as Error;
	}
}

/** "Send Together": the first item decides for all. */
function sendTogether(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('options.sendTogether', itemIndex, true) as boolean;
}

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
			const request = readRequest(this, itemIndex);
			const together = sendTogether(this, itemIndex);
			const [result] = await changeStatusOfItems(this, [request], status, together);
			if (result instanceof Error) throw result;
			return result;
		},
		async executeBatch(
			this: IExecuteFunctions,
			itemIndices: number[],
		): Promise<Array<IDataObject[] | Error>> {
			const requests = itemIndices.map((itemIndex) => readRequest(this, itemIndex));
			const together = sendTogether(this, itemIndices[0] ?? 0);
			return await changeStatusOfItems(this, requests, status, together);
		},
	};
}
