import { randomBytes } from 'crypto';
import type { IHookFunctions } from 'n8n-workflow';

import { createWebhook, deleteWebhook, listWebhooks } from '../DocSpaceAdmin/api/webhooks';
import { forgetDeliveries } from './deliveries';
import { triggerFlags } from './description';

/**
 * The trigger's webhook on the portal, while the workflow is active. The node's static data keeps its
 * id (`webhookId`) and the secret DocSpace signs deliveries with (`secret`).
 */

/** Whether the webhook registered before still exists on the portal, for this node's URL. */
export async function webhookExists(ctx: IHookFunctions): Promise<boolean> {
	const data = ctx.getWorkflowStaticData('node');
	if (data.webhookId === undefined || !data.secret) return false;
	const webhooks = await listWebhooks(ctx);
	const url = ctx.getNodeWebhookUrl('default');
	const found = webhooks.some((w) => w.configs?.id === data.webhookId && w.configs?.uri === url);
	if (!found) delete data.webhookId;
	return found;
}

/** Registers a webhook for the chosen events, with a new secret; deliveries remembered are forgotten. */
export async function registerWebhook(ctx: IHookFunctions): Promise<boolean> {
	const data = ctx.getWorkflowStaticData('node');
	const url = ctx.getNodeWebhookUrl('default') as string;
	const events = ctx.getNodeParameter('events') as string[];
	const secret = randomBytes(24).toString('hex');
	const workflow = ctx.getWorkflow();
	const id = await createWebhook(ctx, {
		name: `n8n ${workflow.name ?? workflow.id ?? ''}`.slice(0, 50).trim(),
		uri: url,
		secretKey: secret,
		enabled: true,
		ssl: url.startsWith('https://'),
		triggers: triggerFlags(events),
	});
	if (id === undefined) return false;
	data.webhookId = id;
	data.secret = secret;
	forgetDeliveries(data);
	return true;
}

/** Removes the webhook (one already gone is fine) and forgets its secret and deliveries. */
export async function removeWebhook(ctx: IHookFunctions): Promise<boolean> {
	const data = ctx.getWorkflowStaticData('node');
	if (data.webhookId !== undefined) await deleteWebhook(ctx, Number(data.webhookId));
	delete data.webhookId;
	delete data.secret;
	forgetDeliveries(data);
	return true;
}
