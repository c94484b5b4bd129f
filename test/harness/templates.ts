import { join } from 'path';
import { WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IWebhookData,
	IWebhookFunctions,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Node } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/server';
import {
	APPROVER,
	prepareTemplate,
	sandboxSmtpCredential,
	sandboxTemplateValues,
	type TemplateSettings,
} from '../../sandbox/templates';
import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypes } from './nodeTypes';
import type { WorkflowFile } from './runWorkflow';
import { loadWorkflow, makeAdditionalData, makeWorkflow } from './runWorkflow';
import { sandboxCredentials } from './sandbox';

export const TEMPLATES = join(__dirname, '../../examples/workflows');

export interface HttpCall {
	method: string;
	query?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
	/** Fields of a form submitted as the browser does (multipart/form-data), by n8n's field ids. */
	form?: Record<string, string>;
}

/** What an approver does on a Wait node's approval form: picks the decision (the form's first field) and submits it. */
export const submitDecision = (decision: 'Approve' | 'Decline'): HttpCall => ({
	method: 'POST',
	form: { 'field-0': decision },
});
/** What a chat's link preview or a mail scanner does with the approval link: a plain GET. */
export const OPEN_LINK: HttpCall = { method: 'GET' };

/**
 * One template run through n8n-core the way n8n's server runs it: a trigger's webhook turns a
 * request into items, the engine runs from that trigger, and a Wait node that put the run to
 * sleep is resumed by a call to its resume URL.
 */
export class TemplateRun {
	readonly workflowData: WorkflowFile;
	private readonly workflow;
	private readonly additionalData: IWorkflowExecuteAdditionalData;
	last?: IRun;
	/** What the last resume call's page showed (a Wait node's form), if it rendered one. */
	page?: IDataObject;

	constructor(
		file: string,
		settings: TemplateSettings,
		credentials: Record<string, ICredentialDataDecryptedObject>,
	) {
		this.workflowData = prepareTemplate(
			loadWorkflow(join(TEMPLATES, file)),
			settings,
		) as WorkflowFile;
		this.workflow = makeWorkflow(this.workflowData);
		this.additionalData = makeAdditionalData(
			new TestCredentialsHelper(credentials),
			this.workflowData,
		);
	}

	node(name: string): INode {
		const node = this.workflow.getNode(name);
		if (!node) throw new Error(`The template has no node "${name}"`);
		return node;
	}

	/** What the node's webhook answers to the call: the items it emits and the HTTP status. */
	async callWebhook(
		nodeName: string,
		call: HttpCall,
		resuming = false,
	): Promise<{ result: IWebhookResponseData; status: number; rendered?: IDataObject }> {
		const node = this.node(nodeName);
		const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		// A Wait node on "form" answers on its form webhooks (GET shows the form, POST submits it).
		const isForm = resuming && node.parameters.resume === 'form';
		const candidates = (nodeType.description.webhooks ?? []).filter(
			(w) =>
				Boolean(w.restartWebhook) === resuming &&
				(!isForm || (w.nodeType === 'form' && w.httpMethod === call.method)),
		);
		// Send and Wait nodes resume on GET (the form) and POST (the submitted decision).
		const description = candidates.find((w) => w.httpMethod === call.method) ?? candidates[0];
		if (!description) throw new Error(`"${nodeName}" has no ${resuming ? 'resume ' : ''}webhook`);
		const webhookData = {
			httpMethod: call.method,
			node: node.name,
			path: node.webhookId ?? '',
			webhookDescription: description,
			workflowId: this.workflowData.id,
			workflowExecuteAdditionalData: this.additionalData,
		} as IWebhookData;
		let status = 200;
		let rendered: IDataObject | undefined;
		const response = {
			render: (_view: string, data: IDataObject) => ((rendered = data), response),
			status: (s: number) => ((status = s), response),
			writeHead: (s: number) => ((status = s), response),
			send: () => response,
			end: () => response,
			header: () => response,
			setHeader: () => response,
		};
		const body = call.form ? { data: call.form, files: {} } : (call.body ?? {});
		const contentType = call.form ? 'multipart/form-data' : 'application/json';
		this.additionalData.httpRequest = {
			method: call.method,
			body,
			rawBody: Buffer.from(JSON.stringify(body)),
			contentType,
			headers: { 'content-type': contentType, ...call.headers },
			query: call.query ?? {},
			params: {},
			ip: '127.0.0.1',
			ips: [],
		} as never;
		this.additionalData.httpResponse = response as never;
		const context = new WebhookContext(
			this.workflow,
			node,
			this.additionalData,
			'webhook',
			webhookData,
			[],
			// A resume webhook sees the waiting run (n8n's WaitingWebhooks passes it), so its
			// expressions can read earlier nodes.
			resuming ? (this.last?.data ?? null) : null,
		);
		// As n8n's webhook service does: nodes built on the Node class take the context as an argument.
		const webhookContext = context as unknown as IWebhookFunctions;
		const result =
			nodeType instanceof Node
				? await nodeType.webhook!(webhookContext)
				: await nodeType.webhook!.call(webhookContext);
		return { result, status, rendered };
	}

