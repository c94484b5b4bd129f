/**
 * What installing the package costs n8n: the time to `require` every file n8n loads from it
 * (each node and credential in package.json "n8n"), in a fresh Node process that has already
 * loaded n8n-workflow (n8n has), plus tarball size and runtime dependencies.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';

import type { Row } from './common';
import { spread } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs in the child: wall and CPU time of requiring the files, and how many modules they pulled in. */
const PROBE = `
const files = JSON.parse(process.argv[1]);
require('n8n-workflow');
const before = Object.keys(require.cache).length;
const cpu = process.cpuUsage();
const t = process.hrtime.bigint();
for (const f of files) require(f);
const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
const c = process.cpuUsage(cpu);
console.log(JSON.stringify({ wallMs, cpuMs: (c.user + c.system) / 1000, modules: Object.keys(require.cache).length - before }));
`;

export function n8nFiles(): string[] {
	const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	return [...manifest.n8n.credentials, ...manifest.n8n.nodes].map((f: string) =>
		path.join(ROOT, f),
	);
}

export function probeLoad(files: string[]): { wallMs: number; cpuMs: number; modules: number } {
	const out = spawnSync(process.execPath, ['-e', PROBE, JSON.stringify(files)], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	if (out.status !== 0) throw new Error(`load probe failed: ${out.stderr}`);
	return JSON.parse(out.stdout.trim());
}

export function packageFigures(
	runs: number,
	log: (line: string) => void,
): { rows: Row[]; result: unknown } {
	const files = n8nFiles();
	probeLoad(files); // warm-up: file cache
	const probes = Array.from({ length: runs }, () => probeLoad(files));
	const wall = spread(probes.map((p) => p.wallMs));
	const cpu = spread(probes.map((p) => p.cpuMs));
	log(
		`  require of ${files.length} files: wall ${wall.median.toFixed(1)} ms (${wall.min.toFixed(1)}–${wall.max.toFixed(1)}), CPU ${cpu.median.toFixed(1)} ms`,
	);

	const dir = mkdtempSync(path.join(os.tmpdir(), 'docspace-pack-'));
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}),
	)[0];
	rmSync(dir, { recursive: true, force: true });
	const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const deps = Object.keys(manifest.dependencies ?? {}).length;
	const ms = (n: number) => n.toFixed(1);
	const rows: Row[] = [
		{
			benchmark: 'Package',
			figure: `require of all ${files.length} files n8n loads (ms), median (min–max) of ${runs}`,
			node: `${ms(wall.median)} (${ms(wall.min)}–${ms(wall.max)}) wall; ${ms(cpu.median)} CPU`,
			baseline: `${probes[0].modules} module(s)`,
			target: '≤ 20',
			// Checked on CPU time: the package's own cost. On a quiet machine wall time is the same;
			// on a loaded one it adds the time other processes held the CPU.
			met: cpu.median <= 20,
		},
		{
			benchmark: 'Package',
			figure: 'tarball (kB) / files',
			node: `${(packed.size / 1024).toFixed(1)} / ${packed.entryCount}`,
			baseline: '-',
			target: '≤ 150 kB',
			met: packed.size <= 150 * 1024,
		},
		{
			benchmark: 'Package',
			figure: 'runtime dependencies',
			node: String(deps),
			baseline: '-',
			target: '0',
			met: deps === 0,
		},
	];
	return {
		rows,
		result: {
			files: files.map((f) => path.relative(ROOT, f)),
			modulesLoaded: probes[0].modules,
			requireWallMs: wall,
			requireCpuMs: cpu,
			tarballBytes: packed.size,
			unpackedBytes: packed.unpackedSize,
			tarballFiles: packed.entryCount,
			runtimeDependencies: deps,
		},
	};
}
