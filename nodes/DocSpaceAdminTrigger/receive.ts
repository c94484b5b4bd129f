import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	EVENT_ID_HEADER,
	EVENT_TIMESTAMP_HEADER,
	MAX_BODY_BYTES,
	MAX_CLOCK_SKEW_MS,
	MAX_DELIVERY_AGE_MS,
	merge,
	parseEventId,
	parseTimestamp,
	ProcessMemory,
	processMemory,
	readMemory,
	staleness,
	writeMemory,
} from './deliveries';
import { isValidSignature, SIGNATURE_HEADER } from './signature';

function timeMessage(reason: 'stale' | 'future'): string {
	return reason === 'stale'
		? `The delivery is older than ${MAX_DELIVERY_AGE_MS / 60_000} minutes (event.createOn), or older than the deliveries this trigger still remembers`
		: `The delivery is dated more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes in the future (event.createOn); check the clocks of DocSpace and n8n`;
}

/**
 * One delivery from DocSpace: refused (with the reason, in the answer and n8n's log) unless it is
 * small enough, fresh, signed with the webhook's secret, well formed, not accepted before and for an
 * event the trigger listens to; an accepted one starts the workflow once.
 */
export async function receiveDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = ctx.getRequestObject() as unknown as { rawBody?: Buffer; body?: unknown };
	const headers = ctx.getHeaderData();
	const now = Date.now();
	const refuse = (status: number, reason: string, message: string, extra: IDataObject = {}) => {
		ctx.logger.warn(`DocSpace Admin Trigger refused a delivery (HTTP ${status}): ${message}`, {
			reason,
			...extra,
			workflowId: ctx.getWorkflow().id,
			node: ctx.getNode().name,
		});
		ctx
			.getResponseObject()
			.status(status)
			.json({ accepted: false, reason, message, ...extra });
		return { noWebhookResponse: true };
	};

	// Size first, from the header, before the body is touched; then the body itself (a chunked
	// request has no Content-Length). n8n has read the body by now (its own limit is
	// N8N_PAYLOAD_SIZE_MAX, 16 MiB by default), but nothing larger than this is hashed or parsed here.
	const tooLarge = `The body is larger than ${MAX_BODY_BYTES} bytes (1 MiB); a DocSpace delivery is a few kilobytes`;
	const declared = Number(headers['content-length']);
	if (Number.isFinite(declared) && declared > MAX_BODY_BYTES)
		return refuse(413, 'tooLarge', tooLarge);
	const raw = request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? {}));
	if (raw.length > MAX_BODY_BYTES) return refuse(413, 'tooLarge', tooLarge);

	// DocSpace retries every answer that is not 2xx, a bounded number of times (WebhookSender.Send:
	// EnsureSuccessStatusCode, then GetNextAttemptOn over settings.RetryIntervals) and never after 410,
	// which deletes the webhook (so 410 is never used here). Three days without any 2xx switch the
	// webhook off (RegisterDeliveryFailure). So: a delivery that can never pass (stale, future,
	// malformed, forged) gets a 4xx, which DocSpace's delivery log shows as a failure — a wrong clock
	// then shows instead of events silently vanishing; a copy of one already accepted gets 200 without a
	// run, since it was delivered and a retry would not change that; a copy in flight gets 409, to be
	// retried once the first has been answered.
	const headerTime = parseTimestamp(headers[EVENT_TIMESTAMP_HEADER]);
	// The header is not signed: it may refuse a delivery early, never accept one.
	const early = headerTime === undefined ? undefined : staleness(headerTime, now);
	if (early) return refuse(422, early, timeMessage(early));

	const secret = String(ctx.getWorkflowStaticData('node').secret ?? '');
	if (!isValidSignature(raw, headers[SIGNATURE_HEADER], secret))
		return refuse(401, 'invalidSignature', `The ${SIGNATURE_HEADER} signature is missing or wrong`);

	let body: { event?: { id?: unknown; createOn?: unknown; trigger?: unknown } } & IDataObject;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		return refuse(400, 'malformed', 'The body is not JSON');
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return refuse(400, 'malformed', 'The body is not a JSON object');
	// event.id is the delivery-log record id: the same on every retry of one delivery
	// (WebhookSender.Send: webhookPayload.Event.Id = entry.Id); event.createOn is set once, when the
	// event is published (WebhookPayload constructor, GetShortUtcNow: UTC, whole seconds).
	const eventId = parseEventId(body.event?.id);
	const createOn = parseTimestamp(body.event?.createOn);
	if (eventId === undefined || createOn === undefined)
		return refuse(400, 'malformed', 'The delivery has no event.id or no event.createOn');
	const headerId = headers[EVENT_ID_HEADER];
	if (
		(headerId !== undefined && parseEventId(headerId) !== eventId) ||
		(headerTime !== undefined && headerTime !== createOn)
	)
		return refuse(
			400,
			'headersMismatch',
			`${EVENT_ID_HEADER} or ${EVENT_TIMESTAMP_HEADER} differ from the signed body`,
			{ eventId },
		);

	const data = ctx.getWorkflowStaticData('node');
	const key = ProcessMemory.key(ctx.getWorkflow().id, ctx.getNode().id, secret);
	const memory = merge(readMemory(data), processMemory.memory(key), now);
	if (memory.deliveries.some(([id]) => id === eventId)) {
		const message = `Delivery ${eventId} was accepted before; the workflow is not started again`;
		ctx.logger.warn(`DocSpace Admin Trigger ignored a replay: ${message}`, { eventId });
		return { webhookResponse: { accepted: false, reason: 'replay', message, eventId } };
	}
	if (processMemory.isPending(key, eventId, now))
		return refuse(
			409,
			'inProgress',
			`Delivery ${eventId} is being accepted by another request; retry later`,
			{ eventId },
		);
	const late = staleness(createOn, now, memory.horizon);
	if (late) return refuse(422, late, timeMessage(late), { eventId });

	const events = ctx.getNodeParameter('events') as string[];
	// n8n starts an execution whenever `workflowData` is set, even to an empty list
	// (cli webhook-helpers: only `workflowData === undefined` means "do not run");
	// so an event nobody selected answers 200 with no workflowData, as n8n's own triggers do.
	if (!events.includes(String(body.event?.trigger ?? '')))
		return {
			webhookResponse: {
				accepted: false,
				reason: 'eventNotSelected',
				message: `The trigger does not listen to ${String(body.event?.trigger ?? 'this event')}`,
				eventId,
			},
		};

	// Remembered in the node's static data, which n8n writes to its database when it answers the
	// webhook, whether or not an execution starts (live-webhooks.ts executeWebhook's callback →
	// saveStaticData, only for production webhooks, and only when it changed); an error before that
	// answer leaves it unsaved, so DocSpace's retry is accepted.
	writeMemory(data, merge(memory, { deliveries: [[eventId, createOn]] }, now));
	processMemory.begin(key, eventId, createOn, now);
	const response = ctx.getResponseObject() as unknown as {
		once?: (event: string, listener: () => void) => void;
		statusCode?: number;
	};
	let settled = false;
	const settle = (ok: boolean) => {
		if (settled) return;
		settled = true;
		processMemory.settle(key, eventId, ok, Date.now());
	};
	response.once?.('finish', () => {
		const status = response.statusCode ?? 200;
		settle(status >= 200 && status < 300);
	});
	response.once?.('close', () => settle(false));
	return { workflowData: [ctx.helpers.returnJsonArray([body])] };
}
