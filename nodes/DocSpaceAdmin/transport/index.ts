import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { API_PREFIX, portalOrigin } from './auth';
import type { ErrorContext, Failure } from './errors';
import { toNodeApiError } from './errors';

export type DocSpaceContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

export const CREDENTIAL_TYPE = 'docSpaceApi';
export const MAX_PAGE_SIZE = 100;

/** The DocSpace success envelope. */
export interface Envelope<T> {
	response?: T;
	count?: number;
	total?: number;
	status?: number;
	statusCode?: number;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below /api/2.0 as segments; ids must already be validated (see helpers/validate). */
	path: Array<string | number>;
	qs?: IDataObject;
	body?: IDataObject;
	error: Omit<ErrorContext, 'secrets'>;
}

export const RETRY = {
	attempts: 5,
	/** Longest total time spent waiting between attempts of one request. */
	budgetMs: 60_000,
	firstDelayMs: 500,
	requestTimeoutMs: 60_000,
};

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN']);

const SEGMENT = /^[A-Za-z0-9@_-][A-Za-z0-9@._-]*$/;

export function buildPath(node: INode, segments: Array<string | number>): string {
	return segments
		.map((segment) => {
			const text = String(segment);
			if (!SEGMENT.test(text) || text.includes('..')) {
				throw new NodeOperationError(node, `Refusing to use "${text.slice(0, 40)}" in a request path`, {
					description: 'IDs may contain only letters, digits, "-", "_" and "@". Check the ID parameters.',
				});
			}
			return encodeURIComponent(text);
		})
		.join('/');
}

function secretsOf(credentials: IDataObject): string[] {
	return [credentials.apiKey, credentials.password, credentials.sessionToken].filter(
		(v): v is string => typeof v === 'string' && v.length > 0,
	);
}

function failureOf(error: unknown): Failure {
	// n8n wraps the HTTP library's error; the original with the response sits in `cause`.
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const e = candidate as {
			response?: { status?: number; headers?: Record<string, unknown>; data?: unknown; body?: unknown };
			code?: string;
			message?: string;
		};
		if (e?.response?.status) {
			const retryAfter = Number(e.response.headers?.['retry-after']);
			return {
				status: e.response.status,
				body: parseBody(e.response.data ?? e.response.body),
				retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
			};
		}
	}
	for (const candidate of candidates) {
		const e = candidate as { code?: string; message?: string; httpCode?: string };
		if (e?.code && typeof e.code === 'string' && /^E[A-Z_]+$|CERT/.test(e.code)) {
			return { networkCode: e.code, networkMessage: e.message };
		}
	}
	const e = error as { httpCode?: string | null; message?: string };
	const status = Number(e?.httpCode);
	if (Number.isInteger(status) && status >= 100) return { status };
	return { networkCode: 'UNKNOWN', networkMessage: e?.message };
}

function parseBody(data: unknown): unknown {
	if (typeof data === 'string') {
		try {
			return JSON.parse(data);
		} catch {
			return data;
		}
	}
	return data;
}

function retryDelay(failure: Failure, attempt: number): number {
	if (failure.retryAfterSeconds !== undefined) return Math.max(0, failure.retryAfterSeconds * 1000);
	return RETRY.firstDelayMs * 2 ** (attempt - 1);
}

function isRetryable(failure: Failure): boolean {
	if (failure.status !== undefined) return RETRYABLE_STATUS.has(failure.status);
	return failure.networkCode !== undefined && RETRYABLE_NETWORK.has(failure.networkCode);
}

function cancelSignal(ctx: DocSpaceContext): AbortSignal | undefined {
	const withSignal = ctx as { getExecutionCancelSignal?: () => AbortSignal | undefined };
	return typeof withSignal.getExecutionCancelSignal === 'function'
		? withSignal.getExecutionCancelSignal()
		: undefined;
}

/**
 * The one place that talks to DocSpace: builds the URL on the credential's
 * origin, retries safe requests, unwraps the envelope and turns every failure
 * into a NodeApiError that names what failed and how to fix it.
 */
export async function apiRequest<T = unknown>(
	this: DocSpaceContext,
	request: ApiRequest,
): Promise<Envelope<T>> {
	const node = this.getNode();
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const origin = portalOrigin(credentials);
	const secrets = secretsOf(credentials);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${origin}${API_PREFIX}/${buildPath(node, request.path)}`,
		qs: request.qs,
		// DocSpace reads lists as `key=a&key=b`.
		arrayFormat: 'repeat',
		body: request.body,
		json: true,
		timeout: RETRY.requestTimeoutMs,
		headers: { Accept: 'application/json' },
	};
	// Only reads are repeated: a write (above all a start request) is never sent twice.
	const retryable = request.method === 'GET';
	const signal = cancelSignal(this);
	let waitedMs = 0;

	for (let attempt = 1; ; attempt++) {
		let body: Envelope<T> | string | undefined;
		try {
			body = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options)) as
				| Envelope<T>
				| string
				| undefined;
		} catch (error) {
			const failure = failureOf(error);
			const delay = retryDelay(failure, attempt);
			const canRetry =
				retryable &&
				isRetryable(failure) &&
				attempt < RETRY.attempts &&
				waitedMs + delay <= RETRY.budgetMs &&
				!signal?.aborted;
			if (!canRetry) throw toNodeApiError(node, failure, { ...request.error, secrets });
			waitedMs += delay;
			await sleep(delay, signal);
			continue;
		}
		return unwrap<T>(node, body, request.error, secrets);
	}
}

function unwrap<T>(
	node: INode,
	body: Envelope<T> | string | undefined,
	error: ApiRequest['error'],
	secrets: string[],
): Envelope<T> {
	const parsed = parseBody(body);
	if (parsed === undefined || parsed === '') return {};
	if (typeof parsed !== 'object' || parsed === null) {
		throw toNodeApiError(node, { status: 502, body: parsed }, { ...error, secrets });
	}
	const envelope = parsed as Envelope<T>;
	// Validation problems arrive as HTTP 200 with status 1 and a ProblemDetails response.
	if (envelope.status === 1) {
		throw toNodeApiError(node, { status: envelope.statusCode ?? 400, body: envelope }, { ...error, secrets });
	}
	return envelope;
}

/** Where a page's rows and total sit; by default the envelope's `response` and `total`. */
export type PageReader<T> = (envelope: Envelope<unknown>) => { rows: T[]; total?: number };

const envelopeRows = <T>(envelope: Envelope<unknown>) => ({
	rows: Array.isArray(envelope.response) ? (envelope.response as T[]) : [],
	total: envelope.total,
});

/**
 * Reads a paged list (`count` ≤ 100, `startIndex`) until `total` is reached,
 * a page comes back short, or `limit` items were collected.
 */
export async function apiRequestAllItems<T = IDataObject>(
	this: DocSpaceContext,
	request: ApiRequest,
	limit?: number,
	read: PageReader<T> = envelopeRows,
): Promise<T[]> {
	const items: T[] = [];
	let startIndex = Number(request.qs?.startIndex ?? 0);
	for (;;) {
		const wanted = limit === undefined ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, limit - items.length);
		if (wanted <= 0) break;
		const page = read(
			await apiRequest.call(this, {
				...request,
				qs: { ...request.qs, count: wanted, startIndex },
			}),
		);
		items.push(...page.rows);
		startIndex += page.rows.length;
		if (page.rows.length < wanted) break;
		if (page.total !== undefined && startIndex >= page.total) break;
	}
	return limit === undefined ? items : items.slice(0, limit);
}
