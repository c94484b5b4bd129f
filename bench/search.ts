/**
 * `npm run bench -- --search`: finds the fastest Batching setting of the HTTP Request node that
 * disables 1,000 users with no 429 against the sandbox's real limits, and stores it in
 * bench/baseline.json for `npm run bench` (which confirms it again on each run).
 *
 * For each batch size, the interval grows by half from a setting that is sure to meet 429s until
 * two runs in a row are clean; the fastest clean setting over all batch sizes wins.
 */
import { writeFileSync } from 'fs';
import os from 'os';

import type { Attempt } from './disable';
import { attempt, BASELINE_FILE, httpSide, slower, USERS } from './disable';
import type { Batching } from './httpRequest';
import { describeBatching } from './httpRequest';
import { sec } from './stats';

const BATCH_SIZES = [1, 3, 5, 10, 15];

export async function searchBatching(log: (line: string) => void): Promise<void> {
	const trials: Array<Batching & { ms: number; tooMany: number }> = [];
	const winners: Array<{ batching: Batching; ms: number }> = [];
	for (const batchSize of BATCH_SIZES) {
		// 1 ms per item would send every request at once: sure to meet the 15-writes limit.
		let batching: Batching = { batchSize, batchInterval: batchSize };
		for (let step = 0; step < 14; step++) {
			const runs: Attempt[] = [];
			for (let i = 0; i < 2; i++) {
				const a = await attempt(httpSide(batching));
				runs.push(a);
				trials.push({ ...batching, ms: Math.round(a.ms), tooMany: a.tooMany });
				log(
					`  ${describeBatching(batching)} → ${sec(a.ms)} s, ${a.tooMany} × 429, ${a.disabled}/${USERS} disabled`,
				);
				if (a.tooMany || a.failed) break;
			}
			if (runs.length === 2 && runs.every((a) => !a.tooMany && !a.failed)) {
				winners.push({ batching, ms: Math.max(...runs.map((a) => a.ms)) });
				break;
			}
			batching = slower(batching);
		}
	}
	winners.sort((a, b) => a.ms - b.ms);
	const best = winners[0];
	if (!best) throw new Error('no Batching setting ran clean');
	log(`fastest clean setting: ${describeBatching(best.batching)} (${sec(best.ms)} s)`);
	const stored = {
		batching: best.batching,
		foundAt: new Date().toISOString(),
		search: {
			machine: {
				cpus: os.cpus().length,
				loadavg: os.loadavg().map((n) => Math.round(n * 100) / 100),
			},
			cleanPerBatchSize: winners,
			trials,
		},
	};
	writeFileSync(BASELINE_FILE, `${JSON.stringify(stored, null, '\t')}\n`);
}
