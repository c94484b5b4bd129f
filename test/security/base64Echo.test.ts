import http from 'http';
import type { AddressInfo } from 'net';

import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { API_KEYS, IDS, PASSWORD } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { stringsIn } from '../harness/leaks';
import { connectedOAuthCredential } from '../harness/oauth';
import { useSandbox } from '../harness/sandbox';
import type { WorkflowFile } from '../harness/runWorkflow';
import { runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';
import { basicOf, encodedFormsOf, encodedLeaks } from './encodedLeaks';

/**
 * A hostile proxy in front of the sandbox portal remembers every Authorization header and every
 * sign-in or token request body it forwards, and quotes them back encoded — base64 and base64url
 * of the whole header and of the bare token, inside longer base64 at each byte alignment, hex —
 * in error bodies and in fields of successful answers. Through the real engine, nothing the node
 * produces may carry a fragment of any form of a secret (test/security/encodedLeaks.ts): output
 * JSON, error messages and descriptions, every binary property, and the report files the
 * offboarding uploads to the portal.
 */
const current = useSandbox({ speed: { taskStepMs: 20, fileOpMs: 40 } });
let sandbox: Sandbox;
let proxy: HostileProxy;
beforeEach(async () => {
	sandbox = current();
	proxy = await hostileProxy(sandbox.origin);
});
afterEach(async () => await proxy.close());

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Every encoded echo of one value the proxy saw. */
function echoesOf(value: string): string[] {
	const bare = value.replace(/^(Bearer|Basic)\s+/i, '');
	return [
		b64(value),
		b64url(value),
		b64(bare),
		b64url(bare).replace(/=+$/, ''),
		b64(`x${value}`),
		b64(`xy${bare}`),
		b64url(`xyz${bare}!`),
		b64(JSON.stringify({ request: { headers: { authorization: value } }, at: 'proxy' })),
		Buffer.from(bare).toString('hex'),
	];
}

interface Upload {
	path: string;
	body: string;
}

interface HostileProxy {
	origin: string;
	/** Paths (below /api/2.0) answered with an error that quotes the echoes instead of being forwarded. */
	fail: RegExp[];
	/** Also append an echo to every `displayName` and `title` of successful answers. */
	echoInNames: boolean;
	uploads: Upload[];
	seen: string[];
	close: () => Promise<void>;
}

function withEchoes(value: unknown, echoes: string[], inNames: boolean): unknown {
	if (Array.isArray(value)) return value.map((entry) => withEchoes(entry, echoes, inNames));
	if (value === null || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) out[key] = withEchoes(entry, echoes, inNames);
	if (inNames && typeof out.displayName === 'string')
		out.displayName = `${out.displayName} ${echoes[3]}`;
	out.proxyEcho = echoes.join(' ');
	return out;
}

async function hostileProxy(target: string): Promise<HostileProxy> {
	const state: Omit<HostileProxy, 'origin' | 'close'> = {
		fail: [],
		echoInNames: false,
		uploads: [],
		seen: [],
	};
	let failures = 0;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const path = req.url ?? '/';
			const authorization = req.headers.authorization;
			if (authorization && !state.seen.includes(authorization)) state.seen.push(authorization);
			if (/^\/api\/2\.0\/authentication|^\/oauth2\/token/.test(path) && body.length)
				state.seen.push(body.toString('utf8'));
			if (/\/files\/\d+\/insert/.test(path))
				state.uploads.push({ path, body: body.toString('utf8') });
			const echoes = state.seen.flatMap(echoesOf);
			const api = path.replace(/^\/api\/2\.0/, '').split('?')[0];
			if (state.fail.some((re) => re.test(api))) {
				// One echo per failure, in turn: the server's text is cut at 300 characters.
				const echo = echoes[failures++ % echoes.length];
				res.writeHead(400, { 'Content-Type': 'application/json' }).end(
					JSON.stringify({
						error: { message: `Proxy refused the request ${echo} (see log)` },
						status: 1,
						statusCode: 400,
					}),
				);
				return;
			}
			const forward = http.request(
				`${target}${path}`,
				{ method: req.method, headers: { ...req.headers, host: new URL(target).host } },
				(answer) => {
					const parts: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => parts.push(chunk));
					answer.on('end', () => {
						let text = Buffer.concat(parts).toString('utf8');
						const json = /json/.test(String(answer.headers['content-type']));
						const status = answer.statusCode ?? 502;
						if (json && status < 300 && path.startsWith('/api/2.0/') && text) {
							const envelope = JSON.parse(text) as { response?: unknown };
							envelope.response = withEchoes(envelope.response, echoes, state.echoInNames);
							text = JSON.stringify({ ...envelope, proxyEcho: echoes.join(' ') });
						}
						const headers = { ...answer.headers };
						delete headers['content-length'];
						delete headers['transfer-encoding'];
						res.writeHead(status, headers).end(text);
					});
				},
			);
			forward.on('error', () => res.writeHead(502).end());
			forward.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return Object.assign(state, {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	});
}

