import type { Failure } from './errors';
import { isRedirectStatus, redirectTarget } from './redirect';

/** What DocSpace answered: the envelope of a success, or the failure of anything else. */

/** The DocSpace success envelope. */
export interface Envelope<T> {
	response?: T;
	count?: number;
	total?: number;
	status?: number;
	statusCode?: number;
}

/** What a failed request tells: an HTTP status (and body, Retry-After, redirect), a failed sign-in or a network error. */
export function failureOf(error: unknown, requestUrl: string): Failure {
	// n8n wraps the HTTP library's error; the original with the response sits in `cause`.
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const e = candidate as {
			response?: {
				status?: number;
				headers?: Record<string, unknown>;
				data?: unknown;
				body?: unknown;
			};
			code?: string;
			message?: string;
		};
		if (e?.response?.status) {
			const { status, headers } = e.response;
			if (isRedirectStatus(status))
				return { status, redirect: redirectTarget(status, headers?.location, requestUrl) };
			const retryAfter = Number(headers?.['retry-after']);
			return {
				status,
				body: parseBody(e.response.data ?? e.response.body),
				retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
			};
		}
	}
	for (const candidate of candidates) {
		const e = candidate as { signInFailed?: boolean; message?: string };
		if (e?.signInFailed === true) return { signIn: String(e.message) };
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

export /** The token the failed request really carried (from the HTTP library's error), without `Bearer `. */
function sentToken(error: unknown): string | undefined {
	const cause = (error as { cause?: { config?: { headers?: unknown } } })?.cause;
	const headers = cause?.config?.headers as
		| { get?: (name: string) => unknown; Authorization?: unknown }
		| undefined;
	const value =
		typeof headers?.get === 'function' ? headers.get('authorization') : headers?.Authorization;
	return typeof value === 'string' ? value.replace(BEARER, '') : undefined;
}

const BEARER = /^\s*Bearer\s+/i;

export /** The envelope of a 2xx answer, or why it is not a success. */
function readEnvelope<T>(body: unknown): { envelope: Envelope<T> } | { failure: Failure } {
	const parsed = parseBody(body);
	if (parsed === undefined || parsed === '') return { envelope: {} };
	if (typeof parsed !== 'object' || parsed === null)
		return { failure: { status: 502, body: parsed } };
	const envelope = parsed as Envelope<T>;
	// Validation problems arrive as HTTP 200 with status 1 and a ProblemDetails response.
	if (envelope.status === 1)
		return { failure: { status: envelope.statusCode ?? 400, body: envelope } };
	return { envelope };
}
