/**
 * Mass offboarding at DocSpace's limits: 100 and 1,000 leavers (each with a workspace folder, every
 * fourth owning a room) previewed and run as one bulk, against the same 1,000 one row per node
 * execution, 5 rows at once (the path every row took before reads were shared and disables batched).
 * The sandbox keeps DocSpace's limits (1,500 requests per window, 15 writes in flight, 10,000 writes
 * a day) on a clock 20 times faster: the window is 3 s, so a run's limit-bound ideal is its requests
 * ÷ 1,500 × 3 s.
 */
import type { Sandbox, SandboxOptions } from '../sandbox/server';
import { mapWithLimit } from '../nodes/DocSpaceAdmin/helpers/parallel';
import { leaverItems, leaverOfEachItem } from '../test/harness/bulk';
import type { Row } from './common';
import { runNode, tooMany, withSandbox } from './common';
import type { Spread } from './stats';
import { interleaved, pairRatios, spread, timed } from './stats';

const WINDOW_MS = 3_000;
const PER_WINDOW = 1_500;
const OPTIONS: SandboxOptions = {
	speed: { taskStepMs: 1, fileOpMs: 1 },
	limits: { windowMs: WINDOW_MS },
	latencyMs: 5,
};
/** Rows at once on the one-row-at-a-time side, as "Offboardings at Once" allowed before. */
const ROWS_AT_ONCE = 5;

const PREVIEW = leaverOfEachItem('preview');
const RUN = leaverOfEachItem('run', {
	report: { attachFiles: true, storeIn: 'nowhere', parallel: 15 },
});

/**
 * Preview's reads that are not any one leaver's: the caller, groups, keys, apps, and the portal's
 * rooms with their members (they grow with the portal, not with the leavers of a run).
 */
const SHARED_READ =
	/^\/(people\/(@|%40)self|group(\/[0-9a-f-]+)?|keys|security\/oauth2\/token|clients|files\/rooms(\/\d+\/share)?)$/;

interface Outcome {
	ms: number;
	previewRequests: number;
	/** Of those, the reads shared by all leavers (SHARED_READ, without a subject filter). */
	previewShared: number;
	runRequests: number;
	runWrites: number;
	tooMany: number;
	errorItems: number;
	errorsFrom429: number;
	lost: number;
	peakMemoryMb: number;
}

type Rows = Array<Record<string, unknown>>;
type Side = (sandbox: Sandbox, rows: Rows, parameters: Record<string, unknown>) => Promise<Rows>;

const together: Side = async (sandbox, rows, parameters) =>
	(await runNode(sandbox, parameters, rows)).map((i) => i.json);
const oneRowAtATime: Side = async (sandbox, rows, parameters) =>
	(
		await mapWithLimit(rows.length, ROWS_AT_ONCE, async (i) =>
			together(sandbox, [rows[i]], parameters),
		)
	).flatMap((r) => {
		if (r instanceof Error) throw r;
		return r;
	});

/** The highest resident memory while `body` runs, sampled every 50 ms, above what it was before. */
async function peakMemory<T>(body: () => Promise<T>): Promise<{ value: T; mb: number }> {
	const before = process.memoryUsage().rss;
	let peak = before;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
	try {
		const value = await body();
		return { value, mb: Math.round((Math.max(peak, process.memoryUsage().rss) - before) / 1e6) };
	} finally {
		clearInterval(timer);
	}
}

/** One Preview and one Run of `size` leavers on a fresh sandbox. */
async function offboard(size: number, side: Side): Promise<Outcome> {
	return await withSandbox(OPTIONS, async (sandbox) => {
		const rows = leaverItems(sandbox, size);
		const leavers = rows.map((row) => ({
			id: row.id,
			workspaceId: Number(row.workspaceFolderId),
		}));
		sandbox.log.length = 0;
		const measured = await peakMemory(() =>
			timed(async () => {
				const plans = await side(sandbox, rows, PREVIEW);
				const previewRequests = sandbox.log.length;
				const previewShared = sandbox.log.filter(
					(r) => SHARED_READ.test(r.path) && !r.query.includes('subjectId'),
				).length;
				const reports = await side(sandbox, rows, RUN);
				return { plans, reports, previewRequests, previewShared };
			}),
		);
		const { plans, reports, previewRequests, previewShared } = measured.value.value;
		const items = [...plans, ...reports];
		const failed = items.filter((i) => i.error !== undefined);
		const lost = leavers.filter((l) => {
			const workspace = sandbox.state.entry(l.workspaceId!);
			return sandbox.state.user(l.id)?.status !== 2 || workspace?.parentId === undefined
				? true
				: !sandbox.state.entry(workspace.parentId)?.title.includes(l.id);
		}).length;
		const runLog = sandbox.log.slice(previewRequests);
		return {
			ms: measured.value.ms,
			previewRequests,
			previewShared,
			runRequests: runLog.length,
			runWrites: runLog.filter((r) => r.method !== 'GET').length,
			tooMany: tooMany(sandbox),
			errorItems: failed.length,
			errorsFrom429: failed.filter((i) => /429|too many|rate limit/i.test(String(i.error))).length,
			lost: lost + (reports.length === size ? 0 : size - reports.length),
			peakMemoryMb: measured.mb,
		};
	});
}

const figure = (n: number, digits = 0) =>
	n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const seconds = (s: Spread) =>
	`${figure(s.median / 1000, 1)} s (${figure(s.min / 1000, 1)}–${figure(s.max / 1000, 1)})`;
const median = (runs: Outcome[], pick: (o: Outcome) => number) => spread(runs.map(pick)).median;
const highest = (runs: Outcome[], pick: (o: Outcome) => number) => spread(runs.map(pick)).max;
/** The least time DocSpace's per-window limit allows for these requests. */
const idealMs = (o: Outcome) => ((o.previewRequests + o.runRequests) / PER_WINDOW) * WINDOW_MS;

