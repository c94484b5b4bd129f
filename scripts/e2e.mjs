// End-to-end: a real n8n process loads the package, imports a credential for the sandbox portal and an
// offboarding workflow, runs it with `n8n execute --id`, and the sandbox's state and request log are
// checked. Usage: npm run test:e2e (installs the n8n runtime on first use, see scripts/runtime.mjs).
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { ensureRuntime, n8nCommand } from './runtime.mjs';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'docspace-e2e-'));
const failures = [];
let passes = 0;
const check = (label, ok, detail = '') => {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${detail ? ` — ${detail}` : ''}`);
	if (ok) passes++;
	else failures.push(label);
};

await ensureRuntime();
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
execFileSync('npx', ['tsc', '-p', 'tsconfig.sandbox.json'], { cwd: root, stdio: 'inherit' });
const { startSandbox } = await import(join(root, '.build/sandbox/server.js'));
const { API_KEYS, IDS } = await import(join(root, '.build/sandbox/seed.js'));
const sandbox = await startSandbox({ speed: { taskStepMs: 100, fileOpMs: 200 } });

// n8n loads custom nodes from a folder that holds only the package's manifest and build.
const extension = join(work, 'extension');
mkdirSync(extension);
cpSync(join(root, 'package.json'), join(extension, 'package.json'));
cpSync(join(root, 'dist'), join(extension, 'dist'), { recursive: true });
const env = {
	...process.env,
	N8N_USER_FOLDER: join(work, 'n8n'),
	N8N_CUSTOM_EXTENSIONS: extension,
	N8N_ENCRYPTION_KEY: 'docspace-admin-e2e-key',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	// n8n prints --rawOutput through its logger at info level.
	N8N_LOG_LEVEL: 'info',
	N8N_SECURE_COOKIE: 'false',
	N8N_RUNNERS_ENABLED: 'false',
	N8N_RUNNERS_MODE: 'internal',
};
const [bin, ...lead] = n8nCommand();
/**
 * Runs an n8n CLI command without blocking this process (the sandbox answers from it). Its output
 * goes to a file, not a pipe: n8n 2.41.1 on Node 24 may crash while shutting down after a successful
 * command (exit 139 seen here), which loses what is still buffered in a pipe. The output counts, not
 * the exit code.
 */
let commands = 0;
const n8n = (...args) =>
	new Promise((resolve, reject) => {
		const file = join(work, `n8n-${++commands}.out`);
		const fd = openSync(file, 'w');
		const child = spawn(bin, [...lead, ...args], { cwd: work, env, stdio: ['ignore', fd, fd] });
		const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			closeSync(fd);
			const output = readFileSync(file, 'utf8');
			if (code !== 0 && !output.includes('"finished"') && !/successfully imported/i.test(output)) {
				reject(new Error(`n8n ${args[0]} exited with ${code}: ${output.slice(-1500)}`));
			} else resolve(output);
		});
	});

try {
	const folders = sandbox.state.folders;
	writeFileSync(
		join(work, 'credentials.json'),
		JSON.stringify([{ id: 'docspaceSandbox1', name: 'DocSpace sandbox', type: 'docSpaceApi', data: { baseUrl: sandbox.origin, authType: 'apiKey', apiKey: API_KEYS.owner, ignoreSslIssues: false } }]),
	);
	const offboard = {
		id: 'e2eOffboardJane01',
		name: 'E2E: offboard Jane',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: { Start: { main: [[{ node: 'Offboard', type: 'main', index: 0 }]] } },
		nodes: [
			{ id: 'e2e-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'e2e-offboard',
				name: 'Offboard',
				type: 'CUSTOM.docSpaceAdmin',
				typeVersion: 1,
				position: [240, 0],
				credentials: { docSpaceApi: { id: 'docspaceSandbox1', name: 'DocSpace sandbox' } },
				parameters: {
					resource: 'offboarding',
					operation: 'run',
					user: { __rl: true, mode: 'id', value: IDS.jane },
					recipient: { __rl: true, mode: 'id', value: IDS.bob },
					workspaceFolderId: String(folders['workspace:jane']),
					archiveFolderId: String(folders.archive),
					readOnlyGroupId: sandbox.state.ids['group:hr'],
					finalStep: 'keep',
				},
			},
		],
	};
	writeFileSync(join(work, 'workflow.json'), JSON.stringify(offboard));

	let started = Date.now();
	await n8n('import:credentials', `--input=${join(work, 'credentials.json')}`);
	await n8n('import:workflow', `--input=${join(work, 'workflow.json')}`);
	console.log(`imported credential and workflow in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	started = Date.now();
	const output = await n8n('execute', `--id=${offboard.id}`, '--rawOutput');
	console.log(`n8n execute took ${((Date.now() - started) / 1000).toFixed(1)} s`);
	let report;
	try {
		// --rawOutput prints the run as JSON after n8n's own log lines.
		const json = JSON.parse(output.slice(output.indexOf('{\n')));
		report = json?.data?.resultData?.runData?.Offboard?.[0]?.data?.main?.[0]?.[0]?.json;
	} catch {
		report = undefined;
	}
	check('n8n ran the DocSpace Admin node', Boolean(report), report ? '' : output.slice(0, 400));
	check('the offboarding report says success', report?.success === true, JSON.stringify(report?.steps ?? []).slice(0, 300));
	const state = sandbox.state;
	check('Jane is disabled', state.user(IDS.jane)?.status === 2);
	check('her rooms belong to Bob', state.entry(folders['room:deals'])?.createdBy === IDS.bob);
	check('her workspace is in the Archive folder', state.entry(folders['workspace:jane'])?.parentId === folders.archive);
	check('the workspace has the archive access', state.entry(folders['workspace:jane'])?.shares[IDS.bob] === 1);
	const writes = sandbox.writes().map((r) => `${r.method} ${r.path}`);
	check('nothing was deleted, and the transfer came before the move', writes.indexOf('POST /people/reassign/start') < writes.indexOf('PUT /files/fileops/move') && !writes.some((w) => w.startsWith('DELETE')), writes.join(', '));
} catch (error) {
	check('n8n commands ran', false, String(error.stderr ?? error.message).slice(-2000));
} finally {
	await sandbox.stop();
	rmSync(work, { recursive: true, force: true });
}
console.log(`${passes} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
