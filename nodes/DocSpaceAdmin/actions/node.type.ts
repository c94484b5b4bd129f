import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** Output items that carry files (binary data) besides their JSON. */
export class ItemsWithFiles {
	constructor(readonly items: INodeExecutionData[]) {}
}

export type OperationOutput = IDataObject[] | ItemsWithFiles;

/** Every operation module exports its UI properties and a per-item execute. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput>;
	/**
	 * Optional: handles all input items at once (e.g. one request for many users).
	 * Returns one entry per item, in order: its output, or the error for that item.
	 */
	executeBatch?(
		this: IExecuteFunctions,
		itemIndices: number[],
	): Promise<Array<OperationOutput | Error>>;
}
