import type { Ctx, Route } from '../http';
import { badRequest, notFound, requireAdmin } from '../http';
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

/** WebhookTrigger flags (a webhook's `triggers` is their sum; 0 = all). */
export const TRIGGERS: Record<string, number> = {
	'user.created': 1,
	'user.invited': 2,
	'user.updated': 4,
	'user.deleted': 8,
	'room.archived': 16777216,
};
