import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Every operation module exports its UI properties and a per-item execute. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
	/**
	 * Optional: handles all input items at once (e.g. one request for many users).
	 * Returns one entry per item, in order: its output, or the error for that item.
	 */
	executeBatch?(this: IExecuteFunctions, itemIndices: number[]): Promise<Array<IDataObject[] | Error>>;
}
