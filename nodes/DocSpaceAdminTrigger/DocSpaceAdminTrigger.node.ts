import { randomBytes } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	authenticationProperty,
	docSpaceCredentials,
} from '../DocSpaceAdmin/actions/common.descriptions';
import { isValidSignature, SIGNATURE_HEADER } from '../DocSpaceAdmin/helpers/signature';
import type { Envelope } from '../DocSpaceAdmin/transport';
import { apiRequest } from '../DocSpaceAdmin/transport';
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

function timeMessage(reason: 'stale' | 'future'): string {
	return reason === 'stale'
		? `The delivery is older than ${MAX_DELIVERY_AGE_MS / 60_000} minutes (event.createOn), or older than the deliveries this trigger still remembers`
		: `The delivery is dated more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes in the future (event.createOn); check the clocks of DocSpace and n8n`;
}

/**
 * DocSpace's webhook triggers (bit flags; a webhook listens to their sum), as in DocSpace-server
 * common/ASC.Webhooks.Core/WebhookTrigger.cs `WebhookTrigger`: UserCreated 1 << 0, UserInvited 1 << 1,
 * UserUpdated 1 << 2, UserDeleted 1 << 3, GroupUpdated 1 << 5, FolderMoved 1 << 21, RoomCreated 1 << 22,
 * RoomArchived 1 << 24, RoomDeleted 1 << 25.
 */
const EVENTS: Array<{ name: string; value: string; flag: number; description: string }> = [
	{ name: 'User Created', value: 'user.created', flag: 1, description: 'A user was added' },
	{ name: 'User Invited', value: 'user.invited', flag: 2, description: 'A user was invited' },
	{
		name: 'User Updated',
		value: 'user.updated',
		flag: 4,
		description: 'A profile changed, e.g. a user was disabled',
	},
	{ name: 'User Deleted', value: 'user.deleted', flag: 8, description: 'A profile was deleted' },
	{ name: 'Group Updated', value: 'group.updated', flag: 32, description: 'A group changed' },
	{ name: 'Folder Moved', value: 'folder.moved', flag: 2097152, description: 'A folder was moved' },
	{ name: 'Room Created', value: 'room.created', flag: 4194304, description: 'A room was created' },
	{
		name: 'Room Archived',
		value: 'room.archived',
		flag: 16777216,
		description: 'A room was moved to the Archive',
	},
	{
		name: 'Room Deleted',
		value: 'room.deleted',
		flag: 33554432,
		description: 'A room was deleted',
	},
];

interface WebhookConfig {
	configs?: { id: number; uri?: string };
}

