import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getFileOperations } from '../../api/files';
import { describeFileOperation } from '../../helpers/fileOperations';
import { showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Operation ID',
		name: 'operationId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 7c9a1f0e-1b2c-4d3e-9f4a-5b6c7d8e9f00',
		description:
			'The operationId a Move or Archive step returned. DocSpace reports a finished operation once, then forgets it.',
	},
];

export const description = showOnlyFor('folder', 'getOperationStatus', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const operationId = String(this.getNodeParameter('operationId', itemIndex, '')).trim();
	if (!/^[0-9a-f-]{36}$/i.test(operationId)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid value in the parameter 'Operation ID' [item ${itemIndex}]`,
			{
				description: 'Use the operationId output by a Move or Archive step (a GUID).',
				itemIndex,
			},
		);
	}
	const operation = (await getFileOperations(this, operationId, itemIndex)).find(
		(op) => op.id === operationId,
	);
	if (!operation) {
		return [
			{
				operationId,
				status: 'gone',
				note: 'DocSpace no longer lists this operation: it finished and was reported earlier (DocSpace reports a finished operation once, only to the user who started it), expired, or never existed. This is not proof of success: check the destination.',
			},
		];
	}
	return [describeFileOperation(operation)];
}
