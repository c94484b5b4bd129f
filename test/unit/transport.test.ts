const sleeps: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual('n8n-workflow'),
	sleep: jest.fn(async (ms: number) => {
		sleeps.push(ms);
	}),
}));

import type { IExecuteFunctions } from 'n8n-workflow';

import http from 'http';
import type { AddressInfo } from 'net';

import { callApi, callApiAllPages, RETRY } from '../../nodes/DocSpaceAdmin/transport';
import { MAX_WRITES_IN_FLIGHT } from '../../nodes/DocSpaceAdmin/transport/writeLimiter';
import { executeContext } from '../harness/context';
import { employee, JANE_ID, numberedEmployee } from '../harness/fixtures';
import { API_KEY, apiKeyCredentials, envelope, errorEnvelope, portal } from '../harness/portal';
import { scriptedServer } from '../harness/scriptedServer';

function ctx(baseUrl?: string): IExecuteFunctions {
	const credentials = structuredClone(apiKeyCredentials);
	if (baseUrl) credentials.docSpaceApi.baseUrl = baseUrl;
	return executeContext(credentials).context as unknown as IExecuteFunctions;
}

const getJane = {
	method: 'GET' as const,
	path: ['people', JANE_ID],
	error: {
		action: 'get the user',
		requiredRole: 'a DocSpace admin',
		notFound: 'No user has that ID',
		itemIndex: 0,
	},
};

async function failureOf(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return error as { message: string; description: string; httpCode?: string; name: string };
	}
	throw new Error('expected the request to fail');
}

beforeEach(() => {
	sleeps.length = 0;
});