export class DocSpaceAdminTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DocSpace Admin Trigger',
		name: 'docSpaceAdminTrigger',
		icon: { light: 'file:../../icons/docspace.svg', dark: 'file:../../icons/docspace.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		// n8n's node picker lists this trigger and the DocSpace Admin node as one entry and shows this
		// description for it (NodeCreator's generateMergedNodesAndActions), so it describes both.
		// DocSpace has no "user disabled" event: disabling a user sends User Updated, as does any other
		// profile change (DocSpace-server products/ASC.People/Server/Api/UserController.cs UpdateUserStatus
		// and UpdateMember → webhookManager.PublishAsync(WebhookTrigger.UserUpdated, user)).
		description:
			'Administer ONLYOFFICE DocSpace users and their data, e.g. for employee offboarding, and start workflows from DocSpace webhook events such as User Updated (any profile change, a disable included) and User Deleted',
		defaults: { name: 'DocSpace Admin Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: docSpaceCredentials,
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			authenticationProperty,
			{
				displayName:
					"DocSpace gives OAuth apps no scope for webhook settings, so registering the webhook may be refused (403). If it is, use the DocSpace API credential (an admin's API key).",
				name: 'oauthNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['user.updated'],
				options: EVENTS.map(({ name, value, description }) => ({ name, value, description })),
				description: 'The DocSpace events that start the workflow',
			},
			{
				displayName:
					'n8n registers a DocSpace webhook when the workflow is activated and removes it when deactivated. Every delivery must carry a valid x-docspace-signature-256 (else 401). A delivery already accepted starts nothing again; one older than 10 minutes, dated more than 2 minutes ahead or larger than 1 MiB is refused.',
				name: 'signatureNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				if (data.webhookId === undefined || !data.secret) return false;
				const list = (await apiRequest.call(this, {
					method: 'GET',
					path: ['settings', 'webhook'],
					error: {
						action: 'list the DocSpace webhooks',
						requiredRole: 'a DocSpace admin or the owner',
					},
				})) as Envelope<WebhookConfig[]>;
				const url = this.getNodeWebhookUrl('default');
				const found = (list.response ?? []).some(
					(w) => w.configs?.id === data.webhookId && w.configs?.uri === url,
				);
				if (!found) delete data.webhookId;
				return found;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				const url = this.getNodeWebhookUrl('default') as string;
				const events = this.getNodeParameter('events') as string[];
				const secret = randomBytes(24).toString('hex');
				const created = (await apiRequest.call(this, {
					method: 'POST',
					path: ['settings', 'webhook'],
					body: {
						name: `n8n ${this.getWorkflow().name ?? this.getWorkflow().id ?? ''}`
							.slice(0, 50)
							.trim(),
						uri: url,
						secretKey: secret,
						enabled: true,
						ssl: url.startsWith('https://'),
						triggers: EVENTS.filter((e) => events.includes(e.value)).reduce(
							(sum, e) => sum + e.flag,
							0,
						),
					},
					error: {
						action: 'register the DocSpace webhook',
						requiredRole: 'a DocSpace admin or the owner',
					},
				})) as Envelope<{ id: number }>;
				if (created.response?.id === undefined) return false;
				data.webhookId = created.response.id;
				data.secret = secret;
				delete data.deliveries;
				delete data.deliveriesHorizon;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				if (data.webhookId !== undefined) {
					await apiRequest.call(this, {
						method: 'DELETE',
						path: ['settings', 'webhook', Number(data.webhookId)],
						error: {
							action: 'remove the DocSpace webhook',
							notFound: 'The webhook was already removed',
						},
					});
				}
				delete data.webhookId;
				delete data.secret;
				delete data.deliveries;
				delete data.deliveriesHorizon;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as unknown as { rawBody?: Buffer; body?: unknown };
		const headers = this.getHeaderData();
		const now = Date.now();
		const refuse = (status: number, reason: string, message: string, extra: IDataObject = {}) => {
			this.logger.warn(`DocSpace Admin Trigger refused a delivery (HTTP ${status}): ${message}`, {
				reason,
				...extra,
				workflowId: this.getWorkflow().id,
				node: this.getNode().name,
			});
			this.getResponseObject()
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

		const secret = String(this.getWorkflowStaticData('node').secret ?? '');
		if (!isValidSignature(raw, headers[SIGNATURE_HEADER], secret))
			return refuse(
				401,
				'invalidSignature',
				`The ${SIGNATURE_HEADER} signature is missing or wrong`,
			);

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

		const data = this.getWorkflowStaticData('node');
		const key = ProcessMemory.key(this.getWorkflow().id, this.getNode().id, secret);
		const memory = merge(readMemory(data), processMemory.memory(key), now);
		if (memory.deliveries.some(([id]) => id === eventId)) {
			const message = `Delivery ${eventId} was accepted before; the workflow is not started again`;
			this.logger.warn(`DocSpace Admin Trigger ignored a replay: ${message}`, { eventId });
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

		const events = this.getNodeParameter('events') as string[];
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
		const response = this.getResponseObject() as unknown as {
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
		return { workflowData: [this.helpers.returnJsonArray([body])] };
	}
}
