import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { portalUrlProperty } from '../nodes/shared/credentials';

/**
 * DocSpace OAuth 2.0 app (authorization code with PKCE). DocSpace's identity service answers on the
 * portal itself: `{portal}/oauth2/authorize` and `{portal}/oauth2/token` (OpenAPI `oauth.json`,
 * `authorizeOAuth` / `exchangeToken`); the scopes are those of the portal's OAuth apps
 * (`GET /api/2.0/scopes`). Which scope opens which API route is DocSpace-server's
 * `common/ASC.Api.Core/Auth/AuthorizationExtension.cs` (`ScopesMap`): `people` needs `accounts:*`,
 * `people/@self` `accounts.self:*`, `files/rooms` `rooms:*`, other `files` `files:*`; a route outside
 * that map (audit, `settings/webhook`) needs the global `*:read` / `*:write`, which OAuth apps cannot
 * request — those need the DocSpace API credential.
 *
 * Used by the node and the trigger when their "Authentication" is OAuth2 (transport `credentialType`).
 */
export class DocSpaceOAuth2Api implements ICredentialType {
	name = 'docSpaceOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'DocSpace OAuth2 API';

	icon: Icon = { light: 'file:../icons/docspace.svg', dark: 'file:../icons/docspace.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-docspace-admin';

	properties: INodeProperties[] = [
		portalUrlProperty('Address of your DocSpace portal, including https://'),
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'pkce',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '={{ $self["baseUrl"].replace(/\\/+$/, "") }}/oauth2/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{ $self["baseUrl"].replace(/\\/+$/, "") }}/oauth2/token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default:
				'accounts:read accounts:write accounts.self:read files:read files:write rooms:read rooms:write',
			description:
				'Space-separated scopes, all of them enabled in your DocSpace OAuth app. Offboarding needs accounts, files and rooms, read and write. DocSpace gives OAuth apps no scope for the audit trail or webhooks (the trigger): use the DocSpace API credential for those.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];
}
