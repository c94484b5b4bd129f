import { readFileSync } from 'fs';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IPinData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypes } from './nodeTypes';

export interface WorkflowFile extends IWorkflowBase {
	pinData?: IPinData;
}

export interface WorkflowRun {
	run: IRun;
	/** Output items of each node that ran (first run, first output). */
	output: Record<string, INodeExecutionData[]>;
	/** Error of each node that failed. */
	errors: Record<string, IDataObject>;
	/** The pinned data that was used as expectations (not run). */
	expected: IPinData;
	credentials: TestCredentialsHelper;
}

let executionCounter = 0;

export function makeWorkflow(workflowData: WorkflowFile): Workflow {
	return new Workflow({
		id: workflowData.id ?? 'test',
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		staticData: {},
		settings: workflowData.settings ?? {},
	});
}

/** The minimum of n8n's additional data that WorkflowExecute and the node contexts use. */
export function makeAdditionalData(
	credentials: TestCredentialsHelper,
	workflowData: WorkflowFile,
): IWorkflowExecuteAdditionalData {
	const executionId = String(++executionCounter);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		...workflowData,
		pinData: undefined,
	});
	return {
		hooks,
		credentialsHelper: credentials,
		executionId,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		currentNodeExecutionIndex: 0,
		variables: {},
		userId: 'test-user',
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export function loadWorkflow(file: string): WorkflowFile {
	return JSON.parse(readFileSync(file, 'utf8')) as WorkflowFile;
}

function isTrigger(node: INode): boolean {
	return node.type === 'n8n-nodes-base.manualTrigger';
}

/**
 * Runs a workflow through n8n-core's WorkflowExecute, as n8n does for a manual
 * run. Pinned data on the trigger is its input; pinned data on other nodes is
 * the expected output, removed before the run (n8n would skip a pinned node).
 */
export async function runWorkflow(
	workflowData: WorkflowFile,
	credentialStore: Record<string, ICredentialDataDecryptedObject>,
): Promise<WorkflowRun> {
	const pinData: IPinData = {};
	const expected: IPinData = {};
	for (const [name, items] of Object.entries(workflowData.pinData ?? {})) {
		const node = workflowData.nodes.find((n) => n.name === name);
		if (node && isTrigger(node)) pinData[name] = items;
		else expected[name] = items;
	}

	const workflow = makeWorkflow(workflowData);
	const credentials = new TestCredentialsHelper(credentialStore);
	const additionalData = makeAdditionalData(credentials, workflowData);

	const workflowExecute = new WorkflowExecute(additionalData, 'manual');
	const run = await workflowExecute.run({ workflow, pinData });

	const output: Record<string, INodeExecutionData[]> = {};
	const errors: Record<string, IDataObject> = {};
	for (const [name, taskData] of Object.entries(run.data.resultData.runData)) {
		const task = taskData[0];
		output[name] = task?.data?.main?.[0] ?? [];
		if (task?.error) errors[name] = JSON.parse(JSON.stringify(task.error)) as IDataObject;
	}
	return { run, output, errors, expected, credentials };
}

/** Output items as plain JSON, the way pinData stores them. */
export function jsonOf(items: INodeExecutionData[] | undefined): IDataObject[] {
	return (items ?? []).map((item) => item.json);
}

/** A Manual Trigger feeding one DocSpace Admin node with the given parameters. */
export function singleNodeWorkflow(
	parameters: Record<string, unknown>,
	input: IDataObject[] = [{}],
	options: { continueOnFail?: boolean; asAgentTool?: boolean } = {},
): WorkflowFile {
	return {
		id: 'single-node',
		name: 'single node',
		active: false,
		nodes: [
			{
				parameters: {},
				id: 'a0000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
			{
				parameters: parameters as never,
				id: 'a0000000-0000-4000-8000-000000000002',
				name: 'DocSpace Admin',
				// The tool variant n8n makes of a `usableAsTool` node, as an AI agent calls it.
				type: `n8n-nodes-docspace-admin.docSpaceAdmin${options.asAgentTool ? 'Tool' : ''}`,
				typeVersion: 1,
				position: [220, 0],
				credentials: { docSpaceApi: { id: 'docSpaceApi', name: 'DocSpace account' } },
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: {
			Start: { main: [[{ node: 'DocSpace Admin', type: 'main' as never, index: 0 }]] },
		},
		pinData: { Start: input.map((json) => ({ json })) },
		settings: { executionOrder: 'v1' },
	} as unknown as WorkflowFile;
}
