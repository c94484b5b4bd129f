import { createHmac } from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';

import { shortUtc, webhookDelivery } from '../../sandbox/routes/webhooks';
import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { isoNow } from '../../sandbox/state';
import { API_KEYS, call, useSandbox } from '../harness/sandbox';

const current = useSandbox({}, true);
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

describe('audit trail', () => {
	it('filters by actor, newest first, paging with count and startIndex', async () => {
		const page1 = await call(
			sandbox,
			'GET',
			`/security/audit/events/filter?userId=${IDS.jane}&count=3&startIndex=0`,
		);
		const page2 = await call(
			sandbox,
			'GET',
			`/security/audit/events/filter?userId=${IDS.jane}&count=3&startIndex=3`,
		);
		const events = [...page1.json.response, ...page2.json.response];
		expect(events).toHaveLength(6);
		expect(events.every((e: { userId: string }) => e.userId === IDS.jane)).toBe(true);
		const dates = events.map((e: { date: string }) => e.date);
		expect([...dates].sort().reverse()).toEqual(dates);
		expect(page1.json.total).toBeUndefined();
	});

	it('filters by action and target, and by date range', async () => {
		const status = await call(
			sandbox,
			'GET',
			`/security/audit/events/filter?action=4020&target=${sandbox.state.ids.victor}`,
		);
		expect(status.json.response).toEqual([
			expect.objectContaining({
				actionId: 4020,
				target: [sandbox.state.ids.victor],
				user: 'Alex Admin',
			}),
		]);
		const none = await call(
			sandbox,
			'GET',
			'/security/audit/events/filter?from=2030-01-01T00:00:00.000Z',
		);
		expect(none.json.response).toEqual([]);
	});

	it('silently ignores filters when the plan lacks the audit option', async () => {
		sandbox.state.auditInPlan = false;
		// The latest events come from the last 180 days: fresh ones, whatever the seed's dates.
		const fresh = sandbox.state.audit
			.slice(-20)
			.map((e, i) => ({ ...e, id: 900 + i, date: isoNow(Date.now() - i * 1000) }));
		sandbox.state.audit.push(...fresh);
		const r = await call(
			sandbox,
			'GET',
			`/security/audit/events/filter?userId=${IDS.jane}&count=100`,
		);
		expect(r.status).toBe(200);
		expect(r.json.response).toHaveLength(20);
		expect(r.json.response.some((e: { userId: string }) => e.userId !== IDS.jane)).toBe(true);
		const report = await call(sandbox, 'POST', '/security/audit/events/report');
		expect(report.status).toBe(402);
	});

	it('writes a report into the caller’s My documents and returns its editor URL', async () => {
		const r = await call(sandbox, 'POST', '/security/audit/events/report');
		expect(r.json.response).toMatch(
			new RegExp(`^${sandbox.origin}/doceditor\\?fileid=\\d+&options=`),
		);
		const my = sandbox.state.myDocuments(IDS.owner)!;
		expect(sandbox.state.children(my.id).some((e) => e.title.startsWith('AuditTrail_'))).toBe(true);
	});

	it('has login history, and refuses non-admins', async () => {
		const logins = await call(
			sandbox,
			'GET',
			`/security/audit/login/filter?userId=${IDS.jane}&count=10`,
		);
		expect(logins.json.response.length).toBeGreaterThan(0);
		expect(logins.json.response[0]).toMatchObject({
			userId: IDS.jane,
			login: 'jane.doe@corp.example',
		});
		expect((await call(sandbox, 'GET', '/security/audit/login/last')).json.response).toHaveLength(
			20,
		);
		expect(
			(await call(sandbox, 'GET', '/security/audit/events/last', { key: API_KEYS.user })).status,
		).toBe(403);
		expect(
			(await call(sandbox, 'GET', '/security/audit/types')).json.response.actionTypes,
		).toContain('Reassigns');
	});
});

