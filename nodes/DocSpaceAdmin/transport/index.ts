import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { API_PREFIX, portalOrigin } from './auth';
import type { Envelope } from './answers';
import { failureOf, readEnvelope, sentToken } from './answers';
import type { ErrorContext, Failure } from './errors';
import { isDailyWriteLimit, toNodeApiError } from './errors';
import { credentialRedactor, redactJson, secretForms, secretFormsOf } from './redact';
import { NO_REDIRECTS } from './redirect';
import type { Release } from './writeLimiter';
import { acquireWriteSlot } from './writeLimiter';

export type DocSpaceContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

export const CREDENTIAL_TYPE = 'docSpaceApi';
/** The credential of a DocSpace OAuth 2.0 app (the node's "Authentication": OAuth2). */
export const APP_CREDENTIAL_TYPE = 'docSpaceOAuth2Api';

/**
 * The credential type the node's "Authentication" parameter chose: `oAuth2` → the DocSpace OAuth2
 * credential, anything else (also no parameter, as in workflows saved before it existed) → `docSpaceApi`.
 * Read from the node itself so that execute, list search and webhook hooks all agree.
 */
export function credentialType(ctx: Pick<DocSpaceContext, 'getNode'>): string {
	return ctx.getNode().parameters?.authentication === 'oAuth2'
		? APP_CREDENTIAL_TYPE
		: CREDENTIAL_TYPE;
}
export const MAX_PAGE_SIZE = 100;

export type { Envelope };

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below /api/2.0 as segments; ids must already be validated (see helpers/validate). */
	path: Array<string | number>;
	qs?: IDataObject;
	body?: IDataObject;
	/** A body sent as it is (e.g. multipart/form-data), instead of `body` as JSON. */
	rawBody?: { data: Buffer; contentType: string };
	/**
	 * A header the request carries besides the credential's, e.g. the identity service's
	 * `X-Signature`; its value is secret: masked in errors and answers like the credential.
	 */
	signedWith?: { header: string; token: string };
	error: Omit<ErrorContext, 'secrets'>;
}

export const RETRY = {
	attempts: 5,
	/** Longest total time spent waiting between attempts of one request. */
	budgetMs: 60_000,
	/**
	 * A 429 means nothing ran, so waiting is always safe: when many executions share a portal's
	 * 1,500 requests a minute, a request may be refused for several minutes in a row.
	 */
	rateLimitedAttempts: 30,
	rateLimitedBudgetMs: 600_000,
	firstDelayMs: 500,
	requestTimeoutMs: 60_000,
};

const TOO_MANY_REQUESTS = 429;
/** Failures that may be resent when the request is a read. */
const RETRYABLE_STATUS = new Set([TOO_MANY_REQUESTS, 502, 503, 504]);
const RETRYABLE_NETWORK = new Set([
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EAI_AGAIN',
]);

const SEGMENT = /^[A-Za-z0-9@_-][A-Za-z0-9@._-]*$/;

export function buildPath(node: INode, segments: Array<string | number>): string {
	return segments
		.map((segment) => {
			const text = String(segment);
			if (!SEGMENT.test(text) || text.includes('..')) {
				throw new NodeOperationError(
					node,
					`Refusing to use "${text.slice(0, 40)}" in a request path`,
					{
						description:
							'IDs may contain only letters, digits, "-", "_" and "@". Check the ID parameters.',
					},
				);
			}
			return encodeURIComponent(text);
		})
		.join('/');
}

function retryDelay(failure: Failure, attempt: number): number {
	if (failure.retryAfterSeconds !== undefined) return Math.max(0, failure.retryAfterSeconds * 1000);
	return RETRY.firstDelayMs * 2 ** (attempt - 1);
}

/**
 * Reads are resent after 429, 502–504 and dropped connections. A write is resent
 * only after a 429: DocSpace's rate limiter answers before the request runs
 * (middleware order in BaseStartup), so nothing happened yet. Any other write
 * failure may have changed something and is reported, not repeated. The daily
 * write limit is not waited out.
 */
function isRetryable(method: IHttpRequestMethods, failure: Failure): boolean {
	if (failure.status === TOO_MANY_REQUESTS) return !failure.dailyWriteLimit;
	if (method !== 'GET') return false;
	if (failure.status !== undefined) return RETRYABLE_STATUS.has(failure.status);
	return failure.networkCode !== undefined && RETRYABLE_NETWORK.has(failure.networkCode);
}

function executionId(ctx: DocSpaceContext): string {
	const withId = ctx as { getExecutionId?: () => string | undefined };
	return (typeof withId.getExecutionId === 'function' ? withId.getExecutionId() : undefined) ?? '';
}

/** Writes wait for one of the 15 slots of their execution and portal; reads go straight on. */
async function writeSlot(
	ctx: DocSpaceContext,
	method: IHttpRequestMethods,
	origin: string,
): Promise<Release> {
	if (method === 'GET') return () => undefined;
	return await acquireWriteSlot(`${executionId(ctx)} ${origin}`);
}

function cancelSignal(ctx: DocSpaceContext): AbortSignal | undefined {
	const withSignal = ctx as { getExecutionCancelSignal?: () => AbortSignal | undefined };
	return typeof withSignal.getExecutionCancelSignal === 'function'
		? withSignal.getExecutionCancelSignal()
		: undefined;
}

/**
 * The one place that talks to DocSpace: builds the URL on the credential's
 * origin, never follows a redirect, resends reads through transient faults and
 * any request the rate limiter refused, keeps writes within DocSpace's
 * concurrency limit, unwraps the envelope and turns every failure into a
 * NodeApiError that names what failed and how to fix it, with no secret in it.
 */
