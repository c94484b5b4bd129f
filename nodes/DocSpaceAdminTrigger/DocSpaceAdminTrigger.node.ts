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

/** DocSpace's webhook triggers (bit flags; a webhook listens to their sum). */
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
		description:
			'Administer ONLYOFFICE DocSpace users and their data, e.g. for employee offboarding, and start workflows when a user is disabled or deleted',
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
					'n8n registers a DocSpace webhook when the workflow is activated and removes it when deactivated. Every delivery must carry a valid x-docspace-signature-256; anything else is refused with 401.',
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
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as unknown as { rawBody?: Buffer; body?: unknown };
		const secret = String(this.getWorkflowStaticData('node').secret ?? '');
		const raw = request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? {}));
		if (!isValidSignature(raw, this.getHeaderData()[SIGNATURE_HEADER], secret)) {
			const response = this.getResponseObject();
			response.status(401).send('Invalid signature');
			return { noWebhookResponse: true };
		}
		const body = this.getBodyData() as { event?: { trigger?: string } } & IDataObject;
		const events = this.getNodeParameter('events') as string[];
		// n8n starts an execution whenever `workflowData` is set, even to an empty list
		// (cli webhook-helpers: only `workflowData === undefined` means "do not run");
		// so an event nobody selected answers 200 with no workflowData, as n8n's own triggers do.
		if (!events.includes(String(body.event?.trigger ?? ''))) return {};
		return { workflowData: [this.helpers.returnJsonArray([body])] };
	}
}
