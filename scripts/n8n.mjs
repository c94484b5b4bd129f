// A local n8n with this package, a credential for the sandbox and the workflow templates: shared by
// `npm start` and the end-to-end tests.
//
// The package reaches n8n the way n8n's Community Nodes installer puts it there (n8n 2.41
// `CommunityPackagesService.downloadPackage`): the `npm pack` tarball is unpacked into
// `<user folder>/.n8n/nodes/node_modules/n8n-nodes-docspace-admin`, its dev/peer/optional dependencies are
// dropped from its package.json, `npm install --ignore-scripts` runs there, and `nodes/package.json`
// lists it. n8n 1.x and 2.x load every package in that folder at start, so the node type is
// `n8n-nodes-docspace-admin.docSpaceAdmin` — the type the templates use, imported unchanged.
import { execFile, spawn } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { phase } from './progress.mjs';
import { n8nCommand, runtime } from './runtime.mjs';

export const root = resolve(import.meta.dirname, '..');
export const PACKAGE = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const run = promisify(execFile);

/** The editor's owner account, created on first start (a local instance only). */
export const OWNER = {
	email: 'admin@example.com',
	password: 'DocSpace-Admin-2026',
	firstName: 'DocSpace',
	lastName: 'Admin',
};
export const HR_SECRET = { name: 'X-HR-Secret', value: 'sandbox-hr-secret' };
/** The login of the bulk template's upload form (n8n's form authentication, Basic Auth). */
export const FORM_LOGIN = { user: 'hr', password: 'sandbox-form-password' };
/** The login of the agent template's chat. */
export const CHAT_LOGIN = { user: 'admin', password: 'sandbox-chat-password' };
export const TEMPLATES = join(root, 'examples', 'workflows');
export const TEMPLATE_FILES = readdirSync(TEMPLATES)
	.filter((f) => f.endsWith('.json'))
	.sort();

/** Runs a command quietly; on failure its output is shown. */
async function quiet(cmd, args, options = {}) {
	try {
		return (await run(cmd, args, { cwd: root, maxBuffer: 64 * 1024 * 1024, ...options })).stdout;
	} catch (error) {
		throw new Error(
			`${cmd} ${args.join(' ')} failed:\n${[error.stdout, error.stderr].filter(Boolean).join('\n').slice(-4000)}`,
		);
	}
}

/**
 * Builds the package and the sandbox (compiled to .build/), packs the package as `npm publish` would,
 * and loads the sandbox modules. Returns them with `tarball`, the packed file.
 */
export async function buildAll(work) {
	await phase('Building the package and the sandbox', async () => {
		await quiet('npm', ['run', 'build', '--silent']);
		await quiet('npx', ['tsc', '-p', 'tsconfig.sandbox.json']);
	});
	const tarball = await phase('Packing it (npm pack)', async () => {
		mkdirSync(work, { recursive: true });
		const [packed] = JSON.parse(await quiet('npm', ['pack', '--json', '--pack-destination', work]));
		return join(work, packed.filename);
	});
	const server = await import(join(root, '.build/sandbox/server.js'));
	const seed = await import(join(root, '.build/sandbox/seed.js'));
	const templates = await import(join(root, '.build/sandbox/templates.js'));
	const model = await import(join(root, '.build/sandbox/scriptedModel.js'));
	return { ...server, ...seed, ...templates, ...model, tarball };
}

/** The nodes folder of an n8n user folder, where the Community Nodes installer puts packages. */
export const nodesFolder = (env) => join(env.N8N_USER_FOLDER, '.n8n', 'nodes');

/** Installs the packed tarball into n8n's nodes folder, step by step as n8n's installer does. */
export async function installPackage(env, tarball) {
	await phase(
		`Installing ${PACKAGE.name} into ${nodesFolder(env)} (as Settings → Community Nodes does)`,
		async () => {
			const nodes = nodesFolder(env);
			const target = join(nodes, 'node_modules', PACKAGE.name);
			rmSync(target, { recursive: true, force: true });
			mkdirSync(target, { recursive: true });
			await quiet('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
			const manifestFile = join(target, 'package.json');
			const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
				readFileSync(manifestFile, 'utf8'),
			);
			writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
			await quiet(
				'npm',
				[
					'install',
					'--audit=false',
					'--fund=false',
					'--bin-links=false',
					'--install-strategy=shallow',
					'--ignore-scripts=true',
					'--package-lock=false',
				],
				{ cwd: target },
			);
			const listFile = join(nodes, 'package.json');
			const list = existsSync(listFile)
				? JSON.parse(readFileSync(listFile, 'utf8'))
				: { name: 'installed-nodes', private: true, dependencies: {} };
			list.dependencies = { ...list.dependencies, [PACKAGE.name]: manifest.version };
			writeFileSync(listFile, JSON.stringify(list, null, 2));
		},
	);
}

