import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { docSpaceCredentials } from '../shared/authentication';
import { triggerProperties } from './description';
import { receiveDelivery } from './receive';
import { registerWebhook, removeWebhook, webhookExists } from './registration';

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
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registerWebhook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await removeWebhook(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery(this);
	}
}
