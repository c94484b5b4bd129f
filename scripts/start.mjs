// `npm start`: a local n8n with this package, the DocSpace sandbox, a ready credential and the workflow
// templates. Installs the n8n runtime on first use (minutes); later starts take seconds.
// `npm start -- --fresh` forgets the local n8n's data (owner, workflows, executions) first.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { buildAll, HR_SECRET, importTemplates, n8nEnv, OWNER, setupOwner, startN8n, tail, TEMPLATE_IDS } from './n8n.mjs';
import { ensureRuntime } from './runtime.mjs';

const HOME = process.env.DOCSPACE_ADMIN_HOME ?? join(homedir(), '.cache', 'n8n-nodes-docspace-admin', 'local-n8n');
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8092);
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);

const started = Date.now();
if (process.argv.includes('--fresh')) rmSync(HOME, { recursive: true, force: true });
await ensureRuntime();
const lib = await buildAll();
const sandbox = await lib.startSandbox({ port: SANDBOX_PORT, speed: { taskStepMs: 500, fileOpMs: 800 } }).catch((error) => {
	console.error(error.code === 'EADDRINUSE' ? `Port ${SANDBOX_PORT} is in use (another npm start?). Stop it, or choose another: SANDBOX_PORT=8093 npm start` : String(error));
	process.exit(1);
});
if (await fetch(`http://127.0.0.1:${N8N_PORT}/healthz`).then(() => true, () => false)) {
	console.error(`Port ${N8N_PORT} is in use (another n8n?). Stop it, or choose another: N8N_PORT=5680 npm start`);
	await sandbox.stop();
	process.exit(1);
}

let server;
let stopping = false;
const stop = async (code = 0) => {
	stopping = true;
	server?.stop();
	await sandbox.stop();
	process.exit(code);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
	const firstStart = !existsSync(join(HOME, 'n8n'));
	mkdirSync(HOME, { recursive: true });
	const env = n8nEnv(HOME, N8N_PORT);
	console.log(firstStart ? 'Importing the credentials and the workflow templates…' : 'Refreshing the credentials (your workflows are kept)…');
	await importTemplates(env, sandbox, lib, { workflows: firstStart });
	const log = join(HOME, 'n8n.log');
	console.log('Starting n8n…');
	server = await startN8n(env, log);
	await setupOwner(server.url);
	const demand = `${server.url}/workflow/${TEMPLATE_IDS['offboard-on-demand.json']}`;
	console.log(`
n8n ${server.url} is ready (${Math.round((Date.now() - started) / 1000)} s), with the DocSpace Admin node and the DocSpace sandbox.

  Sign in:      ${OWNER.email} / ${OWNER.password}
  Credential:   "DocSpace account" → the sandbox portal ${sandbox.origin} (API key of its owner)
  Templates:    DocSpace: offboard an employee on demand / when HR calls a webhook / weekly check

Try first: open ${demand}
  and click "Execute workflow". The Preview lists what will happen to Jane Doe (nothing changes yet),
  the approval request lands in the sandbox's chat inbox: ${sandbox.origin}/__sandbox/notify
  Open its approveUrl in the browser and watch Jane being offboarded in the right order.
  The HR webhook template's secret header is ${HR_SECRET.name}: ${HR_SECRET.value}.
  Sandbox state and request log: ${sandbox.origin}/__sandbox/state, ${sandbox.origin}/__sandbox/log
  Start over: POST ${sandbox.origin}/__sandbox/reset (the portal), npm start -- --fresh (n8n too).

n8n log: ${log}
Press Ctrl-C to stop n8n and the sandbox.`);
	server.child.on('exit', (code) => {
		if (stopping) return;
		console.log(`n8n stopped (${code}). Last lines of its log:\n${tail(log)}`);
		void stop(1);
	});
} catch (error) {
	console.error(String(error.message ?? error));
	await stop(1);
}
