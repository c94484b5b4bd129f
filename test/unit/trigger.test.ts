import http from 'http';
import type { AddressInfo } from 'net';

import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	IWebhookData,
	IWebhookFunctions,
	IWebhookResponseData,
	IHookFunctions,
} from 'n8n-workflow';

import * as signature from '../../nodes/DocSpaceAdminTrigger/signature';
import { signBody } from '../../nodes/DocSpaceAdminTrigger/signature';
import { DocSpaceAdminTrigger } from '../../nodes/DocSpaceAdminTrigger/DocSpaceAdminTrigger.node';
import {
	MAX_BODY_BYTES,
	MAX_REMEMBERED,
	processMemory,
} from '../../nodes/DocSpaceAdminTrigger/deliveries';
import type { Webhook } from '../../sandbox/model';
import { shortUtc, webhookDelivery } from '../../sandbox/routes/webhooks';
import { IDS } from '../../sandbox/seed';
import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { PACKAGE } from '../harness/nodeTypes';
import { makeAdditionalData, makeWorkflow } from '../harness/runWorkflow';
import { call, sandboxCredentials, useSandbox } from '../harness/sandbox';

const current = useSandbox();
const trigger = new DocSpaceAdminTrigger();

/** What the trigger wrote to n8n's log (warnings only; nothing else is expected). */
const warnings: Array<{ message: string; meta?: object }> = [];
beforeEach(() => {
	warnings.length = 0;
	jest.spyOn(WebhookContext.prototype, 'logger', 'get').mockReturnValue({
		warn: (message: string, meta?: object) => void warnings.push({ message, meta }),
		error: jest.fn(),
		info: jest.fn(),
		debug: jest.fn(),
	} as never);
});
afterEach(() => jest.restoreAllMocks());

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

/** What n8n answered a delivery, and whether it started the workflow. */
interface Answer {
	result: IWebhookResponseData;
	status: number;
	body: unknown;
	started: boolean;
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

	/**
	 * A request as n8n's webhook server hands it to the node. Like n8n (cli webhooks/live-webhooks.ts),
	 * each request gets its own copy of the workflow's static data, read from the database (`stored`) at
	 * the start; n8n writes it back when it answers 2xx, and the response emits 'finish' then.
	 */
	let stored: IDataObject = {};
	const begin = (raw: Buffer, headers: Record<string, unknown>, request: object = {}) => {
		const copy = makeWorkflow(workflowData);
		copy.overrideStaticData(JSON.parse(JSON.stringify(stored)));
		copy.staticData.__dataChanged = false;
		let status: number | undefined;
		let body: unknown;
		const listeners = new Map<string, () => void>();
		const response = {
			statusCode: 200,
			status(code: number) {
				status = response.statusCode = code;
				return {
					json: (b: unknown) => void (body = b),
					send: (b: unknown) => void (body = b),
					end: () => undefined,
				};
			},
			once: (event: string, listener: () => void) => void listeners.set(event, listener),
		};
		let parsed: unknown;
		try {
			parsed = JSON.parse(raw.toString());
		} catch {
			parsed = {};
		}
		const httpRequest = { rawBody: raw, body: parsed, headers, query: {}, params: {} };
		// Copied as property descriptors, so that a getter in `request` is not called here.
		Object.defineProperties(httpRequest, Object.getOwnPropertyDescriptors(request));
		additionalData.httpRequest = httpRequest as never;
		additionalData.httpResponse = response as never;
		const ctx = new WebhookContext(
			copy,
			node,
			additionalData,
			'trigger',
			webhookData,
			[],
			null,
		) as unknown as IWebhookFunctions;
		const running = trigger.webhook.call(ctx);
		/** n8n answers what the node did not (200), saves changed static data, and the response ends. */
		const answer = async (n8nStatus = 200): Promise<Answer> => {
			const result = await running;
			const finalStatus = status ?? n8nStatus;
			response.statusCode = finalStatus;
			if (finalStatus < 300 && copy.staticData.__dataChanged) {
				stored = JSON.parse(JSON.stringify(copy.staticData));
			}
			listeners.get('finish')?.();
			listeners.get('close')?.();
			return {
				result,
				status: finalStatus,
				body: body ?? result.webhookResponse,
				started: result.workflowData !== undefined,
			};
		};
		return { answer, changed: () => copy.staticData.__dataChanged === true };
	};
	const deliver = async (raw: Buffer, headers: Record<string, unknown>, request?: object) =>
		await begin(raw, headers, request).answer();
	/** The registration's secret and configuration, once `create` ran. */
	const registered = () => {
		stored = JSON.parse(JSON.stringify(workflow.staticData));
		return current().state.webhooks.at(-1) as Webhook;
	};
	const nodeData = () => stored[`node:${node.name}`] as IDataObject;
	return { hooks, begin, deliver, registered, nodeData, staticData: () => workflow.staticData };
}

