import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { flatten, redact } from './redact';
import type { RedirectTarget } from './redirect';
import { describeRedirect } from './redirect';

/** What went wrong on the wire, reduced to what an error message may show. */
export interface Failure {
	status?: number;
	body?: unknown;
	retryAfterSeconds?: number;
	networkCode?: string;
	networkMessage?: string;
	/** Where a 3xx pointed (never followed). */
	redirect?: RedirectTarget;
	/** Why signing in with email and password failed (auth.SignInError). */
	signIn?: string;
	/** A 429 from DocSpace's daily write limit (see isDailyWriteLimit). */
	dailyWriteLimit?: boolean;
}

export interface ErrorContext {
	/** e.g. "get the user" — completes "Could not …" */
	action: string;
	/** Who may do this, named in 403 descriptions, e.g. "a DocSpace admin or the owner". */
	requiredRole?: string;
	/** What a 404 means here, e.g. "The user 3f2b… does not exist". */
	notFound?: string;
	itemIndex?: number;
	/** Every form of the values that must never be shown (see redact.secretForms). */
	secrets: string[];
}

const NETWORK_HINTS: Record<string, string> = {
	ENOTFOUND:
		'The portal host name could not be resolved. Check the Portal URL in the DocSpace API credential.',
	ECONNREFUSED:
		'The portal refused the connection. Check the Portal URL and that the portal is running.',
	ECONNRESET: 'The connection was reset by the portal or a proxy. Try again in a moment.',
	ETIMEDOUT: 'The portal did not answer in time. Try again, or check the portal’s load.',
	ECONNABORTED: 'The portal did not answer in time. Try again, or check the portal’s load.',
	DEPTH_ZERO_SELF_SIGNED_CERT:
		'The portal uses a self-signed certificate. Turn on "Ignore SSL Issues" in the credential if you trust it.',
	SELF_SIGNED_CERT_IN_CHAIN:
		'The portal’s certificate chain is not trusted. Turn on "Ignore SSL Issues" in the credential if you trust it.',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE:
		'The portal’s certificate could not be verified. Turn on "Ignore SSL Issues" in the credential if you trust it.',
	CERT_HAS_EXPIRED:
		'The portal’s certificate has expired. Renew it, or turn on "Ignore SSL Issues".',
};

/** The server's own message: `error.message`, or the validation errors of a 400 problem body. */
export function serverMessage(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const envelope = body as {
		error?: { message?: unknown };
		response?: { title?: unknown; errors?: Record<string, unknown> };
	};
	if (typeof envelope.error?.message === 'string' && envelope.error.message) {
		return envelope.error.message;
	}
	const problem = envelope.response;
	if (
		problem &&
		typeof problem === 'object' &&
		problem.errors &&
		typeof problem.errors === 'object'
	) {
		const details = Object.values(problem.errors)
			.flat()
			.filter((v): v is string => typeof v === 'string');
		if (details.length) return details.join(' ');
		if (typeof problem.title === 'string') return problem.title;
	}
	return undefined;
}

/** Longest server text shown in a message. */
export const MAX_SHOWN_LENGTH = 300;
const ELLIPSIS = '...';
/** Server text beyond this is never looked at: only the first 300 characters can be shown. */
const MAX_READ_LENGTH = 4096;

/**
 * Server text as a message may show it: secrets masked first (as received and
 * once more after flattening), then cut to 300 characters — so no secret can
 * straddle the cut.
 */
export function clean(text: string, secrets: string[]): string {
	const flat = flatten(redact(text.slice(0, MAX_READ_LENGTH), secrets)).trim();
	const safe = redact(flat, secrets);
	return safe.length > MAX_SHOWN_LENGTH
		? `${safe.slice(0, MAX_SHOWN_LENGTH - ELLIPSIS.length)}${ELLIPSIS}`
		: safe;
}

