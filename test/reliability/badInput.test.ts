import fc from 'fast-check';
import nock from 'nock';

import { authenticateRequest } from '../../nodes/DocSpaceAdmin/transport/auth';
import { idProblem } from '../../nodes/DocSpaceAdmin/helpers/ids';
import { parsePortalUrl } from '../../nodes/DocSpaceAdmin/transport/portalUrl';
import { API_KEY, apiKeyCredentials, PORTAL } from '../harness/portal';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

const HOSTILE = [
	'../',
	'..',
	'%2F',
	'%2e%2e',
	'/',
	'\\',
	'?',
	'#',
	'@self/../x',
	'\u0000',
	' ',
	'http://evil.example',
	'%252F',
];

/** Strings an expression could produce: hostile fragments, unicode, huge, empty. */
const nasty = fc.oneof(
	fc.string(),
	fc.string({ unit: 'grapheme', maxLength: 50 }),
	fc
		.array(fc.constantFrom(...HOSTILE, 'a', '1', '-'), { maxLength: 12 })
		.map((parts) => parts.join('')),
	fc.string({ minLength: 5000, maxLength: 20000 }),
	fc.constant(''),
);
const anything = fc.oneof(
	nasty,
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.constant(undefined),
	fc.object(),
	fc.array(fc.string()),
);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('every id is checked before it enters a URL path', () => {
	it('accepts only GUIDs for users and whole numbers for entries, whatever the input', () => {
		fc.assert(
			fc.property(anything, (value) => {
				const text =
					typeof value === 'number'
						? String(value)
						: typeof value === 'string'
							? value.trim()
							: undefined;
				expect(idProblem('user', value) === undefined).toBe(text !== undefined && GUID.test(text));
				expect(idProblem('folder', value) === undefined).toBe(
					text !== undefined && /^[1-9][0-9]{0,17}$/.test(text),
				);
				const problem = idProblem('room', value);
				if (problem) expect(problem.length).toBeLessThan(200);
			}),
			{ numRuns: 2000 },
		);
	});

	it('turns hostile values from expressions into a clear error item, with no request at all', async () => {
		nock.disableNetConnect();
		const values = fc.sample(anything, 60);
		const input = values.map((value) => ({ id: value }));
		const workflow = singleNodeWorkflow(
			{
				resource: 'user',
				operation: 'get',
				user: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			input as never,
			{ continueOnFail: true },
		);
		const { output } = await runWorkflow(workflow, structuredClone(apiKeyCredentials) as never);
		const items = jsonOf(output['DocSpace Admin']);
		expect(items).toHaveLength(values.length);
		for (const item of items) {
			expect(item.error).toMatch(/^Invalid value in the parameter 'User' \[item \d+\]$/);
			expect(String(item.description)).toMatch(/^Expected a user ID/);
		}
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('the credential never reaches another origin', () => {
	it('normalises any portal URL to an origin, or explains why not', () => {
		fc.assert(
			fc.property(fc.oneof(nasty, fc.webUrl()), (raw) => {
				const parsed = parsePortalUrl(raw);
				if (parsed.ok) expect(parsed.origin).toMatch(/^https?:\/\/[^/]+$/);
				else expect(parsed.reason).toMatch(/^The Portal URL/);
			}),
			{ numRuns: 2000 },
		);
	});

	it('attaches the key only to requests for the portal’s own origin', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.webUrl(),
					nasty.map((p) => `${PORTAL}${p}`),
					nasty,
				),
				(url) => {
					const credentials = { baseUrl: PORTAL, authType: 'apiKey', apiKey: API_KEY };
					let target: string | undefined;
					try {
						target = new URL(url, PORTAL).origin;
					} catch {
						target = undefined;
					}
					try {
						const options = authenticateRequest(credentials, { url });
						expect(target).toBe(PORTAL);
						expect(options.headers?.Authorization).toBe(`Bearer ${API_KEY}`);
					} catch (error) {
						expect(target).not.toBe(PORTAL);
						expect((error as Error).message).not.toContain(API_KEY);
					}
				},
			),
			{ numRuns: 2000 },
		);
	});
});

describe('dates and free text', () => {
	it('rejects unreadable audit dates before any request', async () => {
		nock.disableNetConnect();
		const { output } = await runWorkflow(
			singleNodeWorkflow(
				{
					resource: 'audit',
					operation: 'getEvents',
					returnAll: true,
					filters: { from: 'yesterday-ish' },
				},
				[{}],
				{ continueOnFail: true },
			),
			structuredClone(apiKeyCredentials) as never,
		);
		expect(jsonOf(output['DocSpace Admin'])[0].error).toBe(
			"Invalid value in the parameter 'From' [item 0]",
		);
	});
});
