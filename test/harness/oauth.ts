import { createHash, randomBytes } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CLIENT_IDS, N8N_OAUTH_CALLBACKS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';

/** The scopes the tests' OAuth2 credential asks for. */
export const OAUTH_SCOPE =
	'accounts:read accounts:write accounts.self:read files:read files:write rooms:read rooms:write';

/**
 * "Connect my account" as n8n does it (PKCE) against the sandbox's identity service: the OAuth2
 * credential with the token data n8n stores in `oauthTokenData`, talking to `origin` (the sandbox,
 * or a proxy in front of it).
 */
export async function connectedOAuthCredential(
	sandbox: Sandbox,
	origin = sandbox.origin,
): Promise<ICredentialDataDecryptedObject> {
	const client = sandbox.state.clients.find((c) => c.clientId === CLIENT_IDS.n8n)!;
	const verifier = randomBytes(32).toString('base64url');
	const query = new URLSearchParams({
		client_id: client.clientId,
		redirect_uri: N8N_OAUTH_CALLBACKS[0],
		response_type: 'code',
		scope: OAUTH_SCOPE,
		state: 'x',
		code_challenge: createHash('sha256').update(verifier).digest('base64url'),
		code_challenge_method: 'S256',
	});
	const authorized = await fetch(`${sandbox.origin}/oauth2/authorize?${query}`, {
		redirect: 'manual',
	});
	const code = new URL(authorized.headers.get('location')!).searchParams.get('code')!;
	const token = await fetch(`${sandbox.origin}/oauth2/token`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			Authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
		},
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: N8N_OAUTH_CALLBACKS[0],
			code_verifier: verifier,
		}).toString(),
	});
	return {
		baseUrl: origin,
		grantType: 'pkce',
		authUrl: `${origin}/oauth2/authorize`,
		accessTokenUrl: `${origin}/oauth2/token`,
		clientId: client.clientId,
		clientSecret: client.clientSecret,
		scope: OAUTH_SCOPE,
		authQueryParameters: '',
		authentication: 'header',
		oauthTokenData: (await token.json()) as ICredentialDataDecryptedObject,
	};
}
