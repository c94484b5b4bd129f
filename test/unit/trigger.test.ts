import http from 'http';
import type { AddressInfo } from 'net';

import { HookContext, WebhookContext } from 'n8n-core';
import type { INode, IWebhookData, IWebhookFunctions, IHookFunctions } from 'n8n-workflow';

import { DocSpaceAdminTrigger } from '../../nodes/DocSpaceAdminTrigger/DocSpaceAdminTrigger.node';
import { signBody } from '../../nodes/DocSpaceAdmin/helpers/signature';
import { IDS } from '../../sandbox/seed';
import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { PACKAGE } from '../harness/nodeTypes';
import { makeAdditionalData, makeWorkflow } from '../harness/runWorkflow';
import { call, sandboxCredentials, useSandbox } from '../harness/sandbox';

const current = useSandbox();
const trigger = new DocSpaceAdminTrigger();

/** Stands in for n8n's webhook endpoint: records what DocSpace delivers, byte for byte. */
async function n8nEndpoint() {
	const received: Array<{ raw: Buffer; headers: http.IncomingHttpHeaders }> = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ raw: Buffer.concat(chunks), headers: req.headers });
			res.end('ok');
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	return { received, base, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function setup(webhookBaseUrl: string, events = ['user.updated', 'user.deleted']) {
	const node: INode = {
		id: 'b0000000-0000-4000-8000-000000000001',
		name: 'DocSpace Admin Trigger',
		type: `${PACKAGE}.docSpaceAdminTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'c0ffee00-0000-4000-8000-000000000001',
		parameters: { events },
		credentials: { docSpaceApi: { id: 'docSpaceApi', name: 'DocSpace account' } },
	};
	const workflowData = {
		id: 'wf1',
		name: 'Offboard on webhook',
		nodes: [node],
		connections: {},
		active: true,
	} as never;
	const workflow = makeWorkflow(workflowData);
	const additionalData = makeAdditionalData(
		new TestCredentialsHelper(sandboxCredentials(current()) as never),
		workflowData,
	);
	additionalData.webhookBaseUrl = webhookBaseUrl;
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: `${node.webhookId}/webhook`,
		webhookDescription: trigger.description.webhooks![0],
		workflowId: 'wf1',
		workflowExecuteAdditionalData: additionalData,
	} as IWebhookData;
	const hooks = new HookContext(
		workflow,
		node,
		additionalData,
		'trigger',
		'activate',
		webhookData,
	) as unknown as IHookFunctions;
	const deliver = (raw: Buffer, headers: Record<string, unknown>) => {
		let status = 200;
		additionalData.httpRequest = {
			rawBody: raw,
			body: JSON.parse(raw.toString()),
			headers,
			query: {},
			params: {},
		} as never;
		additionalData.httpResponse = {
			status: (s: number) => ((status = s), { send: () => undefined, end: () => undefined }),
		} as never;
		const ctx = new WebhookContext(
			workflow,
			node,
			additionalData,
			'trigger',
			webhookData,
			[],
			null,
		) as unknown as IWebhookFunctions;
		return trigger.webhook.call(ctx).then((result) => ({ result, status: () => status }));
	};
	return { hooks, deliver, staticData: () => workflow.staticData };
}

describe('DocSpace Admin Trigger', () => {
	it('registers a webhook for the chosen events on activation and removes it on deactivation', async () => {
		const sandbox = current();
		const { hooks, staticData } = setup('https://n8n.example.com/webhook');
		const methods = trigger.webhookMethods.default;
		expect(await methods.checkExists.call(hooks)).toBe(false);
		expect(await methods.create.call(hooks)).toBe(true);
		expect(sandbox.state.webhooks).toEqual([
			expect.objectContaining({
				uri: 'https://n8n.example.com/webhook/c0ffee00-0000-4000-8000-000000000001/webhook',
				triggers: 4 + 8,
				enabled: true,
				ssl: true,
			}),
		]);
		expect(sandbox.state.webhooks[0].secretKey).toMatch(/^[0-9a-f]{48}$/);
		expect(await methods.checkExists.call(hooks)).toBe(true);
		expect(await methods.delete.call(hooks)).toBe(true);
		expect(sandbox.state.webhooks).toEqual([]);
		expect(JSON.stringify(staticData())).not.toContain('secret');
	});

	it('accepts signed deliveries from DocSpace and rejects forged, missing and wrong-algorithm signatures', async () => {
		const sandbox = current();
		const endpoint = await n8nEndpoint();
		try {
			const { hooks, deliver } = setup(endpoint.base);
			await trigger.webhookMethods.default.create.call(hooks);
			await call(sandbox, 'PUT', '/people/status/2', { body: { userIds: [IDS.jane] } });
			await sandbox.flushWebhooks();
			expect(endpoint.received).toHaveLength(1);
			const { raw, headers } = endpoint.received[0];

			const valid = await deliver(raw, headers);
			expect(valid.status()).toBe(200);
			expect(valid.result.workflowData?.[0][0].json).toMatchObject({
				event: { trigger: 'user.updated' },
				payload: { id: IDS.jane, status: 2 },
			});

			const forged = Buffer.from(raw.toString().replace(IDS.jane, IDS.bob));
			const cases: Array<[string, Buffer, Record<string, unknown>]> = [
				['changed body', forged, headers],
				['missing signature', raw, { ...headers, 'x-docspace-signature-256': undefined }],
				[
					'wrong secret',
					raw,
					{ ...headers, 'x-docspace-signature-256': signBody(raw, 'not-the-secret') },
				],
				[
					'wrong algorithm',
					raw,
					{
						...headers,
						'x-docspace-signature-256': String(headers['x-docspace-signature-256']).replace(
							'sha256=',
							'sha1=',
						),
					},
				],
			];
			for (const [, body, h] of cases) {
				const rejected = await deliver(body, h);
				expect(rejected.status()).toBe(401);
				expect(rejected.result).toEqual({ noWebhookResponse: true });
			}
		} finally {
			await endpoint.close();
		}
	});

	/** n8n's rule (cli webhooks/webhook-helpers.ts executeWebhook): only `workflowData === undefined` starts nothing. */
	const startsExecution = (result: { workflowData?: unknown }) => result.workflowData !== undefined;

	it('starts no execution for a correctly signed delivery of an event it was not set up for', async () => {
		const sandbox = current();
		const endpoint = await n8nEndpoint();
		try {
			const { hooks, deliver } = setup(endpoint.base, ['user.deleted']);
			await trigger.webhookMethods.default.create.call(hooks);
			const secret = String(hooks.getWorkflowStaticData('node').secret);
			const raw = Buffer.from(JSON.stringify({ event: { trigger: 'user.updated' }, payload: {} }));
			const skipped = await deliver(raw, { 'x-docspace-signature-256': signBody(raw, secret) });
			expect(skipped.status()).toBe(200);
			expect(skipped.result).toEqual({});
			expect(startsExecution(skipped.result)).toBe(false);
			expect(sandbox.state.webhooks).toHaveLength(1);

			const selected = Buffer.from(
				JSON.stringify({ event: { trigger: 'user.deleted' }, payload: {} }),
			);
			const started = await deliver(selected, {
				'x-docspace-signature-256': signBody(selected, secret),
			});
			expect(startsExecution(started.result)).toBe(true);
		} finally {
			await endpoint.close();
		}
	});
});
