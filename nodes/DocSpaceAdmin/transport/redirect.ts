import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * No request of this package follows a redirect, to the portal's own origin or
 * any other. n8n's HTTP layer (n8n-core 2.41 → @n8n/backend-network
 * `getBeforeRedirectFn`) follows up to 21 redirects by default and copies the
 * Authorization header to the new host unless `sendCredentialsOnCrossOriginRedirect`
 * is false; with `disableFollowRedirect` axios gets `maxRedirects: 0` and a 3xx
 * fails like any other non-2xx answer, with its Location header.
 *
 * Same-origin redirects are refused too: the DocSpace API answers its routes
 * directly and never redirects them, so a 3xx means a proxy, a login page or a
 * wrong Portal URL — and following it would silently turn a PUT into a GET
 * (301/302/303) or resend a write (307/308), returning a body that is not
 * DocSpace's answer.
 */
export const NO_REDIRECTS: Pick<
	IHttpRequestOptions,
	'disableFollowRedirect' | 'sendCredentialsOnCrossOriginRedirect'
> = {
	disableFollowRedirect: true,
	sendCredentialsOnCrossOriginRedirect: false,
};

export interface RedirectTarget {
	status: number;
	/** Scheme, host and port of the Location — never its path or query, which may carry anything. */
	origin: string;
	sameOrigin: boolean;
}

export function isRedirectStatus(status: number | undefined): status is number {
	return status !== undefined && status >= 300 && status < 400;
}

/** Where a 3xx answer pointed, resolved against the URL that was asked. */
export function redirectTarget(
	status: number,
	location: unknown,
	requestUrl: string,
): RedirectTarget {
	const from = new URL(requestUrl);
	let origin = 'an unknown address';
	if (typeof location === 'string' && location) {
		try {
			origin = new URL(location, from).origin;
		} catch {
			origin = 'an invalid address';
		}
	}
	return { status, origin, sameOrigin: origin === from.origin };
}

export function describeRedirect(
	action: string,
	target: RedirectTarget,
): { message: string; description: string } {
	if (target.sameOrigin) {
		return {
			message: `Could not ${action}: the portal answered with a redirect (HTTP ${target.status}) to another page of ${target.origin}`,
			description:
				'The DocSpace API never redirects its own routes, so a proxy or a sign-in page answered instead of DocSpace. n8n does not follow redirects for DocSpace requests. Check the Portal URL in the DocSpace API credential and the proxy in front of the portal.',
		};
	}
	return {
		message: `Could not ${action}: the portal redirected the request (HTTP ${target.status}) to ${target.origin}`,
		description: `n8n does not follow redirects for DocSpace requests, so the credential was not sent to ${target.origin}. If that is your portal's address, enter it as the Portal URL in the DocSpace API credential; otherwise check the Portal URL and the proxy in front of the portal.`,
	};
}
