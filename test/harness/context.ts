import { ExecuteContext, LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { PACKAGE } from './nodeTypes';
import { makeAdditionalData, makeWorkflow } from './runWorkflow';

function singleNode(parameters: INodeParameters): INode {
	return {
		id: 'a1b2c3d4-0000-4000-8000-000000000001',
		name: 'DocSpace Admin',
		type: `${PACKAGE}.docSpaceAdmin`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { docSpaceApi: { id: 'docSpaceApi', name: 'DocSpace account' } },
	};
}

/**
 * A real n8n-core execution context for one DocSpace Admin node, so helpers such
 * as the transport and the poller run with n8n's own request and auth plumbing.
 */
export function executeContext(
	credentialStore: Record<string, ICredentialDataDecryptedObject>,
	options: {
		parameters?: INodeParameters;
		items?: INodeExecutionData[];
		abortSignal?: AbortSignal;
	} = {},
) {
	const node = singleNode(options.parameters ?? { resource: 'user', operation: 'get' });
	const workflowData = { name: 'unit', nodes: [node], connections: {}, active: false } as never;
	const workflow = makeWorkflow(workflowData);
	const credentials = new TestCredentialsHelper(credentialStore);
	const additionalData = makeAdditionalData(credentials, workflowData);
	const items = options.items ?? [{ json: {} }];
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		createRunExecutionData(),
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
		options.abortSignal,
	);
	return { context, credentials };
}

export function loadOptionsContext(
	credentialStore: Record<string, ICredentialDataDecryptedObject>,
	options: { parameters?: INodeParameters; credentials?: INode['credentials'] } = {},
) {
	const node = singleNode(options.parameters ?? { resource: 'user', operation: 'get' });
	if (options.credentials) node.credentials = options.credentials;
	const workflowData = { name: 'unit', nodes: [node], connections: {}, active: false } as never;
	const credentials = new TestCredentialsHelper(credentialStore);
	return new LoadOptionsContext(
		makeWorkflow(workflowData),
		node,
		makeAdditionalData(credentials, workflowData),
		'parameters.user',
	);
}
