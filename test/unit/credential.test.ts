import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { DocSpaceApi } from '../../credentials/DocSpaceApi.credentials';
import { parsePortalUrl } from '../../nodes/DocSpaceAdmin/transport/portalUrl';
import { callApi } from '../../nodes/DocSpaceAdmin/transport';
import { executeContext } from '../harness/context';
import { employee, JANE_ID } from '../harness/fixtures';
import { API_KEY, envelope, portal, PORTAL } from '../harness/portal';

const credential = new DocSpaceApi();
const PASSWORD = 'Correct-Horse-Battery-9';

const apiKey = (extra: ICredentialDataDecryptedObject = {}) => ({
	baseUrl: PORTAL,
	authType: 'apiKey',
	apiKey: API_KEY,
	...extra,
});
const login = (extra: ICredentialDataDecryptedObject = {}) => ({
	baseUrl: PORTAL,
	authType: 'password',
	email: 'alex.admin@corp.example',
	password: PASSWORD,
	sessionToken: '',
	...extra,
});

/** IHttpRequestHelper as n8n hands it to preAuthentication, over real HTTP (answered by nock). */
const helper: IHttpRequestHelper = {
	helpers: {
		httpRequest: async (options: IHttpRequestOptions) => {
			const response = await fetch(options.url, {
				method: options.method,
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(options.body),
			});
			const text = await response.text();
			const data = text ? JSON.parse(text) : undefined;
			if (!response.ok)
				throw Object.assign(new Error(`HTTP ${response.status}`), {
					response: { status: response.status, data },
				});
			return data;
		},
	} as IHttpRequestHelper['helpers'],
};

async function failureOf(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a failure');
}

describe('Portal URL', () => {
	it.each([
		['https://portal.example.com', 'https://portal.example.com'],
		['https://portal.example.com/', 'https://portal.example.com'],
		['  https://Portal.Example.com///rooms/shared?x=1 ', 'https://portal.example.com'],
		['http://127.0.0.1:8092/', 'http://127.0.0.1:8092'],
	])('normalises %j to the origin', (raw, origin) => {
		expect(parsePortalUrl(raw)).toEqual({ ok: true, origin });
	});

	it.each([
		['', 'The Portal URL is empty'],
		['portal.example.com', 'has no http:// or https:// scheme'],
		['ftp://portal.example.com', 'has no http:// or https:// scheme'],
		['https://', 'is not a valid URL'],
		['https://user:pw@portal.example.com', 'must not contain a user name or password'],
	])('rejects %j clearly', (raw, reason) => {
		const result = parsePortalUrl(raw);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.reason).toContain(reason);
	});
});

describe('authenticate', () => {
	it('sends an API key as a bearer token', async () => {
		const options = await credential.authenticate(apiKey(), {
			url: `${PORTAL}/api/2.0/people/@self`,
		});
		expect(options.headers?.Authorization).toBe(`Bearer ${API_KEY}`);
		expect(options.skipSslCertificateValidation).toBeUndefined();
	});

	it('sends a session token as is', async () => {
		const options = await credential.authenticate(login({ sessionToken: 'tok-123' }), {
			url: `${PORTAL}/api/2.0/people/@self`,
		});
		expect(options.headers?.Authorization).toBe('tok-123');
	});

	it('turns redirects off on every request it authenticates (n8n would follow them, with the header)', async () => {
		const options = await credential.authenticate(apiKey(), {
			url: `${PORTAL}/api/2.0/people/@self`,
		});
		expect(options).toMatchObject({
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		});
	});

	it('explains a refused credential and each redirect status in the credential test', () => {
		const rules = credential.test.rules ?? [];
		expect(rules.map((rule) => rule.type === 'responseCode' && rule.properties.value)).toEqual([
			401, 301, 302, 303, 307, 308,
		]);
		expect(rules[0].properties.message).toMatch(
			/DocSpace did not accept the credential\. Check the API key/,
		);
		for (const rule of rules.slice(1))
			expect(rule.properties.message).toMatch(/redirect \(HTTP 3\d\d\).*Portal URL/);
	});

	it('skips certificate checks only when asked to', async () => {
		const options = await credential.authenticate(apiKey({ ignoreSslIssues: true }), {
			url: `${PORTAL}/x`,
		});
		expect(options.skipSslCertificateValidation).toBe(true);
	});

	it('normalises the credential test request to the origin', async () => {
		const creds = apiKey({ baseUrl: `${PORTAL}/some/page/` });
		const test = credential.test.request;
		const options = await credential.authenticate(creds, {
			baseURL: `${PORTAL}/some/page/`,
			url: test.url as string,
			method: test.method,
		});
		expect(options.baseURL).toBe(PORTAL);
		expect(test.url).toBe('/api/2.0/people/@self');
	});

	it.each([
		'https://evil.example.net/api/2.0/people/@self',
		'https://portal.example.com.evil.net/x',
		'http://portal.example.com/x',
		'//evil.example.net/x',
	])('never attaches the key to another origin (%s)', async (url) => {
		const error = await failureOf(credential.authenticate(apiKey(), { url }));
		expect(error.message).toMatch(/Refusing to send DocSpace credentials/);
	});

	it('explains a portal URL without scheme', async () => {
		const error = await failureOf(
			credential.authenticate(apiKey({ baseUrl: 'portal.example.com' }), { url: '/x' }),
		);
		expect(error.message).toBe(
			'The Portal URL "portal.example.com" has no http:// or https:// scheme. Open the DocSpace API credential and enter the portal address with its scheme, e.g. https://yourcompany.onlyoffice.com',
		);
	});
});