/** Every text a run produced: output JSON, binaries decoded, errors with their causes and stacks. */
function producedTexts(
	output: INodeExecutionData[] | undefined,
	errors: unknown,
	runError: unknown,
): string[] {
	const texts = [JSON.stringify(errors), ...stringsIn(runError)];
	for (const item of output ?? []) {
		texts.push(JSON.stringify(item.json));
		for (const file of Object.values(item.binary ?? {})) {
			texts.push(JSON.stringify({ ...file, data: undefined }));
			texts.push(Buffer.from(file.data, 'base64').toString('utf8'));
		}
	}
	return texts;
}

/** The forms of every secret the run could have sent: credential values and the tokens the proxy saw. */
function leaksOf(texts: string[], secrets: string[], basic?: string): string[] {
	const forms = [
		...secrets.flatMap((secret) => encodedFormsOf(secret)),
		...(basic ? encodedFormsOf(basic) : []),
	];
	return [...new Set(texts.flatMap((text) => encodedLeaks(text, forms)))];
}

type Mode = 'apiKey' | 'password' | 'oAuth2';
const MODES: Mode[] = ['apiKey', 'password', 'oAuth2'];

async function credentialsFor(mode: Mode): Promise<Record<string, ICredentialDataDecryptedObject>> {
	if (mode === 'oAuth2')
		return { docSpaceOAuth2Api: await connectedOAuthCredential(sandbox, proxy.origin) };
	return {
		docSpaceApi:
			mode === 'apiKey'
				? { baseUrl: proxy.origin, authType: 'apiKey', apiKey: API_KEYS.owner }
				: {
						baseUrl: proxy.origin,
						authType: 'password',
						email: 'alex.admin@corp.example',
						password: PASSWORD,
						sessionToken: '',
					},
	};
}

function workflowFor(mode: Mode, parameters: Record<string, unknown>, continueOnFail: boolean) {
	const wf: WorkflowFile = singleNodeWorkflow(
		mode === 'oAuth2' ? { authentication: 'oAuth2', ...parameters } : parameters,
		[{}],
		{ continueOnFail },
	);
	if (mode === 'oAuth2')
		wf.nodes[1].credentials = {
			docSpaceOAuth2Api: { id: 'docSpaceOAuth2Api', name: 'DocSpace OAuth2' },
		};
	return wf;
}

