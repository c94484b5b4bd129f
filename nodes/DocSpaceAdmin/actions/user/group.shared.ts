import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from '../../helpers/validate';

export const groupIdField: INodeProperties = {
	displayName: 'Group ID',
	name: 'groupId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f',
	description: 'The group, e.g. from User → Get Groups',
};

export function readGroupId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireId(
		ctx.getNode(),
		'group',
		ctx.getNodeParameter('groupId', itemIndex),
		'Group ID',
		itemIndex,
	);
}
