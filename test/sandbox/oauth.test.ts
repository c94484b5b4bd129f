/**
 * The sandbox's OAuth 2.0 server against what DocSpace's identity service does: authorization code
 * with PKCE (S256), client authentication, refresh tokens, and Bearer access tokens limited by the
 * scopes DocSpace's ScopesMap requires for each route.
 */
import { createHash, randomBytes } from 'crypto';

import { CLIENT_IDS, IDS, N8N_OAUTH_CALLBACKS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { testSandbox } from '../harness/sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await testSandbox();
});
afterAll(async () => await sandbox.stop());
beforeEach(() => sandbox.reset());

const REDIRECT = N8N_OAUTH_CALLBACKS[0];
const secretOf = (clientId: string) =>
	sandbox.state.clients.find((c) => c.clientId === clientId)!.clientSecret;
const basic = (id: string, secret: string) =>
	`Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function pkce() {
	const verifier = randomBytes(32).toString('base64url');
	return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function authorize(params: Record<string, string>): Promise<Response> {
	const query = new URLSearchParams({
		response_type: 'code',
		client_id: CLIENT_IDS.n8n,
		redirect_uri: REDIRECT,
		scope: 'accounts:read',
		state: 'st-1',
		...params,
	});
	return await fetch(`${sandbox.origin}/oauth2/authorize?${query}`, { redirect: 'manual' });
}

async function codeFor(scope: string, challenge: string): Promise<string> {
	const answer = await authorize({
		scope,
		code_challenge: challenge,
		code_challenge_method: 'S256',
	});
	expect(answer.status).toBe(302);
	return new URL(answer.headers.get('location')!).searchParams.get('code')!;
}

async function token(
	form: Record<string, string>,
	authorization = basic(CLIENT_IDS.n8n, secretOf(CLIENT_IDS.n8n)),
) {
	const answer = await fetch(`${sandbox.origin}/oauth2/token`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			...(authorization ? { Authorization: authorization } : {}),
		},
		body: new URLSearchParams(form).toString(),
	});
	return { status: answer.status, json: (await answer.json()) as Record<string, string | number> };
}

async function connect(scope = 'accounts:read accounts:write') {
	const { verifier, challenge } = pkce();
	const code = await codeFor(scope, challenge);
	return await token({
		grant_type: 'authorization_code',
		code,
		redirect_uri: REDIRECT,
		code_verifier: verifier,
	});
}

const api = async (path: string, accessToken: string, method = 'GET') =>
	(
		await fetch(`${sandbox.origin}/api/2.0${path}`, {
			method,
			headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
		})
	).status;

describe('GET /oauth2/authorize', () => {
	it('redirects to the registered redirect_uri with a code and the state', async () => {
		const answer = await authorize({
			code_challenge: pkce().challenge,
			code_challenge_method: 'S256',
		});
		expect(answer.status).toBe(302);
		const location = new URL(answer.headers.get('location')!);
		expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
		expect(location.searchParams.get('state')).toBe('st-1');
		expect(location.searchParams.get('code')).toMatch(/\S{20,}/);
	});

	it('never redirects for an unknown client or an unregistered redirect_uri (400)', async () => {
		expect((await authorize({ client_id: 'not-a-client' })).status).toBe(400);
		expect((await authorize({ redirect_uri: 'https://evil.example/cb' })).status).toBe(400);
	});

	it('refuses scopes the client was not given, and challenges other than S256, at the redirect_uri', async () => {
		const jane = await fetch(
			`${sandbox.origin}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_IDS.jane, redirect_uri: 'https://apps.corp.example/oauth/callback', scope: 'accounts:write', state: 's' })}`,
			{ redirect: 'manual' },
		);
		expect(new URL(jane.headers.get('location')!).searchParams.get('error')).toBe('invalid_scope');
		const plain = await authorize({ code_challenge: 'abc', code_challenge_method: 'plain' });
		expect(new URL(plain.headers.get('location')!).searchParams.get('error')).toBe(
			'invalid_request',
		);
		const type = await authorize({ response_type: 'token' });
		expect(new URL(type.headers.get('location')!).searchParams.get('error')).toBe(
			'unsupported_response_type',
		);
	});
});

describe('POST /oauth2/token', () => {
	it('exchanges a code with its code_verifier for a Bearer access token and a refresh token', async () => {
		const answer = await connect();
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({
			token_type: 'Bearer',
			expires_in: 3600,
			scope: 'accounts:read accounts:write',
		});
		expect(typeof answer.json.access_token).toBe('string');
		expect(typeof answer.json.refresh_token).toBe('string');
	});

	it('refuses a wrong code_verifier, a reused code and a different redirect_uri (invalid_grant)', async () => {
		const { verifier, challenge } = pkce();
		const code = await codeFor('accounts:read', challenge);
		expect(
			(
				await token({
					grant_type: 'authorization_code',
					code,
					redirect_uri: REDIRECT,
					code_verifier: `${verifier}x`,
				})
			).json.error,
		).toBe('invalid_grant');
		// The failed attempt used the code up.
		expect(
			(
				await token({
					grant_type: 'authorization_code',
					code,
					redirect_uri: REDIRECT,
					code_verifier: verifier,
				})
			).json.error,
		).toBe('invalid_grant');
		const other = pkce();
		const code2 = await codeFor('accounts:read', other.challenge);
		expect(
			(
				await token({
					grant_type: 'authorization_code',
					code: code2,
					redirect_uri: N8N_OAUTH_CALLBACKS[1],
					code_verifier: other.verifier,
				})
			).json.error,
		).toBe('invalid_grant');
	});

	it('authenticates the client by Basic header or by client_secret in the body; a wrong secret is 401 invalid_client', async () => {
		const { verifier, challenge } = pkce();
		const code = await codeFor('accounts:read', challenge);
		const wrong = await token(
			{ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier },
			basic(CLIENT_IDS.n8n, 'wrong'),
		);
		expect([wrong.status, wrong.json.error]).toEqual([401, 'invalid_client']);
		const p2 = pkce();
		const code2 = await codeFor('accounts:read', p2.challenge);
		const posted = await token(
			{
				grant_type: 'authorization_code',
				code: code2,
				redirect_uri: REDIRECT,
				code_verifier: p2.verifier,
				client_id: CLIENT_IDS.n8n,
				client_secret: secretOf(CLIENT_IDS.n8n),
			},
			'',
		);
		expect(posted.status).toBe(200);
	});

	it('refreshes: a new access token for the same grant; the refresh token stays valid; unknown grant types are refused', async () => {
		const first = await connect();
		const refreshed = await token({
			grant_type: 'refresh_token',
			refresh_token: String(first.json.refresh_token),
		});
		expect(refreshed.status).toBe(200);
		expect(refreshed.json.access_token).not.toBe(first.json.access_token);
		expect(refreshed.json.refresh_token).toBe(first.json.refresh_token);
		expect((await token({ grant_type: 'refresh_token', refresh_token: 'nope' })).json.error).toBe(
			'invalid_grant',
		);
		expect((await token({ grant_type: 'password' })).json.error).toBe('unsupported_grant_type');
	});
});

describe('Bearer access tokens on the API', () => {
	it('act as the user who approved, within the granted scopes (ScopesMap)', async () => {
		const { json } = await connect('accounts:read');
		const access = String(json.access_token);
		const self = await fetch(`${sandbox.origin}/api/2.0/people/${IDS.jane}`, {
			headers: { Authorization: `Bearer ${access}` },
		});
		expect(self.status).toBe(200);
		expect(sandbox.log.at(-1)?.userId).toBe(
			sandbox.state.clients.find((c) => c.clientId === CLIENT_IDS.n8n)!.createdBy,
		);
		expect(await api('/files/rooms', access)).toBe(403);
		expect(await api('/people/status/2', access, 'PUT')).toBe(403);
		// Outside ScopesMap only the global *:read / *:write open a route; OAuth apps cannot have them.
		expect(await api('/settings/webhook', access)).toBe(403);
	});

	it('answer 401 once expired, and the refreshed token works', async () => {
		const { json } = await connect('accounts:read');
		sandbox.oauth.expireAccessTokens();
		expect(await api(`/people/${IDS.jane}`, String(json.access_token))).toBe(401);
		const refreshed = await token({
			grant_type: 'refresh_token',
			refresh_token: String(json.refresh_token),
		});
		expect(await api(`/people/${IDS.jane}`, String(refreshed.json.access_token))).toBe(200);
	});

	it('stop working when the client is disabled or the user is disabled', async () => {
		const { json } = await connect('accounts:read');
		const access = String(json.access_token);
		sandbox.state.clients.find((c) => c.clientId === CLIENT_IDS.n8n)!.enabled = false;
		expect(await api(`/people/${IDS.jane}`, access)).toBe(401);
		sandbox.state.clients.find((c) => c.clientId === CLIENT_IDS.n8n)!.enabled = true;
		sandbox.state.user(
			sandbox.state.clients.find((c) => c.clientId === CLIENT_IDS.n8n)!.createdBy,
		)!.status = 2;
		expect(await api(`/people/${IDS.jane}`, access)).toBe(401);
	});
});