export async function callApi<T = unknown>(
	ctx: DocSpaceContext,
	request: ApiRequest,
): Promise<Envelope<T>> {
	const node = ctx.getNode();
	const credentials = await ctx.getCredentials(credentialType(ctx));
	const origin = portalOrigin(credentials);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${origin}${API_PREFIX}/${buildPath(node, request.path)}`,
		qs: request.qs,
		// DocSpace reads lists as `key=a&key=b`.
		arrayFormat: 'repeat',
		body: request.rawBody?.data ?? request.body,
		json: true,
		timeout: RETRY.requestTimeoutMs,
		headers: {
			Accept: 'application/json',
			...(request.rawBody ? { 'Content-Type': request.rawBody.contentType } : {}),
			...(request.signedWith ? { [request.signedWith.header]: request.signedWith.token } : {}),
		},
		...NO_REDIRECTS,
	};
	const signedToken = request.signedWith?.token;
	const signal = cancelSignal(ctx);
	let waitedMs = 0;

	for (let attempt = 1; ; attempt++) {
		const sent = await send(ctx, request.method, origin, options);
		if ('body' in sent) {
			const read = readEnvelope<T>(sent.body);
			// Portal text that quotes what was sent (a proxy echoing the header into a name) would
			// otherwise reach reports, room titles and uploads the node makes from it.
			if ('envelope' in read)
				return redactJson(read.envelope, credentialRedactor(credentials, signedToken));
			throw await apiError(ctx, read.failure, request.error, [credentials, signedToken]);
		}
		const { failure } = sent;
		const delay = retryDelay(failure, attempt);
		const rateLimited = failure.status === TOO_MANY_REQUESTS;
		const canRetry =
			isRetryable(request.method, failure) &&
			attempt < (rateLimited ? RETRY.rateLimitedAttempts : RETRY.attempts) &&
			waitedMs + delay <= (rateLimited ? RETRY.rateLimitedBudgetMs : RETRY.budgetMs) &&
			!signal?.aborted;
		if (!canRetry)
			throw await apiError(ctx, failure, request.error, [credentials, sent.sentToken, signedToken]);
		waitedMs += delay;
		await sleep(delay, signal);
	}
}

type Sent = { body: unknown } | { failure: Failure; sentToken?: string };

/** One attempt on the wire, holding a write slot only while the request runs (not while waiting to retry). */
async function send(
	ctx: DocSpaceContext,
	method: IHttpRequestMethods,
	origin: string,
	options: IHttpRequestOptions,
): Promise<Sent> {
	const release = await writeSlot(ctx, method, origin);
	try {
		// OAuth2: n8n signs with the access token and, on a 401, refreshes it and resends once; the
		// options (no redirects) are passed on unchanged either way.
		return {
			body: await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType(ctx), options),
		};
	} catch (error) {
		const failure = failureOf(error, options.url);
		failure.dailyWriteLimit = isDailyWriteLimit(method, failure.status, failure.retryAfterSeconds);
		return { failure, sentToken: sentToken(error) };
	} finally {
		release();
	}
}

/**
 * The NodeApiError for a failure, masking every secret that may have been sent:
 * the credential as read before the request, as it is now (a session token may
 * have been signed in for during the request) and the token the request carried.
 */
async function apiError(
	ctx: DocSpaceContext,
	failure: Failure,
	context: ApiRequest['error'],
	known: Array<ICredentialDataDecryptedObject | string | undefined>,
): Promise<NodeApiError> {
	const current = await ctx.getCredentials(credentialType(ctx)).catch(() => undefined);
	const secrets = [...known, current].flatMap((item) =>
		typeof item === 'object' ? secretForms(item) : secretFormsOf([item]),
	);
	return toNodeApiError(ctx.getNode(), failure, { ...context, secrets: [...new Set(secrets)] });
}

/** One page of a paged list: its rows and, when DocSpace says, the total. */
export interface Page<T> {
	rows: T[];
	total?: number;
}

/** Where a page's rows and total sit; by default the envelope's `response` and `total`. */
export type PageReader<T> = (envelope: Envelope<unknown>) => Page<T>;

const envelopeRows = <T>(envelope: Envelope<unknown>): Page<T> => ({
	rows: Array.isArray(envelope.response) ? (envelope.response as T[]) : [],
	total: envelope.total,
});

/** One page of a paged list: `count` (≤ 100) rows from `startIndex`. */
export async function callApiPage<T = IDataObject>(
	ctx: DocSpaceContext,
	request: ApiRequest,
	startIndex: number,
	count: number,
	read: PageReader<T> = envelopeRows,
): Promise<Page<T>> {
	return read(await callApi(ctx, { ...request, qs: { ...request.qs, count, startIndex } }));
}

/**
 * Reads a paged list (`count` ≤ 100, `startIndex`) until `total` is reached,
 * a page comes back short, or `limit` items were collected.
 */
export async function callApiAllPages<T = IDataObject>(
	ctx: DocSpaceContext,
	request: ApiRequest,
	limit?: number,
	read: PageReader<T> = envelopeRows,
): Promise<T[]> {
	const items: T[] = [];
	let startIndex = Number(request.qs?.startIndex ?? 0);
	for (;;) {
		const wanted =
			limit === undefined ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, limit - items.length);
		if (wanted <= 0) break;
		const page = await callApiPage(ctx, request, startIndex, wanted, read);
		items.push(...page.rows);
		startIndex += page.rows.length;
		if (page.rows.length < wanted) break;
		if (page.total !== undefined && startIndex >= page.total) break;
	}
	return limit === undefined ? items : items.slice(0, limit);
}
