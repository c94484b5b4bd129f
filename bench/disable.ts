/**
 * Disable 1,000 users, 20 ms server latency, the sandbox's real limits (1,500 requests/min,
 * 15 writes at once): the node (one request per 100 users) against the HTTP Request node at its
 * fastest Batching setting that gets no 429, and against a script's sequential loop.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';

import type { Sandbox, SandboxOptions } from '../sandbox/server';
import type { Row } from './common';
import { api, runNode, tooMany, withSandbox, writes } from './common';
import type { Batching } from './httpRequest';
import { describeBatching, runHttpRequest } from './httpRequest';
import type { Spread } from './stats';
import { interleaved, pairRatios, sec, spread, timed } from './stats';

export const USERS = 1000;
export const OPTIONS: SandboxOptions = { extraUsers: USERS, latencyMs: 20 };
export const BASELINE_FILE = path.resolve(__dirname, '..', '..', 'bench', 'baseline.json');

const DISABLE = {
	resource: 'user',
	operation: 'disable',
	user: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
};

export interface Attempt {
	ms: number;
	writes: number;
	tooMany: number;
	disabled: number;
	failed?: string;
}

const benchUsers = (sandbox: Sandbox) =>
	sandbox.state.users.filter((u) => u.email.startsWith('bench.'));

/** One run on a fresh sandbox (fresh rate-limit window): time, write requests, 429s, users disabled. */
export async function attempt(
	body: (sandbox: Sandbox, items: Array<{ id: string }>) => Promise<string | undefined>,
	users = USERS,
): Promise<Attempt> {
	return await withSandbox(OPTIONS, async (sandbox) => {
		const items = benchUsers(sandbox)
			.slice(0, users)
			.map((u) => ({ id: u.id }));
		const run = await timed(() => body(sandbox, items));
		const disabled = benchUsers(sandbox).filter((u) => u.status === 2).length;
		return {
			ms: run.ms,
			writes: writes(sandbox),
			tooMany: tooMany(sandbox),
			disabled,
			failed: run.value,
		};
	});
}

export const nodeSide = (sandbox: Sandbox, items: Array<{ id: string }>) =>
	runNode(sandbox, DISABLE, items).then(() => undefined);
export const httpSide =
	(batching: Batching) => async (sandbox: Sandbox, items: Array<{ id: string }>) => {
		const { error } = await runHttpRequest(sandbox, items, batching);
		return error ? String(error.message ?? 'failed') : undefined;
	};
export const loopSide = async (sandbox: Sandbox, items: Array<{ id: string }>) => {
	for (const { id } of items)
		await api(sandbox, 'PUT', '/people/status/2', { userIds: [id], resendAll: false });
	return undefined;
};

const clean = (a: Attempt, users = USERS) => a.tooMany === 0 && !a.failed && a.disabled === users;

export interface StoredBaseline {
	batching: Batching;
	foundAt: string;
	search?: unknown;
}

export function storedBaseline(): StoredBaseline {
	if (existsSync(BASELINE_FILE))
		return JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as StoredBaseline;
	return { batching: { batchSize: 15, batchInterval: 100 }, foundAt: 'default' };
}

/** The next slower setting: the interval grows by half (at least 1 ms). */
export const slower = (b: Batching): Batching => ({
	...b,
	batchInterval: Math.max(b.batchInterval + 1, Math.ceil(b.batchInterval * 1.5)),
});
export const faster = (b: Batching): Batching => ({
	...b,
	batchInterval: Math.max(1, Math.floor(b.batchInterval / 1.5)),
});

/**
 * Confirms the stored setting on this machine now: slower while it gets 429s, and one step faster
 * while that also runs clean (each step confirmed twice). Returns the setting and what was tried.
 */
async function calibrate(start: Batching, log: (line: string) => void) {
	const tried: Array<Batching & { ms: number; tooMany: number }> = [];
	const check = async (b: Batching, times: number) => {
		for (let i = 0; i < times; i++) {
			const a = await attempt(httpSide(b));
			tried.push({ ...b, ms: Math.round(a.ms), tooMany: a.tooMany });
			log(
				`  HTTP Request calibration: ${describeBatching(b)} → ${sec(a.ms)} s, ${a.tooMany} × 429`,
			);
			if (!clean(a)) return false;
		}
		return true;
	};
	let setting = start;
	for (let i = 0; i < 6 && !(await check(setting, 2)); i++) setting = slower(setting);
	for (let i = 0; i < 2; i++) {
		const next = faster(setting);
		if (next.batchInterval === setting.batchInterval || !(await check(next, 2))) break;
		setting = next;
	}
	return { setting, tried };
}