	/** Runs the workflow from a trigger that emitted these items. */
	async start(
		trigger: string,
		items: INodeExecutionData[] = [{ json: {} }],
		mode: WorkflowExecuteMode = 'webhook',
	): Promise<IRun> {
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: this.node(trigger), data: { main: [items] }, source: null }],
			},
		});
		this.last = await new WorkflowExecute(
			this.additionalData,
			mode,
			runExecutionData,
		).processRunExecutionData(this.workflow);
		return this.last;
	}

	/**
	 * Calls the resume URL of the Wait node the last run stopped at, as the approver's click does.
	 * A call the node answers without resuming (a GET of its form shows the form) leaves the run
	 * waiting, as in n8n; it returns the waiting run and what the page showed (`page`).
	 */
	async resume(call: HttpCall): Promise<IRun> {
		const waiting = this.last?.data;
		const stack = waiting?.executionData?.nodeExecutionStack;
		if (!this.last?.waitTill || !stack?.length) throw new Error('The last run is not waiting');
		const { result, rendered } = await this.callWebhook(stack[0].node.name, call, true);
		this.page = rendered;
		if (result.workflowData === undefined) return this.last;
		stack[0].data.main = result.workflowData as INodeExecutionData[][];
		this.last = await new WorkflowExecute(
			this.additionalData,
			'webhook',
			waiting,
		).processRunExecutionData(this.workflow);
		return this.last;
	}

	/** Output items of a node in the last run (its latest run, first output unless told). */
	output(nodeName: string, outputIndex = 0): IDataObject[] {
		const runs = this.last?.data.resultData.runData[nodeName] ?? [];
		return (runs.at(-1)?.data?.main?.[outputIndex] ?? []).map((item) => item.json);
	}

	ran(nodeName: string): boolean {
		return (this.last?.data.resultData.runData[nodeName]?.length ?? 0) > 0;
	}

	error(): string | undefined {
		return this.last?.data.resultData.error?.message;
	}
}

/** The ids of the templates' DocSpace and mail credentials, as `npm start` imports them. */
export const DOCSPACE_CREDENTIAL = 'docspaceCredential';
const SMTP_CREDENTIAL = 'smtpCredential';

/**
 * A template filled in for the sandbox as an admin does after importing it: the sandbox's people
 * and folders (`values` on top), its DocSpace credential (`apiKey` to use another key) and its mail
 * server; `credentials` adds others by id (the HR webhook's secret, the form login).
 */
export function sandboxTemplate(
	sandbox: Sandbox,
	file: string,
	options: {
		values?: Record<string, string>;
		apiKey?: string;
		headerAuthCredentialId?: string;
		credentials?: Record<string, object>;
	} = {},
): TemplateRun {
	const docSpace = sandboxCredentials(sandbox).docSpaceApi as ICredentialDataDecryptedObject;
	return new TemplateRun(
		file,
		{
			values: { ...sandboxTemplateValues(sandbox), ...options.values },
			credentialId: DOCSPACE_CREDENTIAL,
			smtpCredentialId: SMTP_CREDENTIAL,
			headerAuthCredentialId: options.headerAuthCredentialId,
		},
		{
			[DOCSPACE_CREDENTIAL]: options.apiKey ? { ...docSpace, apiKey: options.apiKey } : docSpace,
			[SMTP_CREDENTIAL]: sandboxSmtpCredential(sandbox),
			...(options.credentials as Record<string, ICredentialDataDecryptedObject>),
		},
	);
}

/** The approval mails the sandbox's approver received, oldest first. */
export const approvalMails = (sandbox: Sandbox) => sandbox.inbox.to(APPROVER);

// ---- Added for the leave-date and bulk templates (test/workflows/templates-leave-bulk.workflow.test.ts) ----

type WebhookResponse = import('n8n-workflow').IExecuteResponsePromiseData;

/** What a Respond to Webhook node of the run answered, in order (n8n's `sendResponse` hook). */
export function webhookResponses(run: TemplateRun): WebhookResponse[] {
	const responses: WebhookResponse[] = [];
	run['additionalData'].hooks!.addHandler(
		'sendResponse',
		(response) => void responses.push(response),
	);
	return responses;
}

/**
 * Resumes a run that a Wait node put to sleep until a time ("At Specified Time"), as n8n's wait
 * tracker does once that time has come: the same execution data runs on from the Wait node.
 */
export async function resumeAtWaitTill(run: TemplateRun): Promise<IRun> {
	const waiting = run.last?.data;
	if (!run.last?.waitTill || !waiting) throw new Error('The last run is not waiting');
	run.last = await new WorkflowExecute(
		run['additionalData'],
		'webhook',
		waiting,
	).processRunExecutionData(run['workflow']);
	return run.last;
}