describe('webhooks', () => {
	async function receiver() {
		const received: Array<{ body: string; signature: string | undefined }> = [];
		const server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push({
					body: Buffer.concat(chunks).toString(),
					signature: req.headers['x-docspace-signature-256'] as string,
				});
				res.end('ok');
			});
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
		return { received, url, close: () => new Promise<void>((r) => server.close(() => r())) };
	}

	it('creates, lists, updates and deletes webhook configurations', async () => {
		const created = await call(sandbox, 'POST', '/settings/webhook', {
			body: {
				name: 'HR',
				uri: 'https://hooks.example/hr',
				secretKey: 's3cret',
				enabled: true,
				ssl: true,
				triggers: 4,
			},
		});
		expect(created.json.response).toMatchObject({ id: 1, name: 'HR', triggers: 4 });
		expect(JSON.stringify(created.json)).not.toContain('s3cret');
		await call(sandbox, 'PUT', '/settings/webhook', {
			body: { id: 1, name: 'HR 2', uri: 'https://hooks.example/hr', enabled: false },
		});
		const list = await call(sandbox, 'GET', '/settings/webhook');
		expect(list.json.response).toEqual([
			expect.objectContaining({
				configs: expect.objectContaining({ name: 'HR 2', enabled: false }),
			}),
		]);
		await call(sandbox, 'DELETE', '/settings/webhook/1');
		expect((await call(sandbox, 'GET', '/settings/webhook')).json.response).toEqual([]);
	});

	it('delivers signed events for the chosen triggers only', async () => {
		const hook = await receiver();
		try {
			await call(sandbox, 'POST', '/settings/webhook', {
				body: {
					name: 'HR',
					uri: hook.url,
					secretKey: 'hook-secret',
					enabled: true,
					ssl: false,
					triggers: 4,
				},
			});
			await call(sandbox, 'PUT', '/people/status/2', { body: { userIds: [IDS.jane] } });
			await call(sandbox, 'POST', '/people', {
				body: { firstName: 'No', lastName: 'Event', email: 'no.event@corp.example', type: 'User' },
			});
			await sandbox.flushWebhooks();
			expect(hook.received).toHaveLength(1);
			const { body, signature } = hook.received[0];
			expect(signature).toBe(
				`sha256=${createHmac('sha256', 'hook-secret').update(body).digest('hex').toUpperCase()}`,
			);
			expect(JSON.parse(body)).toMatchObject({
				event: { trigger: 'user.updated', createBy: IDS.owner },
				payload: { id: IDS.jane, status: 2 },
			});
		} finally {
			await hook.close();
		}
	});

	it('builds deliveries as DocSpace-server does: event id and timestamp headers, whole-second UTC, HMAC of the raw body', () => {
		const webhook = {
			id: 3,
			name: 'HR',
			uri: 'https://hooks.example/hr',
			secretKey: 'hook-secret',
			enabled: true,
			ssl: true,
			triggers: 4 + 8,
			createdBy: IDS.owner,
			created: isoNow(),
		};
		const now = Date.UTC(2026, 8, 17, 10, 22, 56, 789);
		const first = webhookDelivery(webhook, 'user.deleted', { id: IDS.jane }, IDS.owner, 41, {
			now,
		});
		expect(shortUtc(now)).toBe('2026-09-17T10:22:56Z');
		expect(first.headers).toEqual({
			'Content-Type': 'application/json; charset=utf-8',
			Accept: '*/*',
			'x-docspace-event-id': '41',
			'x-docspace-event-timestamp': '2026-09-17T10:22:56Z',
			'x-docspace-signature-256': `sha256=${createHmac('sha256', 'hook-secret').update(first.body).digest('hex').toUpperCase()}`,
		});
		expect(JSON.parse(first.body)).toEqual({
			event: {
				id: 41,
				createOn: '2026-09-17T10:22:56Z',
				createBy: IDS.owner,
				trigger: 'user.deleted',
				triggerId: 8,
			},
			payload: { id: IDS.jane },
			webhook: {
				id: 3,
				name: 'HR',
				url: 'https://hooks.example/hr',
				triggers: ['user.updated', 'user.deleted'],
			},
		});
		// A retry: the same record (event.id, createOn), a new body and so a new signature.
		const retry = webhookDelivery(webhook, 'user.deleted', { id: IDS.jane }, IDS.owner, 41, {
			now: now + 2000,
			createOn: '2026-09-17T10:22:56Z',
			attempt: 1,
		});
		expect(JSON.parse(retry.body)).toMatchObject({
			event: { id: 41, createOn: '2026-09-17T10:22:56Z' },
			webhook: { retryCount: 1, retryOn: '2026-09-17T10:22:58Z' },
		});
		expect(retry.headers['x-docspace-event-id']).toBe('41');
		expect(retry.signature).not.toBe(first.signature);
		// The catch-all subscription names itself "*"; a background job (empty guid) has no createBy.
		const all = webhookDelivery(
			{ ...webhook, triggers: 0 },
			'user.updated',
			{},
			'00000000-0000-0000-0000-000000000000',
			42,
			{ now },
		);
		expect(JSON.parse(all.body)).toMatchObject({ webhook: { triggers: ['*'] } });
		expect(JSON.parse(all.body).event).not.toHaveProperty('createBy');
	});
});
