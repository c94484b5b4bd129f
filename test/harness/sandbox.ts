import { formSummary } from '../../sandbox/http';
import { API_KEYS } from '../../sandbox/seed';
import type { Sandbox, SandboxOptions } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import { contractProblems, recordedRequests, responseProblems } from './contract';

export { API_KEYS };

/** Fast jobs for tests: a reassignment takes 9 × 20 ms. */
export const TEST_SPEED = { taskStepMs: 20, fileOpMs: 40 };

export async function testSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return await startSandbox({ speed: TEST_SPEED, ...options });
}

export interface CallOptions {
	key?: string;
	token?: string;
	body?: unknown;
	/** A multipart/form-data body instead of JSON (e.g. `POST files/{folderId}/insert`). */
	form?: FormData;
	/** Check the request against the spec (off for deliberately wrong requests). */
	contract?: boolean;
	/** More request headers, e.g. the identity service's X-Signature. */
	headers?: Record<string, string>;
}

export interface CallResult {
	status: number;
	text: string;
	json: any;
	headers: Headers;
}

/** One HTTP call to the sandbox; requests and 200 responses are checked against the official spec. */
export async function call(
	sandbox: Sandbox,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<CallResult> {
	const url = `${sandbox.origin}/api/2.0${path}`;
	const auth =
		options.token ??
		(options.key === undefined
			? `Bearer ${API_KEYS.owner}`
			: options.key
				? `Bearer ${options.key}`
				: '');
	const response = await fetch(url, {
		method,
		headers: {
			...(options.form ? {} : { 'Content-Type': 'application/json' }),
			Accept: 'application/json',
			...(auth ? { Authorization: auth } : {}),
			...options.headers,
		},
		body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
	});
	const text = await response.text();
	let json: any;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	if (options.contract !== false) {
		const request = {
			method,
			url,
			body: options.body,
			form: options.form ? formSummary(options.form) : undefined,
		};
		const problems = [
			...contractProblems(request),
			...responseProblems(request, response.status, json),
		];
		if (problems.length) throw new Error(`Contract problems:\n${problems.join('\n')}`);
	}
	return { status: response.status, text, json, headers: response.headers };
}

export async function waitFor<T>(
	probe: () => Promise<T | undefined>,
	timeoutMs = 5000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 10));
	}
}

/** Hands the sandbox's request log to the per-test contract check (see setup.ts). */
export function recordSandboxRequests(sandbox: Sandbox): void {
	for (const entry of sandbox.log) {
		recordedRequests.push({
			method: entry.method,
			url: `${sandbox.origin}/api/2.0${entry.path}${entry.query}`,
			body: entry.body,
			form: entry.form,
		});
	}
	sandbox.log.length = 0;
}

export function sandboxCredentials(sandbox: Sandbox, overrides: Record<string, unknown> = {}) {
	return {
		docSpaceApi: {
			baseUrl: sandbox.origin,
			authType: 'apiKey',
			apiKey: API_KEYS.owner,
			ignoreSslIssues: false,
			...overrides,
		},
	} as Record<string, Record<string, unknown>>;
}

/**
 * A fresh sandbox for every test of the file; unless `checkedByCall` (the tests check
 * each request themselves through `call`), its request log goes through the contract
 * check after each test. Returns a getter for the current one.
 */
export function useSandbox(options: SandboxOptions = {}, checkedByCall = false): () => Sandbox {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await testSandbox(options);
	});
	afterEach(async () => {
		if (!checkedByCall) recordSandboxRequests(sandbox);
		await sandbox.stop();
	});
	return () => sandbox;
}
