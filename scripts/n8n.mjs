// A local n8n with this package, a credential for the sandbox and the workflow templates: shared by
// `npm start` and the end-to-end tests.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { n8nCommand } from './runtime.mjs';

export const root = resolve(import.meta.dirname, '..');

/** The editor's owner account, created on first start (a local instance only). */
export const OWNER = { email: 'admin@example.com', password: 'DocSpace-Admin-2026', firstName: 'DocSpace', lastName: 'Admin' };
export const HR_SECRET = { name: 'X-HR-Secret', value: 'sandbox-hr-secret' };

/** Template file → the id it gets in n8n (ids of at most 21 characters run with `n8n execute --id`). */
export const TEMPLATE_IDS = {
	'offboard-on-demand.json': 'tplOffboardOnDemand',
	'offboard-on-hr-webhook.json': 'tplOffboardOnHrHook',
	'weekly-disabled-users-check.json': 'tplWeeklyCheck',
};

/** Builds the package and the sandbox (compiled to .build/) and loads the sandbox modules. */
export async function buildAll() {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
	execFileSync('npx', ['tsc', '-p', 'tsconfig.sandbox.json'], { cwd: root, stdio: 'inherit' });
	const server = await import(join(root, '.build/sandbox/server.js'));
	const seed = await import(join(root, '.build/sandbox/seed.js'));
	const templates = await import(join(root, '.build/sandbox/templates.js'));
	return { ...server, ...seed, ...templates };
}

/** Environment for an n8n whose data lives in `home` and which loads this package. */
export function n8nEnv(home, port = 5678) {
	// n8n loads custom nodes from a folder that holds only the package's manifest and build.
	const extension = join(home, 'extension');
	rmSync(extension, { recursive: true, force: true });
	mkdirSync(extension, { recursive: true });
	cpSync(join(root, 'package.json'), join(extension, 'package.json'));
	cpSync(join(root, 'dist'), join(extension, 'dist'), { recursive: true });
	return {
		...process.env,
		N8N_USER_FOLDER: join(home, 'n8n'),
		N8N_CUSTOM_EXTENSIONS: extension,
		N8N_ENCRYPTION_KEY: 'docspace-admin-local-key',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(port + 1),
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		// n8n prints `execute --rawOutput` through its logger at info level.
		N8N_LOG_LEVEL: 'info',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_RUNNERS_MODE: 'internal',
		DB_SQLITE_POOL_SIZE: '2',
	};
}

/**
 * Runs an n8n CLI command without blocking this process (the sandbox answers from it). Its output
 * goes to a file, not a pipe: n8n 2.41.1 on Node 24 may crash while shutting down after a successful
 * command (exit 139 seen here), which loses what is still buffered in a pipe. The output counts, not
 * the exit code.
 */
let commands = 0;
export function n8nCli(env, ...args) {
	const [bin, ...lead] = n8nCommand();
	return new Promise((resolvePromise, reject) => {
		const file = join(env.N8N_USER_FOLDER, `..`, `cli-${++commands}.out`);
		const fd = openSync(file, 'w');
		const child = spawn(bin, [...lead, ...args], { env, stdio: ['ignore', fd, fd] });
		const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			closeSync(fd);
			const output = readFileSync(file, 'utf8');
			if (code !== 0 && !output.includes('"finished"') && !/successfully imported|publishing workflow/i.test(output)) {
				reject(new Error(`n8n ${args[0]} exited with ${code}: ${output.slice(-1500)}`));
			} else resolvePromise(output);
		});
	});
}

/**
 * Imports a DocSpace credential for the sandbox ("DocSpace account", as the templates name it), the
 * HR webhook's header secret, and the templates filled in with the sandbox's people and folders.
 */
export async function importTemplates(env, sandbox, lib, { workflows = true } = {}) {
	const home = join(env.N8N_USER_FOLDER, '..');
	const credentials = [
		{ id: 'docspaceCredential', name: 'DocSpace account', type: 'docSpaceApi', data: { baseUrl: sandbox.origin, authType: 'apiKey', apiKey: lib.API_KEYS.owner, ignoreSslIssues: false } },
		{ id: 'hrWebhookSecret', name: 'HR webhook secret', type: 'httpHeaderAuth', data: HR_SECRET },
	];
	writeFileSync(join(home, 'credentials.json'), JSON.stringify(credentials));
	await n8nCli(env, 'import:credentials', `--input=${join(home, 'credentials.json')}`);
	if (!workflows) return;
	const folder = join(home, 'workflows');
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder);
	const settings = { values: lib.sandboxTemplateValues(sandbox), packagePrefix: 'CUSTOM' };
	for (const file of readdirSync(join(root, 'examples/workflows'))) {
		const template = JSON.parse(readFileSync(join(root, 'examples/workflows', file), 'utf8'));
		writeFileSync(join(folder, file), JSON.stringify({ ...lib.prepareTemplate(template, settings), id: TEMPLATE_IDS[file], active: false }));
	}
	await n8nCli(env, 'import:workflow', '--separate', `--input=${folder}`);
}

/** Starts `n8n start` and resolves once it answers; its output goes to `log`. */
export async function startN8n(env, log) {
	const [bin, ...lead] = n8nCommand();
	const fd = openSync(log, 'w');
	const child = spawn(bin, [...lead, 'start'], { env, stdio: ['ignore', fd, fd], detached: true });
	closeSync(fd);
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const stop = () => {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// already gone
		}
	};
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode}:\n${tail(log)}`);
		try {
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			stop();
			throw new Error(`n8n did not become ready in 120 s:\n${tail(log)}`);
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return { url, child, stop };
}

/** Creates the owner account unless the instance has one already; returns whether it did. */
export async function setupOwner(url) {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	return response.ok;
}

export function tail(file, lines = 40) {
	try {
		return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}