const major = (version) => Number(String(version).split('.')[0]);

/** Environment for an n8n whose data lives in `home`; only variables this n8n version does not call deprecated. */
export function n8nEnv(home, port = 5678, rt = runtime()) {
	const env = {
		...process.env,
		N8N_USER_FOLDER: join(home, 'n8n'),
		N8N_ENCRYPTION_KEY: 'docspace-admin-local-key',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(port + 1),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		// n8n prints `execute --rawOutput` through its logger at info level.
		N8N_LOG_LEVEL: 'info',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		DB_SQLITE_POOL_SIZE: '2',
	};
	if (major(rt.version) >= 2) {
		env.N8N_WEBHOOK_URL = `http://127.0.0.1:${port}/`;
	} else {
		// n8n 1.x knows only WEBHOOK_URL (2.x calls it deprecated), and calls running without task
		// runners deprecated.
		env.WEBHOOK_URL = `http://127.0.0.1:${port}/`;
		env.N8N_RUNNERS_ENABLED = 'true';
	}
	return env;
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
		const file = join(
			env.N8N_USER_FOLDER,
			`..`,
			`cli-${++commands}-${args[0].replace(/\W/g, '-')}.out`,
		);
		const fd = openSync(file, 'w');
		const child = spawn(bin, [...lead, ...args], { env, stdio: ['ignore', fd, fd] });
		const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
		child.on('exit', (code) => {
			clearTimeout(timer);
			closeSync(fd);
			const output = readFileSync(file, 'utf8');
			if (
				code !== 0 &&
				!output.includes('"finished"') &&
				!/successfully imported|publishing workflow|activating workflow|successfully exported/i.test(
					output,
				)
			) {
				reject(new Error(`n8n ${args[0]} exited with ${code}: ${output.slice(-1500)}`));
			} else resolvePromise(output);
		});
	});
}

/** Imports the sandbox's DocSpace credential ("DocSpace account", as the templates name it), the HR webhook's secret and the sandbox's mail server. */
export async function importCredentials(env, sandbox, lib, { modelUrl } = {}) {
	const home = join(env.N8N_USER_FOLDER, '..');
	const credentials = [
		{
			id: 'docspaceCredential',
			name: 'DocSpace account',
			type: 'docSpaceApi',
			data: {
				baseUrl: sandbox.origin,
				authType: 'apiKey',
				apiKey: lib.API_KEYS.owner,
				ignoreSslIssues: false,
			},
		},
		{ id: 'hrWebhookSecret', name: 'HR webhook secret', type: 'httpHeaderAuth', data: HR_SECRET },
		{ id: 'leaversFormLogin', name: 'Leavers form login', type: 'httpBasicAuth', data: FORM_LOGIN },
		// The sandbox's loopback mail server, for the approval mails.
		{
			id: 'smtpCredential',
			name: 'Approval mail (SMTP)',
			type: 'smtp',
			data: lib.sandboxSmtpCredential(sandbox),
		},
		{ id: 'chatLogin', name: 'Offboarding chat login', type: 'httpBasicAuth', data: CHAT_LOGIN },
		// The agent template's model: a scripted OpenAI-compatible server on loopback.
		...(modelUrl
			? [
					{
						id: 'openAiCredential',
						name: 'Chat model (OpenAI API)',
						type: 'openAiApi',
						data: { apiKey: 'scripted-model', url: modelUrl },
					},
				]
			: []),
	];
	writeFileSync(join(home, 'credentials.json'), JSON.stringify(credentials));
	await phase('Importing the sandbox credential', () =>
		n8nCli(env, 'import:credentials', `--input=${join(home, 'credentials.json')}`),
	);
}

/**
 * Imports the templates as a user does — the files of examples/workflows/, unchanged — then fills in
 * their settings nodes with the sandbox's people, folders and chat inbox, as the templates' notes ask
 * an admin to do after importing (export, fill in, import over the same workflows). Returns the
 * imported workflows (by template file: id, name, node types as imported).
 */
