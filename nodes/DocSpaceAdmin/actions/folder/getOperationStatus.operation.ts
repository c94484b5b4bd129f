import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { FileOperation } from '../../helpers/dto';
import { describeFileOperation } from '../../helpers/fileOperations';
import type { Envelope } from '../../transport';
import { apiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Operation ID',
		name: 'operationId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 7c9a1f0e-1b2c-4d3e-9f4a-5b6c7d8e9f00',
		description: 'The operationId a Move or Archive step returned. DocSpace reports a finished operation once, then forgets it.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['getOperationStatus'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const operationId = String(this.getNodeParameter('operationId', itemIndex, '')).trim();
	if (!/^[0-9a-f-]{36}$/i.test(operationId)) {
		throw new NodeOperationError(this.getNode(), `Invalid value in the parameter 'Operation ID' [item ${itemIndex}]`, {
			description: 'Use the operationId output by a Move or Archive step (a GUID).',
			itemIndex,
		});
	}
	const envelope = (await apiRequest.call(this, {
		method: 'GET',
		path: ['files', 'fileops'],
		qs: { id: operationId },
		error: { action: 'read the file operation', itemIndex },
	})) as Envelope<FileOperation[]>;
	const operation = (envelope.response ?? []).find((op) => op.id === operationId);
	if (!operation) {
		return [{ operationId, status: 'gone', note: 'DocSpace no longer lists this operation: it finished and was reported earlier, or never existed.' }];
	}
	return [describeFileOperation(operation)];
}
