/**
 * `npm run bench`: request economy, speed, wait efficiency and load cost of the package, each
 * timed figure the median of interleaved runs after a warm-up, against its baseline, through
 * n8n-core's engine and the sandbox portal. Writes bench/results.json and prints a table.
 *
 *   --check            exit 1 when a target is missed
 *   --search           find the HTTP Request baseline's fastest clean Batching setting first
 *   --rounds N         timed rounds per side (default 5)
 *   --only a,b         run some parts: package, disable, getAll, massOffboarding, jobs
 */
import { writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import type { Row } from './common';
import { bulkDisable } from './disable';
import { getAllUsers } from './getAll';
import { jobWaits } from './jobWaits';
import { massOffboarding } from './massOffboarding';
import { packageFigures } from './loadTime';
import { searchBatching } from './search';
import { LoadMonitor } from './stats';
import { renderMarkdown, renderText } from './table';

const ROOT = path.resolve(__dirname, '..', '..');
const MASS_ROUNDS = 3;
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};

async function main(): Promise<number> {
	const rounds = Math.max(5, Number(value('rounds') ?? 5));
	const only = value('only')?.split(',');
	const wanted = (part: string) => !only || only.includes(part);
	const started = Date.now();
	const load = new LoadMonitor();
	load.start();
	const log = (line: string) => console.log(line);

	if (flag('search')) {
		log('Searching the HTTP Request baseline’s Batching setting…');
		await searchBatching(log);
	}
	const rows: Row[] = [];
	const results: Record<string, unknown> = {};
	const part = async (
		name: string,
		title: string,
		body: () => Promise<{ rows: Row[]; result: unknown }> | { rows: Row[]; result: unknown },
	) => {
		if (!wanted(name)) return;
		log(`${title} (load average ${os.loadavg()[0].toFixed(2)})`);
		const loadBefore = os.loadavg()[0];
		const { rows: r, result } = await body();
		rows.push(...r);
		results[name] = {
			...(result as object),
			loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]) },
		};
	};
	await part('package', 'Package: load time, tarball', () =>
		packageFigures(Math.max(11, rounds), log),
	);
	await part('getAll', 'Get all 10,000 users', () => getAllUsers(rounds, log));
	await part('disable', 'Disable 1,000 users', () => bulkDisable(rounds, log));
	// Each round offboards 2,100 leavers in all: 3 interleaved rounds.
	await part(
		'massOffboarding',
		'Mass offboarding: 100 and 1,000 leavers, and 1,000 one row at a time',
		() => massOffboarding(MASS_ROUNDS, log),
	);
	// Last and alone: a busy event loop (the parts above) would delay the node's wake-ups.
	await part('jobs', 'Job waits: 1 s, 5 s, 30 s, 120 s jobs, all runs side by side (~2 min)', () =>
		jobWaits(rounds, log),
	);
	load.stop();

	const output = {
		generatedAt: new Date().toISOString(),
		machine: {
			node: process.version,
			cpus: os.cpus().length,
			platform: `${os.platform()} ${os.arch()}`,
		},
		loadAverage: load.snapshot(),
		durationSeconds: Math.round((Date.now() - started) / 1000),
		roundsPerSide: rounds,
		targetsMet: `${rows.filter((r) => r.met).length} of ${rows.length}`,
		...results,
		table: rows,
	};
	writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(output, null, '\t')}\n`);
	writeFileSync(path.join(ROOT, 'bench/results.md'), renderMarkdown(output));
	console.log(`\n${renderText(rows)}`);
	const missed = rows.filter((r) => !r.met);
	console.log(
		`\n${rows.length - missed.length} of ${rows.length} targets met in ${output.durationSeconds} s (load average ${output.loadAverage.now.join(' / ')}); written to bench/results.json and bench/results.md`,
	);
	return flag('check') && missed.length ? 1 : 0;
}

function round(n: number): number {
	return Math.round(n * 100) / 100;
}

void main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
