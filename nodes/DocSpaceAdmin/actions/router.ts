import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { checkedParameters, requireExactParameters } from './exactParameters';
import type { OperationModule, OperationOutput } from './node.type';
import { ItemsWithFiles } from './node.type';
import * as audit from './audit/Audit.resource';
import * as dataRemoval from './dataRemoval/DataRemoval.resource';
import * as folder from './folder/Folder.resource';
import * as offboarding from './offboarding/Offboarding.resource';
import * as personalFolder from './personalFolder/PersonalFolder.resource';
import * as reassignment from './reassignment/Reassignment.resource';
import * as room from './room/Room.resource';
import * as user from './user/User.resource';
import { properties } from './versionDescription';

const resources: Record<string, Record<string, unknown>> = {
	user,
	reassignment,
	dataRemoval,
	personalFolder,
	folder,
	room,
	audit,
	offboarding,
};

function operationModule(
	ctx: IExecuteFunctions,
	resource: string,
	operation: string,
): OperationModule {
	const candidate = resources[resource]?.[operation] as Partial<OperationModule> | undefined;
	if (typeof candidate?.execute !== 'function') {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
			{
				description: 'Pick a resource and an operation from the lists in the node.',
			},
		);
	}
	return candidate as OperationModule;
}

/**
 * Runs the chosen operation for every input item — one by one, or all at once for
 * operations that batch — keeping pairedItem and honouring continueOnFail.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	// Resource and operation cannot come from expressions, so item 0 decides for all.
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = operationModule(this, resource, operation);

	const succeed = (results: OperationOutput, itemIndex: number) =>
		output.push(
			...this.helpers.constructExecutionMetaData(
				results instanceof ItemsWithFiles ? results.items : this.helpers.returnJsonArray(results),
				{
					itemData: { item: itemIndex },
				},
			),
		);
	const fail = (error: Error & { description?: string | null }, itemIndex: number) => {
		if (this.continueOnFail()) {
			output.push({
				json: { error: error.message, description: error.description ?? undefined },
				pairedItem: { item: itemIndex },
			});
			return;
		}
		if (error instanceof NodeApiError)
			throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		throw new NodeOperationError(this.getNode(), error, { itemIndex });
	};

	const exact = checkedParameters(properties, this.getNode().parameters, resource, operation);
	const checked = (itemIndex: number) => requireExactParameters(this, exact, itemIndex);

	if (module.executeBatch) {
		const valid: number[] = [];
		items.forEach((_, itemIndex) => {
			try {
				checked(itemIndex);
				valid.push(itemIndex);
			} catch (error) {
				fail(error as Error, itemIndex);
			}
		});
		const results = valid.length ? await module.executeBatch.call(this, valid) : [];
		results.forEach((result, position) =>
			result instanceof Error ? fail(result, valid[position]) : succeed(result, valid[position]),
		);
		return [valid.length === items.length ? output : sortedByItem(output)];
	}
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			checked(itemIndex);
			succeed(await module.execute.call(this, itemIndex), itemIndex);
		} catch (error) {
			fail(error, itemIndex);
		}
	}
	return [output];
}

/** Outputs in the order of their input items, as n8n shows them. */
function sortedByItem(output: INodeExecutionData[]): INodeExecutionData[] {
	const itemOf = (entry: INodeExecutionData) => {
		const paired = Array.isArray(entry.pairedItem) ? entry.pairedItem[0] : entry.pairedItem;
		return typeof paired === 'number' ? paired : (paired?.item ?? 0);
	};
	return output
		.map((entry, order) => ({ entry, order }))
		.sort((a, b) => itemOf(a.entry) - itemOf(b.entry) || a.order - b.order)
		.map(({ entry }) => entry);
}
