/**
 * DocSpace's OAuth 2.0 authorization server (common/ASC.Identity, Spring Authorization Server), as the
 * identity service publishes it on the portal: `GET /oauth2/authorize` (`authorizeOAuth`) and
 * `POST /oauth2/token` (`exchangeToken`) in the OpenAPI `oauth.json`. Authorization code with PKCE
 * (S256) for the registered clients of `state.clients`, refresh tokens, and Bearer access tokens
 * that the API accepts with the scopes the client was granted.
 *
 * Simplified on purpose: the signed-in user (cookie `asc_auth_key`) or else the client's creator
 * approves at once (no login or consent page: `GET` answers with the 302 that the consent `POST`
 * would), and access tokens are opaque strings instead of JWTs.
 */
import { createHash, randomBytes } from 'crypto';
import type http from 'http';

import type { OAuthClient } from '../model';
import type { SandboxState } from '../state';

const CODE_LIFETIME_MS = 5 * 60_000;

interface Code {
	clientId: string;
	redirectUri: string;
	scopes: string[];
	userId: string;
	challenge?: string;
	expires: number;
}

export interface OAuthGrant {
	clientId: string;
	userId: string;
	scopes: string[];
	expires: number;
}

type Reply = { status: number; body: string; headers?: Record<string, string>; type?: string };

const json = (status: number, body: unknown): Reply => ({
	status,
	body: JSON.stringify(body),
	type: 'application/json;charset=UTF-8',
	headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
});
const oauthError = (status: number, error: string, description: string): Reply =>
	json(status, { error, error_description: description });

const opaque = (prefix: string) => `${prefix}-${randomBytes(24).toString('base64url')}`;

export class OAuthServer {
	private codes = new Map<string, Code>();
	private accessTokens = new Map<string, OAuthGrant>();
	private refreshTokens = new Map<string, Omit<OAuthGrant, 'expires'>>();
	/** Every token request answered, newest last (tests read which grant types were used). */
	readonly tokenRequests: Array<{ grantType: string; status: number }> = [];

	constructor(
		private state: () => SandboxState,
		public accessTokenLifetimeSeconds = 3600,
	) {}

	reset(): void {
		this.codes.clear();
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.tokenRequests.length = 0;
	}

	/** Makes every access token issued so far expired (the API then answers 401; a refresh still works). */
	expireAccessTokens(): void {
		for (const grant of this.accessTokens.values()) grant.expires = 0;
	}

	/** The grant behind a Bearer access token, if it is current and its client still exists and is enabled. */
	grant(token: string): OAuthGrant | undefined {
		const grant = this.accessTokens.get(token);
		if (!grant || grant.expires < Date.now()) return undefined;
		return this.client(grant.clientId) ? grant : undefined;
	}

	handle(method: string, url: URL, raw: string, req: http.IncomingMessage): Reply {
		if (url.pathname === '/oauth2/authorize' && method === 'GET')
			return this.authorize(url.searchParams, req);
		if (url.pathname === '/oauth2/token' && method === 'POST') {
			const reply = this.token(new URLSearchParams(raw), req.headers.authorization);
			return reply;
		}
		return { status: 404, body: '' };
	}

	private client(clientId: string | null): OAuthClient | undefined {
		return this.state().clients.find((c) => c.clientId === clientId && c.enabled);
	}

