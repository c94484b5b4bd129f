import { createHash } from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';

import fc from 'fast-check';
import type { INode } from 'n8n-workflow';

import type { Failure } from '../../nodes/DocSpaceAdmin/transport/errors';
import { MAX_SHOWN_LENGTH, toNodeApiError } from '../../nodes/DocSpaceAdmin/transport/errors';
import { redact, secretForms } from '../../nodes/DocSpaceAdmin/transport/redact';
import { JANE_ID } from '../harness/fixtures';
import { leaks, stringsIn } from '../harness/leaks';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';
import { basicOf, ENCODED_ECHOES, encodedFormsOf, encodedLeaks } from './encodedLeaks';

/**
 * "No leak", as checked here (test/harness/leaks.ts): no substring of length
 * min(8, |secret|) of a secret — trimmed, or trimmed and URL-encoded —
 * appears in any string the package produces: message, description, any field
 * of the error and its cause chain, output items, and n8n's log lines.
 */
const node: INode = {
	id: 'n',
	name: 'DocSpace Admin',
	type: 'docSpaceAdmin',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const KEY_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

const apiKeyCore = fc
	.string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 8, maxLength: 48 })
	.map((s) => `sk-${s}`);
const passwordCore = fc
	.string({ unit: fc.constantFrom(...PRINTABLE), minLength: 8, maxLength: 40 })
	.filter((s) => s.trim().length >= 8);
/** What a paste brings around a value: spaces, tabs, newlines. */
const padding = fc
	.array(fc.constantFrom(' ', '\n', '\t', '\r\n', '  '), { maxLength: 3 })
	.map((parts) => parts.join(''));
const filler = (maxLength: number) =>
	fc.string({ unit: fc.constantFrom(...KEY_CHARS, ' ', '.', ':', '"', '\n'), maxLength });
/** Where the echo starts: anywhere, with extra weight right around the 300-character cut. */
const echoStart = fc.oneof(
	fc.integer({ min: 0, max: 420 }),
	fc.integer({ min: MAX_SHOWN_LENGTH - 45, max: MAX_SHOWN_LENGTH + 5 }),
);

type Field = 'apiKey' | 'password' | 'sessionToken';
const secretCase = fc.record({
	field: fc.constantFrom<Field>('apiKey', 'password', 'sessionToken'),
	core: fc.oneof(apiKeyCore, passwordCore),
	before: padding,
	after: padding,
});

/** The ways a server may quote what it was sent. */
const ECHOES: Record<string, (typed: string) => string> = {
	'as typed': (typed) => typed,
	trimmed: (typed) => typed.trim(),
	'after Bearer': (typed) => `Authorization: Bearer ${typed.trim()}`,
	'URL-encoded, trimmed': (typed) => encodeURIComponent(typed.trim()),
	'URL-encoded, as typed': (typed) => encodeURIComponent(typed),
	'JSON-escaped': (typed) => JSON.stringify(typed).slice(1, -1),
	twice: (typed) => `${typed.trim()} and again ${typed}`,
};

const FAILURES: Record<string, (said: string) => Failure> = {
	'400 with a message': (said) => ({ status: 400, body: { error: { message: said } } }),
	'400 validation problem': (said) => ({
		status: 400,
		body: { response: { title: 'x', errors: { Key: [said] } } },
	}),
	'403 with a reason': (said) => ({ status: 403, body: { error: { message: said } } }),
	'402 plan': (said) => ({ status: 402, body: { error: { message: said } } }),
	'500 with a message': (said) => ({ status: 500, body: { error: { message: said } } }),
	'418 unexpected': (said) => ({ status: 418, body: { error: { message: said } } }),
	'network message': (said) => ({ networkCode: 'EWHATEVER', networkMessage: said }),
};

describe('redaction of every form of a secret, before any cut', () => {
	it('leaves no 8-character fragment of the key, password or token in any part of the error', () => {
		fc.assert(
			fc.property(
				secretCase,
				fc.constantFrom(...Object.keys(ECHOES)),
				fc.constantFrom(...Object.keys(FAILURES)),
				echoStart,
				filler(420),
				filler(120),
				({ field, core, before, after }, echo, kind, start, prefixText, suffix) => {
					const typed = `${before}${core}${after}`;
					const credentials = {
						baseUrl: 'https://portal.example.com',
						authType: 'apiKey',
						[field]: typed,
					};
					const said = `${prefixText.padEnd(start, 'x').slice(0, start)}${ECHOES[echo](typed)}${suffix}`;
					const error = toNodeApiError(node, FAILURES[kind](said), {
						action: 'get the user',
						secrets: secretForms(credentials),
						itemIndex: 0,
					});
					expect(leaks(stringsIn(error), [typed])).toEqual([]);
					expect(error.message).toMatch(
						/^(Could not get the user: |DocSpace did not accept the credential \(trying to get the user\)$|The DocSpace portal could not be reached \(trying to get the user\)$)/,
					);
				},
			),
			{ numRuns: 3000 },
		);
	});

	it('masks a key that straddles the 300-character cut completely (the old order left its prefix)', () => {
		const key = 'sk-0123456789abcdefghijklmnopqrstuv';
		const said = `${'x'.repeat(MAX_SHOWN_LENGTH - 10)}${key} trailing`;
		const error = toNodeApiError(node, FAILURES['400 with a message'](said), {
			action: 'get the user',
			secrets: secretForms({ apiKey: ` ${key}\n` }),
		});
		expect(error.message).toBe(
			`Could not get the user: ${'x'.repeat(MAX_SHOWN_LENGTH - 10)}*** tra...`,
		);
	});

	it('masks the trimmed key when the credential holds it with a trailing newline', () => {
		const error = toNodeApiError(
			node,
			FAILURES['400 with a message']('Invalid token Bearer sk-abcdefgh12345678 given'),
			{
				action: 'get the user',
				secrets: secretForms({ apiKey: 'sk-abcdefgh12345678\n' }),
			},
		);
		expect(error.message).toBe('Could not get the user: Invalid token Bearer *** given');
	});
});

