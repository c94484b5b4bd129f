import type { INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { DocSpaceAdmin } from '../../nodes/DocSpaceAdmin/DocSpaceAdmin.node';
import { DocSpaceAdminTrigger } from '../../nodes/DocSpaceAdminTrigger/DocSpaceAdminTrigger.node';

export const PACKAGE = 'n8n-nodes-docspace-admin';

/** The n8n core nodes the tests and templates use, loaded from n8n-nodes-base itself. */
const BASE_NODES: Record<string, string> = {
	manualTrigger: 'ManualTrigger/ManualTrigger.node.js',
	webhook: 'Webhook/Webhook.node.js',
	scheduleTrigger: 'Schedule/ScheduleTrigger.node.js',
	set: 'Set/Set.node.js',
	if: 'If/If.node.js',
	filter: 'Filter/Filter.node.js',
	aggregate: 'Transform/Aggregate/Aggregate.node.js',
	wait: 'Wait/Wait.node.js',
	stopAndError: 'StopAndError/StopAndError.node.js',
	emailSend: 'EmailSend/EmailSend.node.js',
	httpRequest: 'HttpRequest/HttpRequest.node.js',
	stickyNote: 'StickyNote/StickyNote.node.js',
	respondToWebhook: 'RespondToWebhook/RespondToWebhook.node.js',
	formTrigger: 'Form/FormTrigger.node.js',
	convertToFile: 'Files/ConvertToFile/ConvertToFile.node.js',
	extractFromFile: 'Files/ExtractFromFile/ExtractFromFile.node.js',
	splitOut: 'Transform/SplitOut/SplitOut.node.js',
};

const types: Record<string, INodeType | IVersionedNodeType> = {
	[`${PACKAGE}.docSpaceAdmin`]: new DocSpaceAdmin(),
	// n8n's tool variant of a `usableAsTool` node runs the same node under a type ending in "Tool".
	[`${PACKAGE}.docSpaceAdminTool`]: new DocSpaceAdmin(),
	[`${PACKAGE}.docSpaceAdminTrigger`]: new DocSpaceAdminTrigger(),
};

function baseNode(name: string): INodeType | IVersionedNodeType | undefined {
	const file = BASE_NODES[name];
	if (!file) return undefined;
	const exports = require(`n8n-nodes-base/dist/nodes/${file}`) as Record<
		string,
		new () => INodeType | IVersionedNodeType
	>;
	return new (Object.values(exports)[0])();
}

export const nodeTypes: INodeTypes = {
	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType =
			types[type] ??
			(type.startsWith('n8n-nodes-base.')
				? baseNode(type.slice('n8n-nodes-base.'.length))
				: undefined);
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return (types[type] = nodeType);
	},
	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	},
	getKnownTypes() {
		return {};
	},
};