/** The secret values of credentials (before and after a run), and every token the proxy saw sent. */
function secretsOf(...credentials: ICredentialDataDecryptedObject[]): {
	secrets: string[];
	basic?: string;
} {
	const values = credentials.flatMap((credential) => {
		const tokens = (credential.oauthTokenData ?? {}) as Record<string, unknown>;
		return [
			credential.apiKey,
			credential.password,
			credential.sessionToken,
			credential.clientSecret,
			tokens.access_token,
			tokens.refresh_token,
			tokens.id_token,
		];
	});
	// Headers only: a request body as a whole is not secret, the values in it are listed above.
	const sent = proxy.seen
		.filter((value) => /^(Bearer|Basic)\s|^[^=&{]+$/.test(value))
		.map((value) => value.replace(/^(Bearer|Basic)\s+/i, ''));
	const { clientId, clientSecret } = credentials[0];
	return {
		secrets: [
			...new Set(
				[...values, ...sent].filter(
					(value): value is string => typeof value === 'string' && value.length >= 8,
				),
			),
		],
		basic: typeof clientSecret === 'string' ? basicOf(String(clientId), clientSecret) : undefined,
	};
}

/** A copy of the credential as it was before the run (a refresh replaces its tokens). */
const snapshot = (store: Record<string, ICredentialDataDecryptedObject>) =>
	JSON.parse(JSON.stringify(Object.values(store)[0])) as ICredentialDataDecryptedObject;
const after = (store: Record<string, ICredentialDataDecryptedObject>) => Object.values(store)[0];

const getUser = {
	resource: 'user',
	operation: 'get',
	user: { __rl: true, mode: 'id', value: IDS.jane },
	output: 'raw',
};

describe('a proxy that echoes the Authorization header encoded (engine run, real HTTP)', () => {
	it.each(MODES)(
		'%s: no form of a secret in output, errors or descriptions, from a success or an error body',
		async (mode) => {
			let produced = 0;
			let refreshed = false;
			for (const failing of [false, true]) {
				for (const continueOnFail of [true, false]) {
					proxy.fail = failing ? [/^\/people\//] : [];
					// What an earlier run's credential sent is not this credential's to mask.
					proxy.seen.length = 0;
					const store = await credentialsFor(mode);
					// OAuth2: the first answer is a 401, so n8n refreshes the token (Basic client
					// credential, refresh token in the body) and the proxy has those to quote too.
					if (mode === 'oAuth2') sandbox.oauth.expireAccessTokens();
					const before = snapshot(store);
					const { output, errors, run } = await runWorkflow(
						workflowFor(mode, getUser, continueOnFail),
						store,
					);
					const items = output['DocSpace Admin'];
					const texts = producedTexts(items, errors, run.data.resultData.error);
					produced += texts.length;
					refreshed ||= proxy.seen.some((value) => value.startsWith('Basic '));
					const { secrets, basic } = secretsOf(before, after(store));
					expect(secrets.length).toBeGreaterThan(0);
					expect(leaksOf(texts, secrets, basic)).toEqual([]);
					if (failing) {
						const message = continueOnFail
							? String(items[0].json.error)
							: String((errors['DocSpace Admin'] as { message?: string }).message);
						expect(message).toMatch(/^Could not get the user: Proxy refused the request /);
					} else {
						// The answer itself still comes through, with the echo masked.
						expect(items[0].json).toMatchObject({ id: IDS.jane, displayName: 'Jane Doe' });
						expect(String(items[0].json.proxyEcho)).toContain('***');
					}
				}
			}
			expect(produced).toBeGreaterThan(8);
			// OAuth2: the refresh's Basic client credential went through the proxy too.
			expect(refreshed).toBe(mode === 'oAuth2');
		},
	);
});

describe('offboarding Run behind the echoing proxy: output, report files and the stored reports', () => {
	const offboarding = () => ({
		resource: 'offboarding',
		operation: 'run',
		user: { __rl: true, mode: 'id', value: IDS.jane },
		recipient: { __rl: true, mode: 'id', value: IDS.bob },
		workspaceFolderId: String(sandbox.state.folders['workspace:jane']),
		finalStep: 'keep',
		report: {
			attachFiles: true,
			storeIn: 'folder',
			folderId: String(sandbox.state.folders['my:owner']),
		},
	});

	async function runOffboarding() {
		const store = await credentialsFor('apiKey');
		const before = snapshot(store);
		const { output, errors, run } = await runWorkflow(
			workflowFor('apiKey', offboarding(), true),
			store,
		);
		expect(errors).toEqual({});
		const items = output['DocSpace Admin'];
		expect(items).toHaveLength(1);
		return { before, items, texts: producedTexts(items, errors, run.data.resultData.error) };
	}

	it('a failing step and a failing audit read quote the header: none of it in the report, its files or the uploads', async () => {
		proxy.fail = [/^\/files\/fileops\/move$/, /^\/security\/audit\//];
		const { before, items, texts } = await runOffboarding();
		const report = items[0].json;
		expect(report.success).toBe(false);
		expect(report.failedStep).toBe('moveWorkspace');
		expect(String(report.failureReason)).toContain('Proxy refused the request ***');
		expect(Object.keys(items[0].binary ?? {}).sort()).toEqual(['reportCsv', 'reportHtml']);
		expect(proxy.uploads).toHaveLength(2);
		const stored = sandbox.state.entries
			.filter((e) => e.parentId === sandbox.state.folders['my:owner'] && e.content !== undefined)
			.map((e) => `${e.title}\n${String(e.content)}`);
		expect(stored).toHaveLength(2);
		const { secrets } = secretsOf(before);
		expect(leaksOf([...texts, ...proxy.uploads.map((u) => u.body), ...stored], secrets)).toEqual(
			[],
		);
	});

	it('an echo in every display name: output, attached files and thrown errors are clean', async () => {
		proxy.echoInNames = true;
		const { before, items, texts } = await runOffboarding();
		const html = Buffer.from(items[0].binary!.reportHtml.data, 'base64').toString('utf8');
		expect(html).toContain('<h1>Offboarding of Jane Doe ***</h1>');
		const { secrets } = secretsOf(before);
		expect(leaksOf(texts, secrets)).toEqual([]);
		// The transport masks every answer as it reads it, so the report the node uploads and the
		// archive room's title it sends carry no part of the header either.
		expect(
			leaksOf(
				proxy.uploads.map((u) => u.body),
				secrets,
			),
		).toEqual([]);

		// A blocker names the recipient, whose name quotes the header: the thrown error is masked.
		const liam = { __rl: true, mode: 'id', value: sandbox.state.ids.liam };
		const refused = await runWorkflow(
			workflowFor('apiKey', { ...offboarding(), recipient: liam }, false),
			await credentialsFor('apiKey'),
		);
		const error = refused.run.data.resultData.error!;
		expect(error.message).toMatch(
			/^The offboarding cannot start \[item 0\]: Liam Chen \*\*\* cannot/,
		);
		expect(
			leaksOf(producedTexts(undefined, refused.errors, error), secretsOf(before).secrets),
		).toEqual([]);
	});
});