/** Where each secret sits in a credential (docSpaceApi, or the OAuth2 credential after "Connect my account"). */
const SECRET_KINDS: Record<string, (value: string) => Record<string, unknown>> = {
	apiKey: (value) => ({ authType: 'apiKey', apiKey: value }),
	password: (value) => ({ authType: 'password', password: value }),
	sessionToken: (value) => ({ authType: 'password', sessionToken: value }),
	clientSecret: (value) => ({ clientId: 'n8n-docspace-app', clientSecret: value }),
	access_token: (value) => ({ oauthTokenData: { access_token: value } }),
	refresh_token: (value) => ({ oauthTokenData: { refresh_token: value } }),
	id_token: (value) => ({ oauthTokenData: { id_token: value } }),
};

/** The leak forms of a secret of this kind (test/security/encodedLeaks.ts). */
function formsFor(kind: string, typed: string): string[] {
	const forms = encodedFormsOf(typed);
	return kind === 'clientSecret'
		? [...forms, ...encodedFormsOf(basicOf('n8n-docspace-app', typed))]
		: forms;
}

const BENIGN = [
	'Could not get the user: the portal is unavailable (HTTP 503). Try again in a few minutes.',
	'Authorization failed: the Bearer token or the Basic password was not accepted',
	'Jane Doe <jane.doe@corp.example> moved "Workspace – Jane Doe" into "Archive – Jane Doe"',
	'https://portal.example.com/api/2.0/people/3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d?fields=id,email',
	'3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d 9a8b7c6d-1234-4cde-9f00-abcdefabcdef 2026-12-04T10:15:00.000Z',
	Buffer.from('An ordinary document about passwords, tokens and keys.').toString('base64'),
	// Unrelated hex as it occurs (hashes, IDs): hex of English text would share 4-byte windows with
	// secrets made of letters ("uthe"), which the hex form of a secret must still mask.
	createHash('sha512').update('an unrelated document').digest('hex'),
	'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
	'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIiwiaWF0IjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlLW9mLWFub3RoZXI',
	'password reset, secret question, session expired, sk- prefix, QmFzaWMg, Y2xpZW50',
];

describe('redaction of encoded echoes: base64 (3 alignments, both alphabets, padded or not) and hex', () => {
	it('leaves no 8-character fragment of any form of any secret kind, wherever the echo sits', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...Object.keys(SECRET_KINDS)),
				fc.oneof(apiKeyCore, passwordCore),
				padding,
				fc.constantFrom(...Object.keys(ENCODED_ECHOES)),
				filler(120),
				filler(40),
				(kind, core, pad, echo, before, after) => {
					const typed = `${pad}${core}${pad}`;
					const credentials = {
						baseUrl: 'https://portal.example.com',
						...SECRET_KINDS[kind](typed),
					};
					const echoed = ENCODED_ECHOES[echo](core);
					const said = `Portal said: ${before} ${echoed} ${after}`;
					const shown = redact(said, secretForms(credentials as never));
					expect(encodedLeaks(shown, formsFor(kind, typed))).toEqual([]);
					expect(shown.startsWith('Portal said: ')).toBe(true);
				},
			),
			{ numRuns: 3000 },
		);
	});

	it('masks the Basic credential n8n sends to refresh an OAuth2 token, and base64 of that header', () => {
		const secret = 'cs-0123456789abcdefghijABCDEFGHIJ';
		const basic = basicOf('n8n-docspace-app', secret);
		const forms = secretForms({ clientId: 'n8n-docspace-app', clientSecret: secret });
		for (const echoed of [
			`Authorization: Basic ${basic}`,
			Buffer.from(`Basic ${basic}`).toString('base64'),
			Buffer.from(`{"authorization":"Basic ${basic}"}`).toString('base64'),
		]) {
			const shown = redact(`said ${echoed}`, forms);
			expect(encodedLeaks(shown, formsFor('clientSecret', secret))).toEqual([]);
		}
	});

	it('masks base64 of the whole Authorization header, e.g. QmVhcmVyIHNr… for "Bearer sk…"', () => {
		const key = 'sk-0123456789abcdef0123456789abcdef';
		const echoed = Buffer.from(`Bearer ${key}`).toString('base64');
		expect(echoed.startsWith('QmVhcmVyIHNr')).toBe(true);
		const forms = secretForms({ apiKey: key });
		expect(redact(`Proxy saw ${echoed} and refused it`, forms)).toBe(
			'Proxy saw *** and refused it',
		);
		expect(redact(`Proxy saw ${echoed.replace(/=+$/, '')}.`, forms)).toBe('Proxy saw ***.');
		// Inside longer base64 only the characters that mix the key's bits with its neighbours' stay.
		const blob = Buffer.from(`{"url":"/api/2.0/people","authorization":"Bearer ${key}"}`).toString(
			'base64',
		);
		const shown = redact(blob, forms);
		expect(shown).toMatch(/^eyJ1cmwiOiIvYXBpLzIuMC9wZW9wbGUiLCJhdXRob3JpemF0aW9uIjoi\*\*\*.{1,4}$/);
	});

	it('leaves ordinary text, IDs, URLs, hashes and unrelated base64 or hex as they are', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...Object.keys(SECRET_KINDS)),
				fc.oneof(apiKeyCore, passwordCore),
				(kind, core) => {
					const forms = secretForms(SECRET_KINDS[kind](core) as never);
					for (const text of BENIGN) expect(redact(text, forms)).toBe(text);
				},
			),
			{ numRuns: 500 },
		);
	});
});

