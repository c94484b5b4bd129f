import type { IHookFunctions } from 'n8n-workflow';

import { callApi } from '../transport';

/** One function per webhook call (web/ASC.Web.Api/Api/Settings/WebhooksController.cs). */

const MANAGE_ROLE = 'a DocSpace admin or the owner';

/** One item of `GET settings/webhook` (WebhooksConfigWithStatusDto): the webhook sits in `configs`. */
export interface WebhookWithStatusDto {
	configs?: { id: number; uri?: string };
}

/** The body of `POST settings/webhook` (CreateWebhooksConfigRequestsDto). */
export interface NewWebhook {
	name: string;
	uri: string;
	secretKey: string;
	enabled: boolean;
	ssl: boolean;
	/** The sum of the WebhookTrigger flags the webhook listens to. */
	triggers: number;
}

/** `GET settings/webhook`: the portal's webhooks (getTenantWebhooks). */
export async function listWebhooks(ctx: IHookFunctions): Promise<WebhookWithStatusDto[]> {
	const envelope = await callApi<WebhookWithStatusDto[]>(ctx, {
		method: 'GET',
		path: ['settings', 'webhook'],
		error: { action: 'list the DocSpace webhooks', requiredRole: MANAGE_ROLE },
	});
	return envelope.response ?? [];
}

/** `POST settings/webhook` (createWebhook): the new webhook's id, when DocSpace says it. */
export async function createWebhook(
	ctx: IHookFunctions,
	webhook: NewWebhook,
): Promise<number | undefined> {
	const envelope = await callApi<{ id: number }>(ctx, {
		method: 'POST',
		path: ['settings', 'webhook'],
		body: { ...webhook },
		error: { action: 'register the DocSpace webhook', requiredRole: MANAGE_ROLE },
	});
	return envelope.response?.id;
}

/** `DELETE settings/webhook/{id}` (removeWebhook); a webhook already gone is reported as such. */
export async function deleteWebhook(ctx: IHookFunctions, id: number): Promise<void> {
	await callApi(ctx, {
		method: 'DELETE',
		path: ['settings', 'webhook', id],
		error: {
			action: 'remove the DocSpace webhook',
			notFound: 'The webhook was already removed',
		},
	});
}