function describeFailure(
	failure: Failure,
	ctx: ErrorContext,
): { message: string; description: string } {
	const server = serverMessage(failure.body);
	const said = server ? clean(server, ctx.secrets) : undefined;
	const status = failure.status;

	if (failure.redirect) return describeRedirect(ctx.action, failure.redirect);
	if (failure.signIn) {
		return {
			message: `Could not ${ctx.action}: ${failure.signIn}`,
			description:
				'The node signs in with the email and password of the DocSpace API credential before it calls DocSpace. Fix what the message names in the credential, or use an API key instead.',
		};
	}
	if (status === undefined) {
		const code = failure.networkCode ?? 'UNKNOWN';
		// The code stays out of the message: n8n replaces messages that mention common network codes.
		return {
			// The cause first: it is what a person has to fix.
			message: `The DocSpace portal could not be reached (trying to ${ctx.action})`,
			description: `${
				NETWORK_HINTS[code] ??
				`Network problem: ${clean(failure.networkMessage ?? code, ctx.secrets)}. Check the Portal URL and your network.`
			} (${code})`,
		};
	}
	switch (status) {
		case 400:
			return {
				message: `Could not ${ctx.action}: ${said ?? 'DocSpace rejected the request'}`,
				description:
					'DocSpace rejected the values sent. Check the node’s parameters against the message above.',
			};
		case 401:
			return {
				message: `DocSpace did not accept the credential (trying to ${ctx.action})`,
				description:
					'Check the API key (or email and password) in the DocSpace API credential. An API key stops working when it expires or when the user who created it is disabled or deleted.',
			};
		case 402:
			return {
				message: `Could not ${ctx.action}: not allowed by the portal’s DocSpace plan${said ? ` (${said})` : ''}`,
				description:
					'The portal’s plan or quota does not cover this (for example paid seats or the audit trail). Upgrade the plan in DocSpace → Payments, or free a seat.',
			};
		case 403: {
			const denied = !said || /access denied/i.test(said);
			return {
				message: `Could not ${ctx.action}: ${denied ? 'access denied' : said}`,
				description: denied
					? `This needs ${ctx.requiredRole ?? 'a DocSpace admin or the owner'}. Use a credential of such a user; an API key must have the "*" permission (or the matching read/write scope).`
					: 'DocSpace refused this in the current state of the account or entry. Resolve the condition named above and run again.',
			};
		}
		case 404:
			return {
				message: `Could not ${ctx.action}: ${ctx.notFound ?? said ?? 'not found'}`,
				description:
					'Check the ID or email you entered and that the credential’s user can see it. Disabled users are visible only to DocSpace admins.',
			};
		case 429:
			return describeRateLimit(ctx.action, failure.retryAfterSeconds, failure.dailyWriteLimit);
		default:
			if (status >= 500) {
				return {
					message: `Could not ${ctx.action}: ${said ?? `the DocSpace portal is unavailable (HTTP ${status})`}`,
					description: said
						? 'DocSpace reported an internal problem. Check the message above; if it persists, check the portal’s logs.'
						: 'The portal or its proxy is not answering properly. Try again in a few minutes.',
				};
			}
			return {
				message: `Could not ${ctx.action}: ${said ?? `unexpected HTTP ${status}`}`,
				description: 'DocSpace answered in an unexpected way. Check the Portal URL and try again.',
			};
	}
}

/**
 * DocSpace's sliding window and concurrency limiter never ask for more than a
 * minute; only its fixed window of 10,000 POST and PUT per user and day does
 * (Retry-After up to 86,400 s: reference/docspace-api.md §1.6). So a 429 on a
 * POST or PUT asking for more than a minute is taken for the daily limit. The
 * portal names no limiter in a 429 (empty body), so this is the only sign.
 */
export const SLIDING_WINDOW_SECONDS = 60;
export const DAILY_WRITE_LIMIT = 10_000;
const DAILY_LIMITED_METHODS = new Set(['POST', 'PUT']);

export function isDailyWriteLimit(
	method: string,
	status: number | undefined,
	retryAfterSeconds: number | undefined,
): boolean {
	return (
		status === 429 &&
		DAILY_LIMITED_METHODS.has(method) &&
		retryAfterSeconds !== undefined &&
		retryAfterSeconds > SLIDING_WINDOW_SECONDS
	);
}

function describeRateLimit(
	action: string,
	retryAfterSeconds: number | undefined,
	dailyWriteLimit: boolean | undefined,
) {
	if (dailyWriteLimit) {
		const hours = Math.ceil((retryAfterSeconds ?? 0) / 3600);
		return {
			message: `Could not ${action}: the daily limit of ${DAILY_WRITE_LIMIT.toLocaleString('en-US')} DocSpace writes is used up`,
			description: `DocSpace allows ${DAILY_WRITE_LIMIT.toLocaleString('en-US')} POST and PUT requests per user per day, and asked to wait ${retryAfterSeconds} seconds (about ${hours} h). Run the remaining items after that, or with a credential of another DocSpace admin.`,
		};
	}
	return {
		message: `Could not ${action}: DocSpace rate limit reached`,
		description: `DocSpace allows 1,500 requests per minute and 15 writes at a time per user; the node waited and resent the request within its retry budget.${
			retryAfterSeconds !== undefined
				? ` The portal last asked to retry after ${retryAfterSeconds} seconds.`
				: ''
		} Run again later or process fewer items per run.`,
	};
}

export function toNodeApiError(node: INode, failure: Failure, ctx: ErrorContext): NodeApiError {
	const described = describeFailure(failure, ctx);
	// Last guard: whatever went into the texts, no fragment of a secret leaves here.
	const message = redact(described.message, ctx.secrets);
	const description = redact(described.description, ctx.secrets);
	// Built from a plain object on purpose: the HTTP library's error carries the Authorization header.
	const safe: JsonObject = {
		message,
		httpCode: failure.status === undefined ? null : String(failure.status),
	};
	return new NodeApiError(node, safe, {
		message,
		description,
		httpCode: failure.status === undefined ? undefined : String(failure.status),
		itemIndex: ctx.itemIndex,
	});
}
