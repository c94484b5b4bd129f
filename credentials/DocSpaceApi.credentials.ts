import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	authenticateRequest,
	exchangePasswordForToken,
	portalUrlProperty,
} from '../nodes/shared/credentials';

/** Redirect answers the credential test reports in words instead of a bare status code. */
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

const redirectRule = (value: number): IAuthenticateRuleResponseCode => ({
	type: 'responseCode',
	properties: {
		value,
		message: `The portal answered with a redirect (HTTP ${value}). n8n does not follow redirects with DocSpace credentials, so the key was not sent on. Enter the portal's final address (the one your browser shows after signing in, with https://) as the Portal URL`,
	},
});

export class DocSpaceApi implements ICredentialType {
	name = 'docSpaceApi';

	displayName = 'DocSpace API';

	icon: Icon = { light: 'file:../icons/docspace.svg', dark: 'file:../icons/docspace.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-docspace-admin';

	properties: INodeProperties[] = [
		portalUrlProperty(
			'Address of your DocSpace portal, including https://. Any path after the host name is ignored. Requests are never redirected: enter the address the portal really answers on.',
		),
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'API Key',
					value: 'apiKey',
					description: 'A secret key (sk-…) created in DocSpace under Developer Tools → API keys',
				},
				{
					name: 'Email and Password',
					value: 'password',
					description: 'Sign in as a DocSpace user; the node exchanges them for a session token',
				},
			],
			default: 'apiKey',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. sk-4f1c…',
			description:
				'Create it in DocSpace → Developer Tools → API keys with the "*" (all) permission. The key acts as the DocSpace admin who created it.',
			displayOptions: { show: { authType: ['apiKey'] } },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. admin@example.com',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Accounts with two-factor authentication cannot sign in this way: use an API key instead',
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the SSL certificate cannot be verified, e.g. for a self-hosted portal with a self-signed certificate',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authType !== 'password') return {};
		return { sessionToken: await exchangePasswordForToken(this, credentials) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticateRequest(credentials, requestOptions);
	}

	test: ICredentialTestRequest = {
		request: {
			// authenticate() reduces this to the portal's origin.
			baseURL: '={{$credentials.baseUrl}}',
			url: '/api/2.0/people/@self',
			method: 'GET',
		},
		// authenticate() turns redirects off for this request too; these rules explain the 3xx, and a
		// refused credential in the words the node uses (n8n would say only "Unauthorized").
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'DocSpace did not accept the credential. Check the API key (or email and password): an API key stops working when it expires or when the user who created it is disabled or deleted',
				},
			},
			...REDIRECT_STATUSES.map(redirectRule),
		],
	};
}
