/**
 * `npm run bench`: request economy and wait efficiency of the DocSpace Admin node,
 * each figure measured in the same run as its baseline, against the sandbox portal
 * and through n8n-core's engine. Writes bench/results.json and prints a table.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { API_KEYS, IDS } from '../sandbox/seed';
import type { Sandbox, SandboxOptions } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { MILESTONES } from '../sandbox/state';
import { runWorkflow, singleNodeWorkflow } from '../test/harness/runWorkflow';
import { sandboxCredentials } from '../test/harness/sandbox';

const ROOT = path.resolve(__dirname, '..', '..');

interface Row {
	benchmark: string;
	figure: string;
	node: number | string;
	baseline: number | string;
	target: string;
	met: boolean;
}

const rows: Row[] = [];
const results: Record<string, unknown> = {};

async function withSandbox<T>(options: SandboxOptions, body: (sandbox: Sandbox) => Promise<T>): Promise<T> {
	const sandbox = await startSandbox(options);
	try {
		return await body(sandbox);
	} finally {
		await sandbox.stop();
	}
}

async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = performance.now();
	const value = await body();
	return { ms: performance.now() - start, value };
}

async function runNode(sandbox: Sandbox, parameters: Record<string, unknown>, input: Array<Record<string, unknown>> = [{}]) {
	const { output, errors } = await runWorkflow(singleNodeWorkflow(parameters, input as never), sandboxCredentials(sandbox) as never);
	if (Object.keys(errors).length) throw new Error(`node failed: ${JSON.stringify(errors)}`);
	return output['DocSpace Admin'];
}

function api(sandbox: Sandbox, method: string, route: string, body?: unknown) {
	return fetch(`${sandbox.origin}/api/2.0${route}`, {
		method,
		headers: { Authorization: `Bearer ${API_KEYS.owner}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	}).then((r) => r.json() as Promise<{ response?: any; total?: number }>);
}

const writes = (sandbox: Sandbox) => sandbox.log.filter((r) => r.method !== 'GET').length;

/** 1. Disable 1,000 users: batched vs one request per item, with 20 ms latency. */
async function bulkDisable(): Promise<void> {
	const options: SandboxOptions = { extraUsers: 1000, latencyMs: 20, limits: { perMinute: 100_000 } };
	const ids = (sandbox: Sandbox) => sandbox.state.users.filter((u) => u.email.startsWith('bench.')).map((u) => ({ id: u.id }));
	const disable = { resource: 'user', operation: 'disable', user: { __rl: true, mode: 'id', value: '={{ $json.id }}' } };

	const batched = await withSandbox(options, async (sandbox) => {
		const run = await timed(() => runNode(sandbox, disable, ids(sandbox)));
		return { ms: run.ms, requests: writes(sandbox), items: run.value.length };
	});
	const perItemNode = await withSandbox(options, async (sandbox) => {
		const run = await timed(() => runNode(sandbox, { ...disable, options: { sendTogether: false } }, ids(sandbox)));
		return { ms: run.ms, requests: writes(sandbox) };
	});
	const perItemClient = await withSandbox(options, async (sandbox) => {
		const run = await timed(async () => {
			for (const { id } of ids(sandbox)) await api(sandbox, 'PUT', '/people/status/2', { userIds: [id], resendAll: false });
		});
		return { ms: run.ms, requests: writes(sandbox) };
	});
	const ratio = perItemClient.ms / batched.ms;
	results.bulkDisable = { users: 1000, latencyMs: 20, batched, perItemNode, perItemClient, timeRatioVsPerItemClient: ratio, timeRatioVsPerItemNode: perItemNode.ms / batched.ms };
	rows.push(
		{ benchmark: 'Disable 1,000 users', figure: 'write requests', node: batched.requests, baseline: perItemClient.requests, target: '≤ 10', met: batched.requests <= 10 },
		{ benchmark: 'Disable 1,000 users', figure: 'wall time (s)', node: sec(batched.ms), baseline: `${sec(perItemClient.ms)} (node per item: ${sec(perItemNode.ms)})`, target: '≥ 20× less', met: ratio >= 20 },
	);
}