export async function massOffboarding(
	rounds: number,
	log: (line: string) => void,
): Promise<{ rows: Row[]; result: unknown }> {
	const sides = {
		bulk100: () => offboard(100, together),
		bulk1000: () => offboard(1000, together),
		perRow1000: () => offboard(1000, oneRowAtATime),
	};
	const runs = await interleaved(
		sides,
		rounds,
		(side, round, o) =>
			log(
				`  ${side} round ${round + 1}: ${figure(o.ms / 1000, 1)} s, ${o.previewRequests} + ${o.runRequests} requests, ${o.runWrites} writes, ${o.tooMany} × 429, ${o.errorItems} error items, ${o.lost} lost, +${o.peakMemoryMb} MB`,
			),
		{ bulk1000: async () => undefined, perRow1000: async () => undefined },
	);
	const bulk = runs.bulk1000;
	const base = runs.perRow1000;
	const perLeaver = (o: Outcome[], pick: (o: Outcome) => number, n: number) => median(o, pick) / n;
	const previewPerLeaver = perLeaver(bulk, (o) => o.previewRequests - o.previewShared, 1000);
	const writesPerLeaver = perLeaver(bulk, (o) => o.runWrites, 1000);
	const idealRatio = spread(bulk.map((o) => o.ms / idealMs(o)));
	const wallRatio = pairRatios(
		base.map((o) => o.ms),
		bulk.map((o) => o.ms),
	);
	const all = [...runs.bulk100, ...bulk, ...base];
	const lost = all.reduce((s, o) => s + o.lost, 0);
	const errors = [...runs.bulk100, ...bulk].reduce((s, o) => s + o.errorItems, 0);
	const errorsFrom429 = all.reduce((s, o) => s + o.errorsFrom429, 0);
	const describe = (o: Outcome[], n: number) =>
		`Preview ${figure(
			perLeaver(o, (x) => x.previewRequests, n),
			2,
		)} + Run ${figure(
			perLeaver(o, (x) => x.runRequests, n),
			1,
		)} requests, ${figure(
			perLeaver(o, (x) => x.runWrites, n),
			2,
		)} writes per leaver`;
	const rows: Row[] = [
		{
			benchmark: 'Offboard 1,000 leavers in one approved run (DocSpace limits, 20× clock)',
			figure: 'Preview requests per leaver, plus the shared reads (median)',
			node: `${figure(previewPerLeaver, 2)} + ${figure(median(bulk, (o) => o.previewShared))} shared`,
			baseline: `${figure(
				perLeaver(base, (o) => o.previewRequests, 1000),
				2,
			)} (one row per execution)`,
			target: '≤ 3 per leaver',
			met: previewPerLeaver <= 3,
		},
		{
			benchmark: '…',
			figure: 'Run writes per leaver (median)',
			node: figure(writesPerLeaver, 2),
			baseline: figure(
				perLeaver(base, (o) => o.runWrites, 1000),
				2,
			),
			target: '≤ 4',
			met: writesPerLeaver <= 4,
		},
		{
			benchmark: '…',
			figure: 'all requests per leaver; 100 leavers',
			node: `${describe(bulk, 1000)}; 100: ${describe(runs.bulk100, 100)}`,
			baseline: describe(base, 1000),
			target: '',
			met: true,
		},
		{
			benchmark: '…',
			figure: 'wall time, median (min–max); 100 leavers',
			node: `${seconds(spread(bulk.map((o) => o.ms)))}; 100: ${seconds(spread(runs.bulk100.map((o) => o.ms)))}`,
			baseline: seconds(spread(base.map((o) => o.ms))),
			target: '',
			met: true,
		},
		{
			benchmark: '…',
			figure: 'wall time ÷ limit-bound ideal (requests ÷ 1,500 per window)',
			node: `${figure(idealRatio.median, 2)}× (${figure(idealRatio.min, 2)}–${figure(idealRatio.max, 2)}); ideal ${figure(median(bulk, idealMs) / 1000, 1)} s`,
			baseline: `ideal ${figure(median(base, idealMs) / 1000, 1)} s`,
			target: '≤ 2.5×',
			met: idealRatio.median <= 2.5,
		},
		{
			benchmark: '…',
			figure: 'vs one row per execution, wall ratio per round',
			node: `${figure(wallRatio.median, 2)}× (${figure(wallRatio.min, 2)}–${figure(wallRatio.max, 2)})`,
			baseline: '5 rows at once, each its own Preview and Run',
			target: '≥ 1.5×',
			met: wallRatio.median >= 1.5,
		},
		{
			benchmark: '…',
			figure: 'lost leavers / error items / errors from 429 (429 answers resent)',
			node: `${lost} / ${errors} / ${errorsFrom429} (${figure(median(bulk, (o) => o.tooMany))} × 429 per run)`,
			baseline: `${figure(median(base, (o) => o.tooMany))} × 429 per run`,
			target: '0 / 0 / 0',
			met: lost === 0 && errors === 0 && errorsFrom429 === 0,
		},
		{
			benchmark: '…',
			// Later rounds reuse the heap the first one grew: the highest is the one that tells.
			figure: 'peak memory above the start, highest of the rounds',
			node: `${figure(highest(bulk, (o) => o.peakMemoryMb))} MB; 100: ${figure(highest(runs.bulk100, (o) => o.peakMemoryMb))} MB`,
			baseline: `${figure(highest(base, (o) => o.peakMemoryMb))} MB`,
			target: '',
			met: true,
		},
	];
	return { rows, result: { windowMs: WINDOW_MS, perWindow: PER_WINDOW, runs } };
}
