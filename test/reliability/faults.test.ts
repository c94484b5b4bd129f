import { IDS, PASSWORD } from '../../sandbox/seed';
import type { FaultRule, Sandbox } from '../../sandbox/server';
import { RETRY } from '../../nodes/DocSpaceAdmin/transport';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

/**
 * The fault matrix: each kind of request the node makes meets each fault the portal
 * or the network can produce. Every case must end in success after a retry or in a
 * clear error item — and a request that starts something never runs twice.
 */
const current = useSandbox({
	speed: { taskStepMs: 20, fileOpMs: 40 },
	limits: { perMinute: 100_000 },
});
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
	sandbox.state.user(sandbox.state.ids.victor)!.status = 2;
});

const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const tally = { cases: 0, faults: 0, survived: 0, errorItems: 0, lost: 0 };

type Kind = 'read' | 'write' | 'jobStart' | 'jobPoll' | 'fileOp';
const TARGETS: Record<
	Kind,
	{ method: string; path: string; parameters: () => Record<string, unknown>; starts?: string }
> = {
	read: {
		method: 'GET',
		path: `^/people/${IDS.jane}$`,
		parameters: () => ({ resource: 'user', operation: 'get', user: byId(IDS.jane) }),
	},
	write: {
		method: 'PUT',
		path: '^/people/status/2$',
		parameters: () => ({ resource: 'user', operation: 'disable', user: byId(IDS.jane) }),
	},
	jobStart: {
		method: 'POST',
		path: '^/people/reassign/start$',
		starts: '/people/reassign/start',
		parameters: () => ({
			resource: 'reassignment',
			operation: 'start',
			fromUser: byId(sandbox.state.ids.victor),
			toUser: byId(IDS.bob),
			waitForCompletion: false,
		}),
	},
	jobPoll: {
		method: 'GET',
		path: '^/people/reassign/progress/',
		starts: '/people/reassign/start',
		parameters: () => ({
			resource: 'reassignment',
			operation: 'start',
			fromUser: byId(sandbox.state.ids.victor),
			toUser: byId(IDS.bob),
		}),
	},
	fileOp: {
		method: 'PUT',
		path: '^/files/fileops/move$',
		starts: '/files/fileops/move',
		parameters: () => ({
			resource: 'folder',
			operation: 'move',
			folderIds: String(sandbox.state.folders['workspace:jane']),
			destination: byId(sandbox.state.folders.archive),
		}),
	},
};

const FAULTS: Record<string, Omit<FaultRule, 'method' | 'path'>> = {
	'429 with Retry-After': { status: 429, retryAfter: 1, times: 1 },
	'429 burst': { status: 429, retryAfter: 0, times: 3 },
	'502 with an HTML body': { status: 502, times: 1 },
	'503': { status: 503, html: false, times: 1 },
	'504': { status: 504, times: 1 },
	'connection reset': { reset: true, times: 1 },
	'slow response past the request timeout': { delayMs: 700, times: 1 },
	'402 plan limit': { status: 402, html: false, times: 1 },
};

const RATE_LIMITED = new Set(['429 with Retry-After', '429 burst']);
const CONNECTION_LOST = new Set(['connection reset', 'slow response past the request timeout']);
/**
 * Reads and polls are repeated through every transient fault. Writes and starts are
 * resent only after a 429 — the rate limiter refused them before anything ran — except a
 * status change (idempotent), which is sent once more when its connection was lost.
 */
const retried = (kind: Kind, fault: string) =>
	RATE_LIMITED.has(fault) ||
	((kind === 'read' || kind === 'jobPoll') && fault !== '402 plan limit') ||
	(kind === 'write' && CONNECTION_LOST.has(fault));

async function runCase(
	parameters: Record<string, unknown>,
	credentials = sandboxCredentials(sandbox),
) {
	const { output, errors } = await runWorkflow(
		singleNodeWorkflow(parameters, [{}], { continueOnFail: true }),
		credentials as never,
	);
	expect(errors).toEqual({});
	const items = output['DocSpace Admin'] ?? [];
	if (items.length !== 1 || (items[0].pairedItem as { item: number }).item !== 0) tally.lost++;
	return jsonOf(items)[0];
}

beforeAll(() => {
	RETRY.requestTimeoutMs = 400;
});
afterAll(() => {
	RETRY.requestTimeoutMs = 60_000;
	console.log(
		`Reliability: ${tally.cases} cases run, ${tally.faults} faults injected, ${tally.survived} survived by retry, ${tally.errorItems} ended as clear error items, ${tally.lost} items lost`,
	);
});