/** 2. Lag between a job finishing and the node returning, and progress requests, vs a fixed 2 s loop. */
async function jobWaits(): Promise<void> {
	const perJob: unknown[] = [];
	let nodePolls = 0;
	let totalSeconds = 0;
	for (const seconds of [1, 5, 30, 120]) {
		// The sandbox reaches the last milestone after (milestones − 1) steps.
		const steps = MILESTONES.reassign.length - 1;
		const stepMs = (seconds * 1000) / steps;
		const figure = await withSandbox({ speed: { taskStepMs: stepMs } }, async (sandbox) => {
			const [nodeUser, loopUser] = [IDS.jane, sandbox.state.ids.liam];
			await api(sandbox, 'PUT', '/people/status/2', { userIds: [nodeUser, loopUser], resendAll: false });
			const jobEnd = (userId: string) => {
				const task = sandbox.state.tasks.get(sandbox.state.taskKey('reassign', userId))!;
				return task.startedAt + stepMs * steps;
			};
			const polls = (userId: string) => sandbox.log.filter((r) => r.path === `/people/reassign/progress/${userId}`).length;
			const node = (async () => {
				await runNode(sandbox, { resource: 'reassignment', operation: 'start', fromUser: { __rl: true, mode: 'id', value: nodeUser }, toUser: { __rl: true, mode: 'id', value: IDS.bob } });
				return Date.now() - jobEnd(nodeUser);
			})();
			const loop = (async () => {
				await api(sandbox, 'POST', '/people/reassign/start', { fromUserId: loopUser, toUserId: IDS.bob, deleteProfile: false });
				for (;;) {
					const progress = await api(sandbox, 'GET', `/people/reassign/progress/${loopUser}`);
					if (progress.response?.isCompleted) break;
					await new Promise((r) => setTimeout(r, 2000));
				}
				return Date.now() - jobEnd(loopUser);
			})();
			const [nodeLag, loopLag] = await Promise.all([node, loop]);
			return { seconds, nodeLagMs: nodeLag, nodePolls: polls(nodeUser), loopLagMs: loopLag, loopPolls: polls(loopUser), lagTargetMs: 300 + seconds * 100 };
		});
		perJob.push(figure);
		nodePolls += figure.nodePolls;
		totalSeconds += seconds;
		rows.push({
			benchmark: `Wait for a ${seconds} s job`,
			figure: 'lag (ms) / polls',
			node: `${Math.round(figure.nodeLagMs)} / ${figure.nodePolls}`,
			baseline: `${Math.round(figure.loopLagMs)} / ${figure.loopPolls}`,
			target: `lag ≤ ${figure.lagTargetMs}`,
			met: figure.nodeLagMs <= figure.lagTargetMs,
		});
	}
	const pollsPerTwoSeconds = (nodePolls / totalSeconds) * 2;
	results.jobWaits = { jobs: perJob, nodePollsPerTwoSecondsOfJob: pollsPerTwoSeconds };
	rows.push({ benchmark: 'Wait for jobs (all)', figure: 'polls per 2 s of job', node: pollsPerTwoSeconds.toFixed(2), baseline: '1.00', target: '≤ 1', met: pollsPerTwoSeconds <= 1 });
}