describe('preAuthentication (email and password)', () => {
	it('exchanges email and password for a token', async () => {
		portal()
			.post('/api/2.0/authentication', { userName: 'alex.admin@corp.example', password: PASSWORD })
			.reply(
				200,
				envelope({
					token: 'tok-abc',
					expires: '2026-12-01T09:15:27.0000000Z',
					sms: false,
					tfa: false,
				}),
			);
		await expect(credential.preAuthentication.call(helper, login())).resolves.toEqual({
			sessionToken: 'tok-abc',
		});
	});

	it('signs in without following redirects: the request body carries the password', async () => {
		const sent: IHttpRequestOptions[] = [];
		const recording = {
			helpers: {
				httpRequest: async (options: IHttpRequestOptions) => (
					sent.push(options),
					envelope({ token: 'tok-abc' })
				),
			},
		} as unknown as IHttpRequestHelper;
		await credential.preAuthentication.call(recording, login());
		expect(sent).toEqual([
			expect.objectContaining({
				disableFollowRedirect: true,
				sendCredentialsOnCrossOriginRedirect: false,
			}),
		]);
	});

	it('masks the password when the portal quotes it in its refusal', async () => {
		portal()
			.post('/api/2.0/authentication')
			.reply(403, {
				error: { message: `Too many login attempts with " ${PASSWORD}"` },
				status: 1,
				statusCode: 403,
			});
		const error = await failureOf(
			credential.preAuthentication.call(helper, login({ password: `${PASSWORD}\n` })),
		);
		expect(error.message).toBe(
			'DocSpace refused to sign in: Too many login attempts with " ***". Wait a few minutes before trying again.',
		);
	});

	it('does nothing for API keys', async () => {
		await expect(credential.preAuthentication.call(helper, apiKey())).resolves.toEqual({});
	});

	it('tells a two-factor account to use an API key', async () => {
		portal()
			.post('/api/2.0/authentication')
			.reply(
				200,
				envelope({ sms: false, tfa: true, tfaKey: 'ABC', confirmUrl: `${PORTAL}/confirm` }),
			);
		const error = await failureOf(credential.preAuthentication.call(helper, login()));
		expect(error.message).toMatch(/two-factor authentication.*API key/);
	});

	it.each([
		[
			401,
			{
				error: { message: 'User authentication failed', type: null, stack: null, hresult: 0 },
				status: 1,
				statusCode: 401,
			},
			/rejected the email or password/,
		],
		[
			403,
			{ error: { message: 'User disabled' }, status: 1, statusCode: 403 },
			/User disabled.*disabled/,
		],
		[
			403,
			{
				error: { message: 'Too many login attempts. Please try again later' },
				status: 1,
				statusCode: 403,
			},
			/Wait a few minutes/,
		],
	])(
		'explains a failed sign-in (HTTP %i) without echoing the password',
		async (status, body, message) => {
			portal().post('/api/2.0/authentication').reply(status, body);
			const error = await failureOf(credential.preAuthentication.call(helper, login()));
			expect(error.message).toMatch(message);
			expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain(
				PASSWORD,
			);
		},
	);
});

describe('session tokens in a real node context', () => {
	it('signs in once, then signs in again when the token has expired (401)', async () => {
		const api = portal()
			.post('/api/2.0/authentication')
			.reply(
				200,
				envelope({
					token: 'tok-1',
					expires: '2026-12-01T09:15:27.0000000Z',
					sms: false,
					tfa: false,
				}),
			)
			.get(`/api/2.0/people/${JANE_ID}`)
			.matchHeader('authorization', 'tok-1')
			.reply(200, envelope(employee()))
			.get(`/api/2.0/people/${JANE_ID}`)
			.matchHeader('authorization', 'tok-1')
			.reply(401, '')
			.post('/api/2.0/authentication')
			.reply(
				200,
				envelope({
					token: 'tok-2',
					expires: '2026-12-01T09:15:27.0000000Z',
					sms: false,
					tfa: false,
				}),
			)
			.get(`/api/2.0/people/${JANE_ID}`)
			.matchHeader('authorization', 'tok-2')
			.reply(200, envelope(employee()));
		const store = { docSpaceApi: login() };
		const { context, credentials } = executeContext(store);
		const request = {
			method: 'GET' as const,
			path: ['people', JANE_ID],
			error: { action: 'get the user' },
		};

		await callApi(context as never, request);
		await callApi(context as never, request);

		expect(credentials.preAuthenticationCalls).toBe(2);
		expect(store.docSpaceApi.sessionToken).toBe('tok-2');
		expect(api.isDone()).toBe(true);
	});
});
