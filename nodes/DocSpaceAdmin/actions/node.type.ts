import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Every operation module exports its UI properties and a per-item execute. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
}