/** 3. Read all of 10,000 users: Get Many (Return All) vs a raw paging client. */
async function getAllUsers(): Promise<void> {
	await withSandbox({ extraUsers: 10_000, limits: { perMinute: 100_000 } }, async (sandbox) => {
		const params = { resource: 'user', operation: 'getMany', returnAll: true, filters: { search: 'bench.user' }, output: 'raw' };
		const raw = async () => {
			const users: unknown[] = [];
			for (let start = 0; ; start += 100) {
				const page = await api(sandbox, 'GET', `/people/filter?filterValue=bench.user&count=100&startIndex=${start}`);
				users.push(...(page.response as unknown[]));
				if (users.length >= (page.total ?? 0) || (page.response as unknown[]).length < 100) return users;
			}
		};
		await raw();
		const nodeTimes: number[] = [];
		const rawTimes: number[] = [];
		let requests = 0;
		let count = 0;
		for (let i = 0; i < 3; i++) {
			sandbox.log.length = 0;
			const node = await timed(() => runNode(sandbox, params));
			requests = sandbox.log.length;
			count = node.value.length;
			nodeTimes.push(node.ms);
			rawTimes.push((await timed(raw)).ms);
		}
		const median = (list: number[]) => [...list].sort((a, b) => a - b)[1];
		const ratio = median(nodeTimes) / median(rawTimes);
		results.getAllUsers = { users: count, requests, nodeMs: median(nodeTimes), rawClientMs: median(rawTimes), timeRatio: ratio };
		rows.push(
			{ benchmark: 'Get all 10,000 users', figure: 'requests', node: requests, baseline: 100, target: '= 100', met: requests === 100 && count === 10_000 },
			{ benchmark: 'Get all 10,000 users', figure: 'time (s), median of 3', node: sec(median(nodeTimes)), baseline: sec(median(rawTimes)), target: '≤ 1.2× raw', met: ratio <= 1.2 },
		);
	});
}

/** 4. What installing the package costs: load time, tarball size, runtime dependencies. */
function packageFigures(): void {
	const nodeModule = path.join(ROOT, 'dist/nodes/DocSpaceAdmin/DocSpaceAdmin.node.js');
	const probe = (preload: boolean) => {
		const script = `${preload ? "require('n8n-workflow');" : ''}const t=process.hrtime.bigint();require(${JSON.stringify(nodeModule)});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
		const runs = Array.from({ length: 5 }, () => Number(spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).stdout.trim()));
		return runs.sort((a, b) => a - b)[2];
	};
	const withHost = probe(true);
	const cold = probe(false);
	const dir = mkdtempSync(path.join(os.tmpdir(), 'docspace-pack-'));
	const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
	rmSync(dir, { recursive: true, force: true });
	const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const deps = Object.keys(manifest.dependencies ?? {}).length;
	results.package = { requireMsWithN8nWorkflowLoaded: withHost, requireMsIncludingN8nWorkflow: cold, tarballBytes: packed.size, unpackedBytes: packed.unpackedSize, files: packed.entryCount, runtimeDependencies: deps };
	rows.push(
		{ benchmark: 'Package', figure: 'require (ms), n8n-workflow already loaded', node: withHost.toFixed(1), baseline: `${cold.toFixed(1)} incl. n8n-workflow`, target: '≤ 50', met: withHost <= 50 },
		{ benchmark: 'Package', figure: 'tarball (kB)', node: (packed.size / 1024).toFixed(1), baseline: '-', target: '≤ 150', met: packed.size <= 150 * 1024 },
		{ benchmark: 'Package', figure: 'runtime dependencies', node: deps, baseline: '-', target: '0', met: deps === 0 },
	);
}

function sec(ms: number): string {
	return (ms / 1000).toFixed(2);
}

async function main(): Promise<void> {
	const started = Date.now();
	packageFigures();
	await bulkDisable();
	await getAllUsers();
	await jobWaits();
	const output = {
		generatedAt: new Date().toISOString(),
		machine: { node: process.version, cpus: os.cpus().length, platform: `${os.platform()} ${os.arch()}` },
		durationSeconds: Math.round((Date.now() - started) / 1000),
		...results,
		table: rows,
	};
	writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(output, null, '\t')}\n`);
	const widths = [24, 40, 24, 36, 14];
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' ');
	console.log(line(['benchmark', 'figure', 'this node', 'baseline', 'target']) + ' met');
	for (const r of rows) console.log(line([r.benchmark, r.figure, String(r.node), String(r.baseline), r.target]) + (r.met ? ' yes' : ' NO'));
	console.log(`\n${rows.filter((r) => r.met).length} of ${rows.length} targets met in ${output.durationSeconds} s; written to bench/results.json`);
}

void main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