	private authorize(query: URLSearchParams, req: http.IncomingMessage): Reply {
		const client = this.client(query.get('client_id'));
		const redirectUri = query.get('redirect_uri') ?? '';
		// RFC 6749 §4.1.2.1: an unknown client or redirect URI is told to the user, never redirected to.
		if (!client) return { status: 400, body: 'Invalid client_id', type: 'text/plain' };
		if (!client.redirectUris.includes(redirectUri))
			return { status: 400, body: 'Invalid redirect_uri', type: 'text/plain' };
		const back = (params: Record<string, string>) => {
			const target = new URL(redirectUri);
			for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
			const state = query.get('state');
			if (state !== null) target.searchParams.set('state', state);
			return { status: 302, body: '', headers: { Location: target.toString() } };
		};
		if (query.get('response_type') !== 'code')
			return back({
				error: 'unsupported_response_type',
				error_description: 'response_type must be code',
			});
		const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean);
		if (!scopes.length || scopes.some((s) => !client.scopes.includes(s))) {
			return back({
				error: 'invalid_scope',
				error_description: `The client may request only: ${client.scopes.join(' ')}`,
			});
		}
		const challenge = query.get('code_challenge') ?? undefined;
		if (client.isPublic && !challenge)
			return back({ error: 'invalid_request', error_description: 'code_challenge is required' });
		if (challenge && (query.get('code_challenge_method') ?? 'plain') !== 'S256') {
			return back({
				error: 'invalid_request',
				error_description: 'code_challenge_method must be S256',
			});
		}
		const user = this.signedIn(req) ?? this.state().user(client.createdBy);
		if (!user || user.status !== 1)
			return back({ error: 'access_denied', error_description: 'The user cannot sign in' });
		const code = opaque('sandbox-code');
		this.codes.set(code, {
			clientId: client.clientId,
			redirectUri,
			scopes,
			userId: user.id,
			challenge,
			expires: Date.now() + CODE_LIFETIME_MS,
		});
		return back({ code });
	}

	private signedIn(req: http.IncomingMessage) {
		const cookie = /(?:^|;\s*)asc_auth_key=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
		const session = cookie ? this.state().sessions.get(cookie) : undefined;
		return session && session.expires > Date.now() ? this.state().user(session.userId) : undefined;
	}

	/** client_secret_basic (RFC 6749 §2.3.1, form-encoded id and secret) or client_secret_post. */
	private authenticateClient(
		form: URLSearchParams,
		authorization: string | undefined,
	): OAuthClient | undefined {
		let id = form.get('client_id');
		let secret = form.get('client_secret');
		if (authorization?.startsWith('Basic ')) {
			const [user, password = ''] = Buffer.from(authorization.slice(6), 'base64')
				.toString('utf8')
				.split(':');
			const decode = (v: string) => decodeURIComponent(v.replace(/\+/g, ' '));
			id = decode(user ?? '');
			secret = decode(password);
		}
		const client = this.client(id);
		if (!client) return undefined;
		if (client.isPublic) return secret ? undefined : client;
		return secret === client.clientSecret ? client : undefined;
	}

	private token(form: URLSearchParams, authorization: string | undefined): Reply {
		const grantType = form.get('grant_type') ?? '';
		const reply = this.tokenReply(grantType, form, authorization);
		this.tokenRequests.push({ grantType, status: reply.status });
		return reply;
	}

	private tokenReply(
		grantType: string,
		form: URLSearchParams,
		authorization: string | undefined,
	): Reply {
		const client = this.authenticateClient(form, authorization);
		if (!client) return oauthError(401, 'invalid_client', 'Client authentication failed');
		if (grantType === 'authorization_code') {
			const code = this.codes.get(form.get('code') ?? '');
			// A code is single-use: whatever the outcome, it is gone.
			this.codes.delete(form.get('code') ?? '');
			if (!code || code.expires < Date.now() || code.clientId !== client.clientId)
				return oauthError(400, 'invalid_grant', 'The authorization code is invalid or expired');
			if (form.get('redirect_uri') !== code.redirectUri)
				return oauthError(
					400,
					'invalid_grant',
					'redirect_uri does not match the authorization request',
				);
			if (code.challenge) {
				const verifier = form.get('code_verifier') ?? '';
				if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge)
					return oauthError(
						400,
						'invalid_grant',
						'code_verifier does not match the code_challenge',
					);
			}
			return this.issue(
				{ clientId: client.clientId, userId: code.userId, scopes: code.scopes },
				true,
			);
		}
		if (grantType === 'refresh_token') {
			const refreshToken = form.get('refresh_token') ?? '';
			const grant = this.refreshTokens.get(refreshToken);
			if (!grant || grant.clientId !== client.clientId)
				return oauthError(400, 'invalid_grant', 'The refresh token is invalid');
			const user = this.state().user(grant.userId);
			if (!user || user.status !== 1)
				return oauthError(400, 'invalid_grant', 'The user cannot sign in');
			// Spring Authorization Server reuses the refresh token by default (reuseRefreshTokens).
			return this.issue(grant, false, refreshToken);
		}
		return oauthError(
			400,
			'unsupported_grant_type',
			'grant_type must be authorization_code or refresh_token',
		);
	}

	private issue(
		grant: Omit<OAuthGrant, 'expires'>,
		newRefresh: boolean,
		refreshToken?: string,
	): Reply {
		const accessToken = opaque('sandbox-oauth');
		this.accessTokens.set(accessToken, {
			...grant,
			expires: Date.now() + this.accessTokenLifetimeSeconds * 1000,
		});
		const refresh = newRefresh ? opaque('sandbox-refresh') : refreshToken!;
		if (newRefresh) this.refreshTokens.set(refresh, grant);
		return json(200, {
			access_token: accessToken,
			refresh_token: refresh,
			scope: grant.scopes.join(' '),
			token_type: 'Bearer',
			expires_in: this.accessTokenLifetimeSeconds,
		});
	}
}
