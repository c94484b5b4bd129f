import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/**
 * How the DocSpace Admin node and its trigger sign in, as n8n's own nodes offer it (a top-level
 * `authentication` parameter and one credential per choice, each shown only for its choice). The
 * transport reads the same parameter to pick the credential.
 */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'API Key or Email and Password',
			value: 'apiKey',
			description: 'The DocSpace API credential',
		},
		{
			name: 'OAuth2',
			value: 'oAuth2',
			description: 'A DocSpace OAuth 2.0 app, connected with "Connect my account"',
		},
	],
	default: 'apiKey',
};

/** The nodes' credentials, each shown for its choice of `authentication`. */
export const docSpaceCredentials: INodeCredentialDescription[] = [
	{ name: 'docSpaceApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
	{
		name: 'docSpaceOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];
