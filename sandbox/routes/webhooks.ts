import { createHmac } from 'crypto';

import type { Ctx, Route } from '../http';
import { badRequest, notFound, requireAdmin } from '../http';
import type { Delivery, Webhook } from '../model';
import { isoNow } from '../state';

function config(ctx: Ctx) {
	const uri = typeof ctx.body.uri === 'string' ? ctx.body.uri.trim() : '';
	if (!/^https?:\/\//.test(uri)) throw badRequest('Incorrect uri');
	const name = String(ctx.body.name ?? '').trim();
	if (!name) throw badRequest('Incorrect name');
	return {
		name,
		uri,
		secretKey: typeof ctx.body.secretKey === 'string' ? ctx.body.secretKey : '',
		enabled: ctx.body.enabled !== false,
		ssl: ctx.body.ssl !== false,
		triggers: Number(ctx.body.triggers ?? 0) || 0,
		targetId: typeof ctx.body.targetId === 'string' ? ctx.body.targetId : undefined,
	};
}

export const webhookRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/settings/webhook',
		handler: (ctx) => (
			requireAdmin(ctx),
			{ response: ctx.state.webhooks.map((w) => ctx.dto.webhook(w)) }
		),
	},
	{
		method: 'POST',
		pattern: '/settings/webhook',
		handler: (ctx) => {
			requireAdmin(ctx);
			const webhook = {
				id: ctx.state.webhooks.reduce((m, w) => Math.max(m, w.id), 0) + 1,
				...config(ctx),
				createdBy: ctx.user.id,
				created: isoNow(),
			};
			ctx.state.webhooks.push(webhook);
			return { response: ctx.dto.webhook(webhook).configs };
		},
	},
	{
		method: 'PUT',
		pattern: '/settings/webhook',
		handler: (ctx) => {
			requireAdmin(ctx);
			const webhook = ctx.state.webhooks.find((w) => w.id === Number(ctx.body.id));
			if (!webhook) throw notFound('Webhook not found');
			Object.assign(webhook, config(ctx));
			return { response: ctx.dto.webhook(webhook).configs };
		},
	},
	{
		method: 'DELETE',
		pattern: '/settings/webhook/{id}',
		handler: (ctx) => {
			requireAdmin(ctx);
			const webhook = ctx.state.webhooks.find((w) => w.id === Number(ctx.params.id));
			if (!webhook) throw notFound('Webhook not found');
			ctx.state.webhooks = ctx.state.webhooks.filter((w) => w !== webhook);
			return { response: ctx.dto.webhook(webhook).configs };
		},
	},
	{
		method: 'GET',
		pattern: '/settings/webhook/triggers',
		handler: (ctx) => {
			requireAdmin(ctx);
			return {
				response: Object.entries(TRIGGERS).map(([name, value]) => ({
					name,
					id: value,
					available: true,
				})),
			};
		},
	},
];

/**
 * WebhookTrigger flags (a webhook's `triggers` is their sum; 0 = all): those the trigger node offers,
 * as in DocSpace-server common/ASC.Webhooks.Core/WebhookTrigger.cs.
 */
export const TRIGGERS: Record<string, number> = {
	'user.created': 1,
	'user.invited': 2,
	'user.updated': 4,
	'user.deleted': 8,
	'group.updated': 32,
	'folder.moved': 2097152,
	'room.created': 4194304,
	'room.archived': 16777216,
	'room.deleted': 33554432,
};

const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/** `createOn` as the server writes it: UTC, whole seconds (WebhookPayload.GetShortUtcNow), e.g. 2026-09-17T10:22:56Z. */
export function shortUtc(now = Date.now()): string {
	return new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * One delivery as DocSpace-server builds it: the body of `WebhookPayload` (common/ASC.Webhooks.Core/
 * WebhookPayload.cs, camelCase, default values omitted — WhenWritingDefault) and the headers of
 * `WebhookSender.Send`: the HMAC-SHA256 of the body, upper-case hex, and unsigned copies of event.id and
 * event.createOn. `id` is the delivery-log record's id; a retry (`attempt` > 0) keeps it and createOn and
 * adds retryCount/retryOn/lastFailureOn to `webhook`, so its body and signature differ.
 */
export function webhookDelivery(
	webhook: Webhook,
	trigger: string,
	payload: Record<string, unknown>,
	actorId: string,
	id: number,
	options: { now?: number; createOn?: string; attempt?: number } = {},
): Delivery & { headers: Record<string, string> } {
	const now = options.now ?? Date.now();
	const createOn = options.createOn ?? shortUtc(now);
	const flag = TRIGGERS[trigger] ?? 0;
	const triggers =
		webhook.triggers === 0
			? ['*']
			: Object.entries(TRIGGERS)
					.filter(([, bit]) => webhook.triggers & bit)
					.map(([name]) => name);
	const attempt = options.attempt ?? 0;
	const body = JSON.stringify({
		event: {
			id,
			createOn,
			...(actorId && actorId !== EMPTY_GUID ? { createBy: actorId } : {}),
			trigger,
			...(flag ? { triggerId: flag } : {}),
		},
		payload,
		webhook: {
			id: webhook.id,
			name: webhook.name,
			url: webhook.uri,
			triggers,
			...(attempt > 0
				? { lastFailureOn: createOn, retryCount: attempt, retryOn: shortUtc(now) }
				: {}),
		},
	});
	const signature = `sha256=${createHmac('sha256', webhook.secretKey).update(body, 'utf8').digest('hex').toUpperCase()}`;
	return {
		webhookId: webhook.id,
		trigger,
		body,
		signature,
		status: 0,
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			Accept: '*/*',
			'x-docspace-event-id': String(id),
			'x-docspace-event-timestamp': createOn,
			'x-docspace-signature-256': signature,
		},
	};
}