export async function importTemplates(env, sandbox, lib) {
	const home = join(env.N8N_USER_FOLDER, '..');
	await phase(
		`Importing the ${TEMPLATE_FILES.length} templates from examples/workflows unchanged`,
		() => n8nCli(env, 'import:workflow', '--separate', `--input=${TEMPLATES}`),
	);
	const exported = join(home, 'exported');
	rmSync(exported, { recursive: true, force: true });
	mkdirSync(exported);
	await phase('Reading them back', () =>
		n8nCli(env, 'export:workflow', '--all', '--separate', `--output=${exported}/`),
	);
	const inN8n = readdirSync(exported).map((f) =>
		JSON.parse(readFileSync(join(exported, f), 'utf8')),
	);
	const imported = {};
	const filled = join(home, 'filled');
	rmSync(filled, { recursive: true, force: true });
	mkdirSync(filled);
	for (const file of TEMPLATE_FILES) {
		const template = JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8'));
		// The newest workflow of that name (an `npm start` user may have imported it before).
		const workflow = inN8n
			.filter((w) => w.name === template.name)
			.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0];
		if (!workflow) throw new Error(`n8n did not import ${file}`);
		imported[file] = {
			id: workflow.id,
			name: workflow.name,
			types: workflow.nodes.map((n) => n.type),
		};
		const withSettings = lib.prepareTemplate(workflow, {
			values: lib.sandboxTemplateValues(sandbox),
		});
		writeFileSync(join(filled, file), JSON.stringify(withSettings));
	}
	await phase(
		'Filling in their settings with the sandbox (employee, recipient, folders, chat inbox)',
		() => n8nCli(env, 'import:workflow', '--separate', `--input=${filled}`),
	);
	writeFileSync(join(home, 'templates.json'), JSON.stringify(imported, null, 2));
	return imported;
}

/** The templates imported by an earlier `npm start` (template file → id, name, types). */
export function importedTemplates(home) {
	try {
		return JSON.parse(readFileSync(join(home, 'templates.json'), 'utf8'));
	} catch {
		return undefined;
	}
}

/** `n8n publish:workflow` (2.x) or `n8n update:workflow --active=true` (1.x). */
export function publishWorkflow(env, id, rt = runtime()) {
	return major(rt.version) >= 2
		? n8nCli(env, 'publish:workflow', `--id=${id}`)
		: n8nCli(env, 'update:workflow', `--id=${id}`, '--active=true');
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
		if (child.exitCode !== null)
			throw new Error(`n8n exited with ${child.exitCode}:\n${tail(log)}`);
		try {
			// n8n 1.x reports ready before its REST API is mounted: wait for both.
			const ready = await fetch(`${url}/healthz/readiness`);
			if (ready.ok && (await fetch(`${url}/rest/settings`)).status !== 404) break;
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

/** Signs in as the owner and returns the session cookie (for n8n's internal REST API). */
export async function signIn(url) {
	for (const body of [
		{ emailOrLdapLoginId: OWNER.email, password: OWNER.password },
		{ email: OWNER.email, password: OWNER.password },
	]) {
		const response = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});
		if (response.ok)
			return response.headers
				.getSetCookie()
				.map((c) => c.split(';')[0])
				.join('; ');
	}
	throw new Error('Could not sign in to n8n as the owner');
}

/** The node types n8n loaded (the editor's /types/nodes.json). */
export async function loadedNodeTypes(url, cookie) {
	const response = await fetch(`${url}/types/nodes.json`, { headers: { cookie } });
	if (!response.ok) throw new Error(`/types/nodes.json answered ${response.status}`);
	return (await response.json()).map((t) => ({
		name: t.name,
		displayName: t.displayName,
		description: t.description,
		version: t.version,
	}));
}

export function tail(file, lines = 40) {
	try {
		return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** Lines of n8n's deprecation notice that name one of `variables` (n8n lists them as ` - NAME -> why`). */
export function deprecationWarnings(log, variables) {
	try {
		return readFileSync(log, 'utf8')
			.split('\n')
			.filter((l) =>
				variables.some((v) => new RegExp(`(^|[\\s-])${v}\\b.*(->|deprecat)`, 'i').test(l)),
			);
	} catch {
		return [];
	}
}
