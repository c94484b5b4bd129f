import type { IExecuteFunctions, INodeType, INodeTypeDescription, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

import { DocSpaceAdmin } from '../../nodes/DocSpaceAdmin/DocSpaceAdmin.node';
import { DocSpaceAdminTrigger } from '../../nodes/DocSpaceAdminTrigger/DocSpaceAdminTrigger.node';

/** Stands in for n8n-nodes-base's Manual Trigger, which passes its (pinned) items on. */
class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'When clicking ‘Execute workflow’',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions) {
		return [this.getInputData()];
	}
}

export const PACKAGE = 'n8n-nodes-docspace-admin';

const types: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	[`${PACKAGE}.docSpaceAdmin`]: new DocSpaceAdmin(),
	[`${PACKAGE}.docSpaceAdminTrigger`]: new DocSpaceAdminTrigger(),
};

export const nodeTypes: INodeTypes = {
	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType = types[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	},
	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	},
	getKnownTypes() {
		return {};
	},
};
