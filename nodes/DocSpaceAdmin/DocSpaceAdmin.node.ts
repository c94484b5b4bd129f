import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, docSpaceCredentials } from '../shared/authentication';
import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { listSearch } from './methods';

export class DocSpaceAdmin implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'DocSpace Admin',
		name: 'docSpaceAdmin',
		icon: { light: 'file:../../icons/docspace.svg', dark: 'file:../../icons/docspace.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Administer ONLYOFFICE DocSpace users and their data, e.g. for employee offboarding',
		defaults: { name: 'DocSpace Admin' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: docSpaceCredentials,
		properties: [authenticationProperty, ...properties],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
