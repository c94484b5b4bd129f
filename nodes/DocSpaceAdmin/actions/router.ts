import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OperationModule } from './node.type';
import * as user from './user/User.resource';

const resources: Record<string, Record<string, unknown>> = { user };

function operationModule(ctx: IExecuteFunctions, resource: string, operation: string): OperationModule {
	const candidate = resources[resource]?.[operation] as Partial<OperationModule> | undefined;
	if (typeof candidate?.execute !== 'function') {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
			description: 'Pick a resource and an operation from the lists in the node.',
		});
	}
	return candidate as OperationModule;
}

/** Runs the chosen operation once per input item, keeping pairedItem and continueOnFail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const results = await operationModule(this, resource, operation).execute.call(this, itemIndex);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(results), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({
					json: { error: error.message, description: error.description ?? undefined },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
	return [output];
}