describe.each(Object.keys(TARGETS) as Kind[])('%s', (kind) => {
	it.each(Object.keys(FAULTS))('%s', async (fault) => {
		const target = TARGETS[kind];
		sandbox.faults = [{ method: target.method, path: target.path, ...FAULTS[fault] }];
		tally.cases++;
		tally.faults += FAULTS[fault].times ?? 1;
		const result = await runCase(target.parameters());
		if (retried(kind, fault)) {
			// Job outputs carry DocSpace's own `error: ""`; an error item has a message.
			expect(result.error || undefined).toBeUndefined();
			tally.survived++;
		} else {
			expect(result.error).toMatch(
				/^(Could not .+|The DocSpace portal could not be reached \(trying to .+\))$/,
			);
			expect(result.description).toEqual(expect.any(String));
			tally.errorItems++;
		}
		if (target.starts) {
			// Requests the rate limiter refused never ran; of the others, at most one may reach the portal.
			expect(
				sandbox.log.filter((r) => r.path === target.starts && r.status !== 429).length,
			).toBeLessThanOrEqual(1);
		}
	});
});

describe('jobs that go wrong', () => {
	const disableVictor = () => (sandbox.state.user(sandbox.state.ids.victor)!.status = 2);
	const reassign = (extra: Record<string, unknown> = {}) => ({
		...TARGETS.jobPoll.parameters(),
		...extra,
	});

	it.each([
		[
			'a Failted job',
			() =>
				sandbox.setJobFaults({
					failTask: { queue: 'reassign', atPercent: 30, message: 'Disk quota exceeded' },
				}),
			/failed \[item 0\]: Disk quota exceeded$/,
		],
		[
			'a job that never finishes',
			() => sandbox.setJobFaults({ stickTask: { queue: 'reassign', atPercent: 50 } }),
			/did not finish within 1 seconds/,
		],
	])('%s ends as a clear error item', async (_, arrange, message) => {
		disableVictor();
		arrange();
		tally.cases++;
		const result = await runCase(
			reassign({ waitOptions: { timeoutSeconds: 1, pollIntervalSeconds: 1 } }),
		);
		expect(result.error).toMatch(message);
		tally.errorItems++;
	});

	it('a Canceled job ends as a clear error item', async () => {
		disableVictor();
		sandbox.setJobFaults({ stickTask: { queue: 'reassign', atPercent: 50 } });
		tally.cases++;
		const running = runCase(
			reassign({ waitOptions: { timeoutSeconds: 10, pollIntervalSeconds: 1 } }),
		);
		await new Promise((r) => setTimeout(r, 300));
		await fetch(`${sandbox.origin}/api/2.0/people/reassign/terminate`, {
			method: 'PUT',
			headers: {
				Authorization: `Bearer ${sandboxCredentials(sandbox).docSpaceApi.apiKey}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ userId: sandbox.state.ids.victor }),
		});
		expect((await running).error).toMatch(/was canceled \[item 0\]/);
		tally.errorItems++;
	});

	it('deleting during a reassignment is refused before the request DocSpace would answer with 500', async () => {
		disableVictor();
		sandbox.setJobFaults({ stickTask: { queue: 'reassign', atPercent: 50 } });
		tally.cases++;
		await runCase(reassign({ waitForCompletion: false }));
		const result = await runCase({
			resource: 'user',
			operation: 'delete',
			user: byId(sandbox.state.ids.victor),
		});
		expect(result.error).toMatch(/is still being reassigned/);
		expect(sandbox.log.filter((r) => r.method === 'DELETE')).toEqual([]);
		tally.errorItems++;
	});

	it('an expired login token is renewed and the request repeated', async () => {
		const credentials = sandboxCredentials(sandbox, {
			authType: 'password',
			email: 'alex.admin@corp.example',
			password: PASSWORD,
			sessionToken: '',
		});
		sandbox.faults = [{ path: `^/people/${IDS.jane}$`, expireToken: true, times: 1 }];
		tally.cases++;
		tally.faults++;
		const result = await runCase(TARGETS.read.parameters(), credentials);
		expect(result.id).toBe(IDS.jane);
		expect(sandbox.log.filter((r) => r.path === '/authentication')).toHaveLength(2);
		tally.survived++;
	});
});
