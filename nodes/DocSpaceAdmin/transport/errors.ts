import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What went wrong on the wire, reduced to what an error message may show. */
export interface Failure {
	status?: number;
	body?: unknown;
	retryAfterSeconds?: number;
	networkCode?: string;
	networkMessage?: string;
}

export interface ErrorContext {
	/** e.g. "get the user" — completes "Could not …" */
	action: string;
	/** Who may do this, named in 403 descriptions, e.g. "a DocSpace admin or the owner". */
	requiredRole?: string;
	/** What a 404 means here, e.g. "The user 3f2b… does not exist". */
	notFound?: string;
	itemIndex?: number;
	/** Values that must never be shown (API key, password, token). */
	secrets: string[];
}

const NETWORK_HINTS: Record<string, string> = {
	ENOTFOUND: 'The portal host name could not be resolved. Check the Portal URL in the DocSpace API credential.',
	ECONNREFUSED: 'The portal refused the connection. Check the Portal URL and that the portal is running.',
	ECONNRESET: 'The connection was reset by the portal or a proxy. Try again in a moment.',
	ETIMEDOUT: 'The portal did not answer in time. Try again, or check the portal’s load.',
	ECONNABORTED: 'The portal did not answer in time. Try again, or check the portal’s load.',
	DEPTH_ZERO_SELF_SIGNED_CERT:
		'The portal uses a self-signed certificate. Turn on "Ignore SSL Issues" in the credential if you trust it.',
	SELF_SIGNED_CERT_IN_CHAIN:
		'The portal’s certificate chain is not trusted. Turn on "Ignore SSL Issues" in the credential if you trust it.',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE:
		'The portal’s certificate could not be verified. Turn on "Ignore SSL Issues" in the credential if you trust it.',
	CERT_HAS_EXPIRED: 'The portal’s certificate has expired. Renew it, or turn on "Ignore SSL Issues".',
};

export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('***');
	}
	return out;
}

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
	if (problem && typeof problem === 'object' && problem.errors && typeof problem.errors === 'object') {
		const details = Object.values(problem.errors)
			.flat()
			.filter((v): v is string => typeof v === 'string');
		if (details.length) return details.join(' ');
		if (typeof problem.title === 'string') return problem.title;
	}
	return undefined;
}

function clean(text: string, secrets: string[]): string {
	// eslint-disable-next-line no-control-regex
	const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
	return redact(flat.length > 300 ? `${flat.slice(0, 297)}...` : flat, secrets);
}

function describeFailure(failure: Failure, ctx: ErrorContext): { message: string; description: string } {
	const server = serverMessage(failure.body);
	const said = server ? clean(server, ctx.secrets) : undefined;
	const status = failure.status;

	if (status === undefined) {
		const code = failure.networkCode ?? 'UNKNOWN';
		// The code stays out of the message: n8n replaces messages that mention common network codes.
		return {
			message: `Could not ${ctx.action}: the DocSpace portal could not be reached`,
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
				description: 'DocSpace rejected the values sent. Check the node’s parameters against the message above.',
			};
		case 401:
			return {
				message: `Could not ${ctx.action}: DocSpace did not accept the credential`,
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
			return {
				message: `Could not ${ctx.action}: DocSpace rate limit reached`,
				description: `DocSpace allows 1,500 requests per minute and 10,000 writes per day per user.${
					failure.retryAfterSeconds !== undefined
						? ` It asked to retry after ${failure.retryAfterSeconds} seconds.`
						: ''
				} Run again later or process fewer items per run.`,
			};
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

export function toNodeApiError(node: INode, failure: Failure, ctx: ErrorContext): NodeApiError {
	const { message, description } = describeFailure(failure, ctx);
	// Built from a plain object on purpose: the HTTP library's error carries the Authorization header.
	const safe: JsonObject = { message, httpCode: failure.status === undefined ? null : String(failure.status) };
	return new NodeApiError(node, safe, {
		message,
		description,
		httpCode: failure.status === undefined ? undefined : String(failure.status),
		itemIndex: ctx.itemIndex,
	});
}