/** A delivery as DocSpace-server sends it (sandbox/routes/webhooks.ts webhookDelivery). */
function docspace(
	webhook: Webhook,
	id: number,
	options: { now?: number; createOn?: string; attempt?: number; trigger?: string } = {},
) {
	const d = webhookDelivery(
		webhook,
		options.trigger ?? 'user.deleted',
		{ id: IDS.jane, status: 2 },
		IDS.owner,
		id,
		options,
	);
	return { raw: Buffer.from(d.body), headers: lower(d.headers), body: d.body };
}

const lower = (headers: Record<string, string>) =>
	Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

const MINUTE = 60_000;

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
			const { hooks, deliver, registered } = setup(endpoint.base);
			await trigger.webhookMethods.default.create.call(hooks);
			registered();
			await call(sandbox, 'PUT', '/people/status/2', { body: { userIds: [IDS.jane] } });
			await sandbox.flushWebhooks();
			expect(endpoint.received).toHaveLength(1);
			const { raw, headers } = endpoint.received[0];

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
				expect(rejected.status).toBe(401);
				expect(rejected.result).toEqual({ noWebhookResponse: true });
				expect(rejected.body).toMatchObject({ accepted: false, reason: 'invalidSignature' });
				expect(rejected.started).toBe(false);
			}
			expect(warnings.map((w) => w.message)).toEqual(
				Array(4).fill(
					'DocSpace Admin Trigger refused a delivery (HTTP 401): The x-docspace-signature-256 signature is missing or wrong',
				),
			);

			// Refused copies are not remembered: the genuine delivery still starts the workflow.
			const valid = await deliver(raw, headers);
			expect(valid.status).toBe(200);
			expect(valid.result.workflowData?.[0][0].json).toMatchObject({
				event: { trigger: 'user.updated' },
				payload: { id: IDS.jane, status: 2 },
			});
			// A forged body with the id of an accepted delivery is still a forgery, not a replay.
			const again = await deliver(forged, headers);
			expect(again.status).toBe(401);
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
			const { hooks, deliver, registered } = setup(endpoint.base, ['user.deleted']);
			await trigger.webhookMethods.default.create.call(hooks);
			const webhook = registered();
			const updated = docspace(webhook, 1, { trigger: 'user.updated' });
			const skipped = await deliver(updated.raw, updated.headers);
			expect(skipped.status).toBe(200);
			expect(skipped.result).toEqual({
				webhookResponse: expect.objectContaining({ accepted: false, reason: 'eventNotSelected' }),
			});
			expect(startsExecution(skipped.result)).toBe(false);
			expect(sandbox.state.webhooks).toHaveLength(1);

			const deleted = docspace(webhook, 2);
			const started = await deliver(deleted.raw, deleted.headers);
			expect(startsExecution(started.result)).toBe(true);
		} finally {
			await endpoint.close();
		}
	});

	describe('replays', () => {
		it('starts the workflow once for a delivery sent twice, and for none of DocSpace’s retries of it', async () => {
			const sandbox = current();
			const endpoint = await n8nEndpoint();
			try {
				const { hooks, deliver, registered, nodeData, begin } = setup(endpoint.base);
				await trigger.webhookMethods.default.create.call(hooks);
				const webhook = registered();
				// What the sandbox portal sends (signature only, as older servers do).
				await call(sandbox, 'PUT', '/people/status/2', { body: { userIds: [IDS.jane] } });
				await sandbox.flushWebhooks();
				const { raw, headers } = endpoint.received[0];
				const first = await deliver(raw, headers);
				expect(first.started).toBe(true);
				const copy = await deliver(raw, headers);
				expect(copy).toMatchObject({
					status: 200,
					started: false,
					body: { accepted: false, reason: 'replay', eventId: '1' },
				});
				expect(JSON.stringify(copy.body)).not.toContain(String(nodeData().secret));
				expect(warnings).toContainEqual({
					message: expect.stringContaining('Delivery 1 was accepted before'),
					meta: { eventId: '1' },
				});
				expect(JSON.stringify(warnings)).not.toContain(String(nodeData().secret));

				// A server-shaped delivery and DocSpace's retry of it: same event.id and createOn, another
				// body (retryCount, retryOn) and so another valid signature.
				const now = Date.now();
				const original = docspace(webhook, 7, { now });
				const retry = docspace(webhook, 7, { now: now + 3000, attempt: 1 });
				expect(retry.body).not.toBe(original.body);
				expect((await deliver(original.raw, original.headers)).started).toBe(true);
				const retried = await deliver(retry.raw, retry.headers);
				expect(retried).toMatchObject({ status: 200, started: false, body: { reason: 'replay' } });
				// n8n only saves static data that changed; a refused replay changes none.
				const again = begin(original.raw, original.headers);
				expect((await again.answer()).started).toBe(false);
				expect(again.changed()).toBe(false);
			} finally {
				await endpoint.close();
			}
		});

		it('still refuses the replay after n8n restarts (the list is in the static data n8n saves)', async () => {
			const { hooks, deliver, registered, begin, nodeData } = setup(
				'https://n8n.example.com/webhook',
			);
			await trigger.webhookMethods.default.create.call(hooks);
			const webhook = registered();
			const d = docspace(webhook, 11);
			const first = begin(d.raw, d.headers);
			const accepted = await first.answer();
			expect(accepted.started).toBe(true);
			expect(first.changed()).toBe(true);
			expect(nodeData().deliveries).toEqual({ '11': expect.any(Number) });
			processMemory.forget();
			expect((await deliver(d.raw, d.headers)).body).toMatchObject({ reason: 'replay' });
		});

		it('accepts DocSpace’s retry when n8n did not answer the first copy with 2xx', async () => {
			const { hooks, begin, registered } = setup('https://n8n.example.com/webhook');
			await trigger.webhookMethods.default.create.call(hooks);
			const webhook = registered();
			const d = docspace(webhook, 12);
			// The node accepted it, but n8n could not start the execution and answered 500: nothing saved.
			expect((await begin(d.raw, d.headers).answer(500)).started).toBe(true);
			const retry = docspace(webhook, 12, { attempt: 1 });
			expect((await begin(retry.raw, retry.headers).answer()).started).toBe(true);
			expect((await begin(retry.raw, retry.headers).answer()).body).toMatchObject({
				reason: 'replay',
			});
		});

		it('answers a copy arriving while the first is still unanswered with 409, then as a replay', async () => {
			const { hooks, begin, registered } = setup('https://n8n.example.com/webhook');
			await trigger.webhookMethods.default.create.call(hooks);
			const webhook = registered();
			const d = docspace(webhook, 13);
			// Both requests read the static data before either was answered.
			const first = begin(d.raw, d.headers);
			const second = begin(d.raw, d.headers);
			const [a, b] = [await first.answer(), await second.answer()];
			expect(a.started).toBe(true);
			expect(b).toMatchObject({ status: 409, started: false, body: { reason: 'inProgress' } });
			expect((await begin(d.raw, d.headers).answer()).body).toMatchObject({ reason: 'replay' });
		});

		it('keeps both ids when two deliveries are accepted at the same time', async () => {
			const { hooks, begin, registered } = setup('https://n8n.example.com/webhook');
			await trigger.webhookMethods.default.create.call(hooks);
			const webhook = registered();
			const [x, y] = [docspace(webhook, 21), docspace(webhook, 22)];
			const [first, second] = [begin(x.raw, x.headers), begin(y.raw, y.headers)];
			expect((await first.answer()).started).toBe(true);
			expect((await second.answer()).started).toBe(true);
			// The second request's save was made from a copy without 21; this process still knows it,
			// and the next save has both.
			const z = docspace(webhook, 23);
			await begin(z.raw, z.headers).answer();
			processMemory.forget();
			for (const d of [x, y, z])
				expect((await begin(d.raw, d.headers).answer()).body).toMatchObject({ reason: 'replay' });
		});
	});

	describe('stale, future, oversized and inconsistent deliveries', () => {
		it('refuses a delivery created more than 10 minutes ago, and one dated beyond the clock skew', async () => {
			const { hooks, deliver, registered } = setup('https://n8n.example.com/webhook');
			await trigger.webhookMethods.default.create.call(hooks);
			const webhook = registered();
			const now = Date.now();
			const stale = docspace(webhook, 31, { now: now - 11 * MINUTE });
			const old = await deliver(stale.raw, stale.headers);
			expect(old).toMatchObject({ status: 422, started: false, body: { reason: 'stale' } });
			// Without the (unsigned) header copy, the signed event.createOn decides the same.
			const noTime = { ...stale.headers, 'x-docspace-event-timestamp': undefined };
			expect((await deliver(stale.raw, noTime)).body).toMatchObject({ reason: 'stale' });
			// A header rewritten to "now" does not make an old signed body fresh.
			const rewritten = await deliver(stale.raw, {
				...stale.headers,
				'x-docspace-event-timestamp': shortUtc(now),
			});
			expect(rewritten).toMatchObject({ status: 400, body: { reason: 'headersMismatch' } });

			const future = docspace(webhook, 32, { now: now + 3 * MINUTE });
			expect(await deliver(future.raw, future.headers)).toMatchObject({
				status: 422,
				started: false,
				body: { reason: 'future' },
			});
			const skewed = docspace(webhook, 33, { now: now + MINUTE });
			expect((await deliver(skewed.raw, skewed.headers)).started).toBe(true);
			const nineMinutes = docspace(webhook, 34, { now: now - 9 * MINUTE });
			expect((await deliver(nineMinutes.raw, nineMinutes.headers)).started).toBe(true);
		});

		it('refuses a stale header before checking the signature', async () => {
			const { hooks, deliver, registered } = setup('https://n8n.example.com/webhook');
			await trigger.webhookMethods.default.create.call(hooks);
			const webhook = registered();
			const stale = docspace(webhook, 35, { now: Date.now() - 20 * MINUTE });
			const hmac = jest.spyOn(signature, 'isValidSignature');
			try {
				const answer = await deliver(stale.raw, stale.headers);
				expect(answer).toMatchObject({ status: 422, body: { reason: 'stale' } });
				expect(hmac).not.toHaveBeenCalled();
			} finally {
				hmac.mockRestore();
			}
		});

		it('refuses a body over 1 MiB with 413 before reading or hashing it', async () => {
			const { hooks, deliver, registered } = setup('https://n8n.example.com/webhook');
			await trigger.webhookMethods.default.create.call(hooks);
			registered();
			const hmac = jest.spyOn(signature, 'isValidSignature');
			try {
				let read = false;
				const request = {};
				Object.defineProperty(request, 'rawBody', {
					enumerable: true,
					get: () => ((read = true), Buffer.alloc(MAX_BODY_BYTES + 1, 32)),
				});
				const declared = await deliver(
					Buffer.from('{}'),
					{ 'content-length': String(MAX_BODY_BYTES + 1) },
					request,
				);
				expect(declared).toMatchObject({
					status: 413,
					started: false,
					body: { reason: 'tooLarge' },
				});
				expect(read).toBe(false);
				// Chunked: no Content-Length, so the body's own length decides.
				const chunked = await deliver(Buffer.alloc(MAX_BODY_BYTES + 1, 32), {
					'transfer-encoding': 'chunked',
				});
				expect(chunked).toMatchObject({ status: 413, body: { reason: 'tooLarge' } });
				expect(hmac).not.toHaveBeenCalled();
			} finally {
				hmac.mockRestore();
			}
		});

		it('refuses signed bodies without event.id or event.createOn, and ids that differ from the header', async () => {
			const { hooks, deliver, registered, nodeData } = setup('https://n8n.example.com/webhook');
			await trigger.webhookMethods.default.create.call(hooks);
			registered();
			const secret = String(nodeData().secret);
			const sign = (body: unknown) => {
				const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
				return [raw, { 'x-docspace-signature-256': signBody(raw, secret) }] as const;
			};
			for (const body of [
				'not json',
				'[1]',
				{ event: { trigger: 'user.deleted', createOn: shortUtc() }, payload: {} },
				{ event: { trigger: 'user.deleted', id: 5 }, payload: {} },
				{ event: { trigger: 'user.deleted', id: 5, createOn: 'yesterday' }, payload: {} },
			])
				expect(await deliver(...sign(body))).toMatchObject({
					status: 400,
					started: false,
					body: { reason: 'malformed' },
				});
			const [raw, headers] = sign({
				event: { trigger: 'user.deleted', id: 5, createOn: shortUtc() },
				payload: {},
			});
			expect(await deliver(raw, { ...headers, 'x-docspace-event-id': '6' })).toMatchObject({
				status: 400,
				body: { reason: 'headersMismatch' },
			});
			expect((await deliver(raw, { ...headers, 'x-docspace-event-id': '5' })).started).toBe(true);
		});

		it('accepts a new delivery after refusing others', async () => {
			const { hooks, deliver, registered } = setup('https://n8n.example.com/webhook');
			await trigger.webhookMethods.default.create.call(hooks);
			const webhook = registered();
			const now = Date.now();
			const stale = docspace(webhook, 41, { now: now - 30 * MINUTE });
			expect((await deliver(stale.raw, stale.headers)).status).toBe(422);
			const forged = docspace(webhook, 42);
			expect(
				(await deliver(forged.raw, { ...forged.headers, 'x-docspace-signature-256': 'sha256=00' }))
					.status,
			).toBe(401);
			// The forged copy did not burn its id: the genuine delivery 42 is accepted.
			expect((await deliver(forged.raw, forged.headers)).started).toBe(true);
			const fresh = docspace(webhook, 43);
			expect((await deliver(fresh.raw, fresh.headers)).started).toBe(true);
		});
	});

	it('keeps its memory bounded: 5,000 deliveries in 8 minutes leave 1,000 remembered, none replayable', async () => {
		const { hooks, deliver, registered, nodeData } = setup('https://n8n.example.com/webhook');
		await trigger.webhookMethods.default.create.call(hooks);
		const webhook = registered();
		const start = Date.now();
		let now = start;
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			const sent: Array<ReturnType<typeof docspace>> = [];
			let started = 0;
			for (let id = 1; id <= 5000; id++) {
				now = start + id * 100;
				const d = docspace(webhook, 1000 + id, { now });
				sent.push(d);
				if ((await deliver(d.raw, d.headers)).started) started++;
			}
			expect(started).toBe(5000);
			expect(Object.keys(nodeData().deliveries as object)).toHaveLength(MAX_REMEMBERED);
			expect(JSON.stringify(nodeData()).length).toBeLessThan(40_000);
			expect(processMemory.size()).toBeLessThanOrEqual(2 * MAX_REMEMBERED);
			// The newest are refused as replays; the forgotten oldest as older than what is remembered.
			expect((await deliver(sent[4999].raw, sent[4999].headers)).body).toMatchObject({
				reason: 'replay',
			});
			expect(await deliver(sent[0].raw, sent[0].headers)).toMatchObject({
				status: 422,
				started: false,
				body: { reason: 'stale' },
			});
		} finally {
			clock.mockRestore();
		}
	});
});