/** A portal that quotes back what it was sent — header, password, token — inside its error messages. */
async function echoingPortal() {
	let shape = { start: 0, prefix: '', suffix: '', token: 'tok' };
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString();
			const quote = (sent: string) =>
				`${shape.prefix.padEnd(shape.start, 'x').slice(0, shape.start)}${sent}${shape.suffix}`;
			res.setHeader('Content-Type', 'application/json');
			if (req.url === '/api/2.0/authentication') {
				const { password } = JSON.parse(body) as { password: string };
				if (password.includes('reject')) {
					res.writeHead(403).end(
						JSON.stringify({
							error: { message: quote(`bad password ${password}`) },
							status: 1,
							statusCode: 403,
						}),
					);
					return;
				}
				res.writeHead(200).end(
					JSON.stringify({
						response: { token: shape.token, sms: false, tfa: false },
						status: 0,
						statusCode: 200,
					}),
				);
				return;
			}
			const error = {
				message: quote(
					`${req.headers.authorization ?? ''} ${encodeURIComponent(req.headers.authorization ?? '')}`,
				),
			};
			res.writeHead(400).end(JSON.stringify({ error, status: 1, statusCode: 400 }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		shape: (next: typeof shape) => (shape = next),
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('through the engine, with a portal that echoes what it was sent', () => {
	it('no fragment in output items, node errors or n8n log lines, for key, password and session token', async () => {
		const portal = await echoingPortal();
		const captured: string[] = [];
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
			jest
				.spyOn(console, level)
				.mockImplementation((...args: unknown[]) => void captured.push(args.map(String).join(' '))),
		);
		let runs = 0;
		try {
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom('apiKey', 'password', 'password rejected'),
					apiKeyCore,
					passwordCore,
					padding,
					echoStart,
					filler(300),
					fc.boolean(),
					async (mode, key, password, pad, start, prefix, continueOnFail) => {
						const token = `tok-${key.slice(3)}`;
						portal.shape({ start, prefix, suffix: ' end', token });
						const typedKey = `${pad}${key}${pad}`;
						const typedPassword =
							mode === 'password rejected' ? `${pad}reject${password}` : `${pad}${password}`;
						const credential =
							mode === 'apiKey'
								? { baseUrl: portal.origin, authType: 'apiKey', apiKey: typedKey }
								: {
										baseUrl: portal.origin,
										authType: 'password',
										email: 'a@b.c',
										password: typedPassword,
										sessionToken: '',
									};
						const parameters = {
							resource: 'user',
							operation: 'get',
							user: { __rl: true, mode: 'id', value: JANE_ID },
						};
						const { output, errors, run } = await runWorkflow(
							singleNodeWorkflow(parameters, [{}], { continueOnFail }),
							{ docSpaceApi: credential } as never,
						);
						runs++;
						const texts = [
							JSON.stringify(jsonOf(output['DocSpace Admin'])),
							JSON.stringify(errors),
							...stringsIn(run.data.resultData.error),
							...captured,
						];
						const secrets = mode === 'apiKey' ? [typedKey] : [typedPassword, token];
						expect(leaks(texts, secrets)).toEqual([]);
						captured.length = 0;
					},
				),
				{ numRuns: 40 },
			);
		} finally {
			spies.forEach((spy) => spy.mockRestore());
			await portal.close();
		}
		expect(runs).toBeGreaterThanOrEqual(40);
	});
});
