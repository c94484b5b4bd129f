import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { credentialTypes, TestCredentialsHelper } from './credentialsHelper';
import { makeAdditionalData } from './runWorkflow';

interface RequestError {
	message?: string;
	cause?: { response?: { status?: number; statusText?: string }; code?: string };
}

/**
 * The request-based credential test as n8n's CredentialsTester runs it
 * (packages/cli/src/services/credentials-tester.service.ts, `testCredentials`):
 * a temporary node whose only property routes `test.request`, run by n8n-core's
 * RoutingNode with the decrypted credential; a failure's status is matched
 * against `test.rules`, any other non-2xx reports its status text.
 */
export async function testCredential(
	typeName: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const type = credentialTypes[typeName];
	const test = type.test;
	if (!test) throw new Error(`${typeName} has no test request`);
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [typeName]: { id: 'credential-under-test', name: 'credential under test' } },
	};
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'n8n-nodes-base.noOp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: typeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const workflowData = {
		name: 'credential test',
		nodes: [node],
		connections: {},
		active: false,
	} as never;
	// Like the tester's mockNodeTypes: the temporary node type is the only one.
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = makeAdditionalData(
		new TestCredentialsHelper({ 'credential-under-test': data }),
		workflowData,
	);
	const items: INodeExecutionData[] = [{ json: {} }];
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [items] },
		{ node, data: {}, source: null },
		[],
	);
	try {
		await new RoutingNode(context, nodeType, {
			id: 'credential-under-test',
			name: 'test',
			type: typeName,
			data,
		}).runNode();
	} catch (caught) {
		const error = caught as RequestError;
		const response = error.cause?.response;
		if (response?.status !== undefined) {
			const rule = test.rules?.find(
				(r) => r.type === 'responseCode' && r.properties.value === response.status,
			);
			if (rule) return { status: 'Error', message: rule.properties.message };
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${response.status}`,
			};
		}
		if (error.cause?.code) return { status: 'Error', message: error.cause.code };
		return { status: 'Error', message: String(error.message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