describe('callApi', () => {
	it('unwraps the envelope and sends the API key as a bearer token', async () => {
		portal()
			.matchHeader('authorization', `Bearer ${API_KEY}`)
			.get(`/api/2.0/people/${JANE_ID}`)
			.reply(200, envelope(employee()));
		const result = await callApi(ctx(), getJane);
		expect(result.response).toMatchObject({ id: JANE_ID, displayName: 'Jane Doe' });
		expect(result.status).toBe(0);
	});

	it('treats a body without `response` (no task) as an empty result', async () => {
		portal().get(`/api/2.0/people/reassign/progress/${JANE_ID}`).reply(200, envelope(undefined));
		const result = await callApi(ctx(), {
			...getJane,
			path: ['people', 'reassign', 'progress', JANE_ID],
		});
		expect(result.response).toBeUndefined();
	});

	it.each([
		[
			400,
			errorEnvelope(400, 'Incorrect status', 'System.ArgumentException'),
			'Could not get the user: Incorrect status',
			/rejected the values/,
		],
		[401, '', 'DocSpace did not accept the credential (trying to get the user)', /API key/],
		[
			402,
			errorEnvelope(402, 'The option is not allowed'),
			'Could not get the user: not allowed by the portal’s DocSpace plan (The option is not allowed)',
			/plan/,
		],
		[
			403,
			errorEnvelope(403, 'Access denied', 'System.Security.SecurityException'),
			'Could not get the user: access denied',
			/needs a DocSpace admin/,
		],
		[
			403,
			errorEnvelope(403, 'The user is not suspended', 'System.InvalidOperationException'),
			'Could not get the user: The user is not suspended',
			/Resolve the condition/,
		],
		[
			404,
			errorEnvelope(404, 'The user could not be found'),
			'Could not get the user: No user has that ID',
			/Check the ID/,
		],
		[
			500,
			errorEnvelope(500, 'Data reassign process for Jane Doe is not complete.'),
			'Could not get the user: Data reassign process for Jane Doe is not complete.',
			/internal problem/,
		],
	])('maps HTTP %i to a NodeApiError with a fix', async (status, body, message, description) => {
		// n8n repeats a request once after a 401 (to refresh an expirable token).
		portal()
			.get(`/api/2.0/people/${JANE_ID}`)
			.times(status === 401 ? 2 : 1)
			.reply(status, body);
		const error = await failureOf(callApi(ctx(), getJane));
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe(message);
		expect(error.description).toMatch(description);
		expect(error.httpCode).toBe(String(status));
		expect(JSON.stringify(error)).not.toContain(API_KEY);
		expect(sleeps).toEqual([]);
	});

	it('reads validation problems that arrive as HTTP 200 with status 1', async () => {
		portal()
			.get('/api/2.0/people/filter')
			.query(true)
			.reply(200, {
				response: {
					type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
					title: 'One or more validation errors occurred.',
					status: 400,
					errors: { Count: ['The field Count must be between 1 and 100.'] },
				},
				count: 1,
				links: [],
				status: 1,
				statusCode: 400,
			});
		const error = await failureOf(
			callApi(ctx(), { ...getJane, path: ['people', 'filter'], qs: { count: 100 } }),
		);
		expect(error.message).toBe(
			'Could not get the user: The field Count must be between 1 and 100.',
		);
	});

	it('retries a GET on 429, honouring Retry-After', async () => {
		portal()
			.get(`/api/2.0/people/${JANE_ID}`)
			.reply(429, '', { 'Retry-After': '3' })
			.get(`/api/2.0/people/${JANE_ID}`)
			.reply(200, envelope(employee()));
		const result = await callApi(ctx(), getJane);
		expect(result.response).toMatchObject({ id: JANE_ID });
		expect(sleeps).toEqual([3000]);
	});

	it('gives up at once when Retry-After exceeds the retry budget', async () => {
		portal().get(`/api/2.0/people/${JANE_ID}`).reply(429, '', { 'Retry-After': '86400' });
		const error = await failureOf(callApi(ctx(), getJane));
		expect(error.message).toBe('Could not get the user: DocSpace rate limit reached');
		expect(error.description).toContain('retry after 86400 seconds');
		expect(sleeps).toEqual([]);
	});

	const disableJane = {
		method: 'PUT' as const,
		path: ['people', 'status', 2],
		body: { userIds: [JANE_ID] },
		error: { action: 'disable the user' },
	};

	it('resends a write after 429, honouring Retry-After: the rate limiter answered before anything ran', async () => {
		const api = portal()
			.put('/api/2.0/people/status/2')
			.reply(429, '', { 'Retry-After': '2' })
			.put('/api/2.0/people/status/2')
			.reply(429, '', { 'Retry-After': '0' })
			.put('/api/2.0/people/status/2')
			.reply(200, envelope([employee()], {}, 'PUT'));
		const result = await callApi(ctx(), disableJane);
		expect(result.response).toEqual([expect.objectContaining({ id: JANE_ID })]);
		expect(sleeps).toEqual([2000, 0]);
		expect(api.isDone()).toBe(true);
	});

	it('keeps resending a rate-limited write for longer than other failures, then stops', async () => {
		portal()
			.put('/api/2.0/people/status/2')
			.times(RETRY.rateLimitedAttempts)
			.reply(429, '', { 'Retry-After': '1' });
		const error = await failureOf(callApi(ctx(), disableJane));
		expect(error.message).toBe('Could not disable the user: DocSpace rate limit reached');
		expect(sleeps).toEqual(Array(RETRY.rateLimitedAttempts - 1).fill(1000));
		expect(RETRY.rateLimitedAttempts).toBeGreaterThan(RETRY.attempts);
	});

	it('stops resending a rate-limited request once the waits would pass the rate-limit budget', async () => {
		portal().put('/api/2.0/people/status/2').times(11).reply(429, '', { 'Retry-After': '60' });
		const error = await failureOf(callApi(ctx(), disableJane));
		expect(error.message).toBe('Could not disable the user: DocSpace rate limit reached');
		expect(sleeps).toEqual(Array(RETRY.rateLimitedBudgetMs / 60_000).fill(60_000));
	});

	const startReassignment = {
		method: 'POST' as const,
		path: ['people', 'reassign', 'start'],
		body: { fromUserId: JANE_ID, toUserId: JANE_ID, deleteProfile: false },
		error: { action: 'start the reassignment' },
	};

	it.each([
		['PUT', disableJane, '/api/2.0/people/status/2'],
		['POST', startReassignment, '/api/2.0/people/reassign/start'],
	] as const)(
		'names the daily write limit on a %s and does not wait it out',
		async (method, request, path) => {
			portal().intercept(path, method).reply(429, '', { 'Retry-After': '43200' });
			const error = await failureOf(callApi(ctx(), request));
			expect(error.message).toBe(
				`Could not ${request.error.action}: the daily limit of 10,000 DocSpace writes is used up`,
			);
			expect(error.description).toMatch(
				/10,000 POST and PUT requests per user per day.*43200 seconds \(about 12 h\)/,
			);
			expect(sleeps).toEqual([]);
		},
	);

	it('retries 502/503/504 and resets with growing delays, within a bounded number of attempts', async () => {
		const server = await scriptedServer([
			{ status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
			{ reset: true },
			{ status: 503, body: '' },
			{ status: 504, body: '' },
			{ status: 502, body: '<html>Bad Gateway</html>' },
		]);
		try {
			const error = await failureOf(callApi(ctx(server.origin), getJane));
			expect(error.message).toBe(
				'Could not get the user: the DocSpace portal is unavailable (HTTP 502)',
			);
			expect(sleeps).toEqual([500, 1000, 2000, 4000]);
			expect(server.seen).toHaveLength(RETRY.attempts);
		} finally {
			await server.close();
		}
	});

	it('recovers when a retry succeeds after a reset', async () => {
		const server = await scriptedServer([
			{ reset: true },
			{ status: 200, body: envelope(employee()) },
		]);
		try {
			const result = await callApi(ctx(server.origin), getJane);
			expect(result.response).toMatchObject({ id: JANE_ID });
			expect(server.seen.map((r) => r.url)).toEqual([
				`/api/2.0/people/${JANE_ID}`,
				`/api/2.0/people/${JANE_ID}`,
			]);
		} finally {
			await server.close();
		}
	});

	it('never repeats a write, even on 503', async () => {
		const api = portal().post('/api/2.0/people/reassign/start').reply(503, '');
		const error = await failureOf(
			callApi(ctx(), {
				method: 'POST',
				path: ['people', 'reassign', 'start'],
				body: { fromUserId: JANE_ID, toUserId: JANE_ID, deleteProfile: false },
				error: { action: 'start the reassignment' },
			}),
		);
		expect(error.message).toContain('HTTP 503');
		expect(sleeps).toEqual([]);
		expect(api.isDone()).toBe(true);
	});

	it('keeps at most 15 writes of one execution in flight per portal; reads are not held back', async () => {
		let running = 0;
		const peak = { GET: 0, PUT: 0 };
		const server = http.createServer((req, res) => {
			running++;
			const method = req.method as 'GET' | 'PUT';
			peak[method] = Math.max(peak[method], running);
			req.resume();
			setTimeout(() => {
				running--;
				res
					.writeHead(200, { 'Content-Type': 'application/json' })
					.end(JSON.stringify(envelope([employee()], {}, method)));
			}, 30);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const context = ctx(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
			await Promise.all(Array.from({ length: 40 }, () => callApi(context, disableJane)));
			expect(peak.PUT).toBe(MAX_WRITES_IN_FLIGHT);
			await Promise.all(Array.from({ length: 40 }, () => callApi(context, getJane)));
			expect(peak.GET).toBeGreaterThan(MAX_WRITES_IN_FLIGHT);
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});

	it('explains network failures', async () => {
		const server = await scriptedServer([]);
		await server.close();
		const error = await failureOf(callApi(ctx(server.origin), getJane));
		expect(error.message).toBe('The DocSpace portal could not be reached (trying to get the user)');
		expect(error.description).toBe(
			'The portal refused the connection. Check the Portal URL and that the portal is running. (ECONNREFUSED)',
		);
	});

	it.each(['..', '../people', 'a/b', '%2F..', '', 'x y', '.'])(
		'refuses %j as a path segment before any request',
		async (segment) => {
			const error = await failureOf(callApi(ctx(), { ...getJane, path: ['people', segment] }));
			expect(error.name).toBe('NodeOperationError');
		},
	);
});

describe('callApiAllPages', () => {
	it('stops on a short page when the server sends no total', async () => {
		portal()
			.get('/api/2.0/people/filter')
			.query({ count: 100, startIndex: 0 })
			.reply(200, envelope(Array.from({ length: 100 }, (_, i) => numberedEmployee(i))))
			.get('/api/2.0/people/filter')
			.query({ count: 100, startIndex: 100 })
			.reply(200, envelope([numberedEmployee(100)]));
		const users = await callApiAllPages(ctx(), { ...getJane, path: ['people', 'filter'] });
		expect(users).toHaveLength(101);
	});

	it('asks for exactly the remaining number of items under a limit', async () => {
		portal()
			.get('/api/2.0/people/filter')
			.query({ count: 100, startIndex: 0 })
			.reply(
				200,
				envelope(
					Array.from({ length: 100 }, (_, i) => numberedEmployee(i)),
					{ total: 500 },
				),
			)
			.get('/api/2.0/people/filter')
			.query({ count: 20, startIndex: 100 })
			.reply(
				200,
				envelope(
					Array.from({ length: 20 }, (_, i) => numberedEmployee(100 + i)),
					{ total: 500 },
				),
			);
		const users = await callApiAllPages(ctx(), { ...getJane, path: ['people', 'filter'] }, 120);
		expect(users).toHaveLength(120);
	});
});