export async function bulkDisable(
	pairs: number,
	log: (line: string) => void,
): Promise<{ rows: Row[]; result: unknown }> {
	const stored = storedBaseline();
	const { setting: initial, tried } = await calibrate(stored.batching, log);
	const setting = initial;
	const httpRetries: Array<Batching & { round: number; tooMany: number }> = [];
	let round = 0;
	/**
	 * Each round starts at the calibrated setting. If load rose and it meets a 429, the round is run
	 * again one step slower (as a user would space requests out), and only the clean run counts.
	 */
	const http = async (): Promise<Attempt & { batching: Batching }> => {
		round++;
		let used = setting;
		for (let step = 0; ; step++) {
			const a = await attempt(httpSide(used));
			if (clean(a) || step >= 4) return { ...a, batching: used };
			httpRetries.push({ ...used, round, tooMany: a.tooMany });
			used = slower(used);
		}
	};
	const runs = await interleaved(
		{ node: () => attempt(nodeSide), http, loop: () => attempt(loopSide) },
		pairs,
		(side, round, a) =>
			log(`  round ${round + 1} ${side}: ${sec(a.ms)} s, ${a.writes} writes, ${a.tooMany} × 429`),
		// The sequential loop's warm-up is 100 users (its code is small; a full one costs ~25 s).
		{ http: async () => undefined, loop: () => attempt(loopSide, 100) },
	);
	const ms = (list: Attempt[]) => spread(list.map((a) => a.ms));
	const node = ms(runs.node);
	const httpMs = ms(runs.http);
	const loopMs = ms(runs.loop);
	const vsHttp = pairRatios(
		runs.http.map((a) => a.ms),
		runs.node.map((a) => a.ms),
	);
	const vsLoop = pairRatios(
		runs.loop.map((a) => a.ms),
		runs.node.map((a) => a.ms),
	);
	const nodeWrites = Math.max(...runs.node.map((a) => a.writes));
	const allDone = runs.node.every((a) => clean(a));
	const httpClean = runs.http.every((a) => clean(a));
	const s = (x: Spread) => `${sec(x.median)} (${sec(x.min)}–${sec(x.max)})`;
	const r = (x: Spread) => `${x.median.toFixed(1)}× (${x.min.toFixed(1)}–${x.max.toFixed(1)})`;
	const rows: Row[] = [
		{
			benchmark: 'Disable 1,000 users',
			figure: 'write requests',
			node: String(nodeWrites),
			baseline: `${runs.http[0].writes} (HTTP Request), ${runs.loop[0].writes} (loop)`,
			target: '≤ 10',
			met: nodeWrites <= 10 && allDone,
		},
		{
			benchmark: 'Disable 1,000 users',
			figure: 'wall time (s), median (min–max)',
			node: s(node),
			baseline: `${s(httpMs)} HTTP Request; ${s(loopMs)} loop`,
			target: '-',
			met: true,
		},
		{
			benchmark: 'Disable 1,000 users',
			figure: 'time vs HTTP Request (ratio per round)',
			node: r(vsHttp),
			baseline: describeBatching(setting),
			target: '≥ 10×',
			met: vsHttp.median >= 10 && httpClean,
		},
		{
			benchmark: 'Disable 1,000 users',
			figure: 'time vs sequential loop (ratio per round)',
			node: r(vsLoop),
			baseline: 'one PUT after another',
			target: '≥ 30×',
			met: vsLoop.median >= 30,
		},
	];
	return {
		rows,
		result: {
			users: USERS,
			latencyMs: OPTIONS.latencyMs,
			limits: 'sandbox defaults: 1,500 requests/min, 15 writes in flight',
			roundsPerSide: pairs,
			node: { ms: node, writes: nodeWrites, tooMany: runs.node.map((a) => a.tooMany) },
			httpRequest: {
				batching: setting,
				batchingStored: stored.batching,
				calibration: tried,
				retriedAfter429: httpRetries,
				ms: httpMs,
				tooMany: runs.http.map((a) => a.tooMany),
				settingPerRound: runs.http.map((a) => (a as Attempt & { batching: Batching }).batching),
			},
			loop: { ms: loopMs },
			ratioVsHttpRequest: vsHttp,
			ratioVsLoop: vsLoop,
		},
	};
}
