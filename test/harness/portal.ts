import nock from 'nock';

import { recordedRequests } from './contract';

export const PORTAL = 'https://portal.example.com';
export const API_KEY = 'sk-test-0123456789abcdef0123456789abcdef';

/** A nock scope for the test portal whose requests are checked against the official spec. */
export function portal(origin = PORTAL): nock.Scope {
	const scope = nock(origin);
	scope.on(
		'request',
		(req: { method: string; path: string }, _interceptor: unknown, body: string) => {
			recordedRequests.push({
				method: req.method,
				url: `${origin}${req.path}`,
				body: body || undefined,
			});
		},
	);
	return scope;
}

/** The DocSpace success envelope, as the server writes it. */
export function envelope(
	response: unknown,
	extra: Record<string, unknown> = {},
	method = 'GET',
	href = PORTAL,
) {
	const count = Array.isArray(response) ? response.length : response === undefined ? 0 : 1;
	return {
		...(response === undefined ? {} : { response }),
		count,
		...extra,
		links: [{ href, action: method }],
		status: 0,
		statusCode: 200,
	};
}

export function errorEnvelope(statusCode: number, message: string, type = 'System.Exception') {
	return {
		error: { message, type, stack: '   at ASC.Api...', hresult: -2146233088 },
		status: 1,
		statusCode,
	};
}

export const apiKeyCredentials = {
	docSpaceApi: {
		baseUrl: `${PORTAL}/`,
		authType: 'apiKey',
		apiKey: API_KEY,
		ignoreSslIssues: false,
	},
};
