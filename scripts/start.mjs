// `npm start`: a local n8n with this package installed as n8n's Community Nodes installer installs
// it, the DocSpace sandbox, a ready credential and the workflow templates. Installs the n8n runtime
// on first use (minutes; progress is shown, npm's output goes to a log file); later starts take
// seconds. Options: `--fresh` forgets the local n8n's data (owner, workflows, executions) first;
// `--n8n 1.123.81` (or N8N_VERSION) runs n8n 1.x instead of 2.41.1.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import {
	buildAll,
	FORM_LOGIN,
	HR_SECRET,
	importCredentials,
	importedTemplates,
	importTemplates,
	installPackage,
	n8nEnv,
	nodesFolder,
	CHAT_LOGIN,
	OWNER,
	PACKAGE,
	publishWorkflow,
	setupOwner,
	startN8n,
	tail,
	TEMPLATES,
} from './n8n.mjs';
import { agentScripts, UNSCRIPTED } from './agent-scripts.mjs';
import { AGENT_TEMPLATE, hasToolReview } from './e2e-agent.mjs';
import { phase } from './progress.mjs';
import { ensureRuntime, formatDuration, runtime } from './runtime.mjs';

const rt = runtime();
/** The agent template's chat trigger webhook. */
const CHAT_WEBHOOK = JSON.parse(readFileSync(join(TEMPLATES, AGENT_TEMPLATE), 'utf8')).nodes.find(
	(n) => n.type.endsWith('chatTrigger'),
).webhookId;
// One n8n user folder per n8n line: a database n8n 2.x migrated cannot be opened by n8n 1.x.
const HOME =
	process.env.DOCSPACE_ADMIN_HOME ??
	join(
		homedir(),
		'.cache',
		'n8n-nodes-docspace-admin',
		rt.version.startsWith('1.') ? 'local-n8n-1.x' : 'local-n8n',
	);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8092);
const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);

const started = Date.now();
console.log(
	`npm start: n8n ${rt.version} with ${PACKAGE.name} ${PACKAGE.version} and the DocSpace sandbox`,
);
if (process.argv.includes('--fresh')) rmSync(HOME, { recursive: true, force: true });
await ensureRuntime(rt);
const lib = await buildAll(join(HOME, 'pack'));
const sandbox = await lib
	.startSandbox({ port: SANDBOX_PORT, speed: { taskStepMs: 500, fileOpMs: 800 } })
	.catch((error) => {
		console.error(
			error.code === 'EADDRINUSE'
				? `Port ${SANDBOX_PORT} is in use (another npm start?). Stop it, or choose another: SANDBOX_PORT=8093 npm start`
				: String(error),
		);
		process.exit(1);
	});
if (
	await fetch(`http://127.0.0.1:${N8N_PORT}/healthz`).then(
		() => true,
		() => false,
	)
) {
	console.error(
		`Port ${N8N_PORT} is in use (another n8n?). Stop it, or choose another: N8N_PORT=5680 npm start`,
	);
	await sandbox.stop();
	process.exit(1);
}

// The agent template's chat model: the sandbox's scripted stand-in, until you give it a real one.
const model = await new lib.ScriptedModel(
	agentScripts({ liamEmail: sandbox.state.user(sandbox.state.ids.liam).email }),
	UNSCRIPTED,
).start();

let server;
let stopping = false;
const stop = async (code = 0) => {
	stopping = true;
	server?.stop();
	await model.stop();
	await sandbox.stop();
	process.exit(code);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
	mkdirSync(HOME, { recursive: true });
	const env = n8nEnv(HOME, N8N_PORT, rt);
	await installPackage(env, lib.tarball);
	await importCredentials(env, sandbox, lib, { modelUrl: model.url });
	// Templates are imported on the first start only: your changes to them are kept.
	let templates = existsSync(join(HOME, 'templates.json')) ? importedTemplates(HOME) : undefined;
	if (!templates) templates = await importTemplates(env, sandbox, lib);
	else
		console.log('  Templates: kept from the last start (npm start -- --fresh imports them again)');
	// Published, the agent template's chat answers at its own URL (n8n 2.x: it needs review for tools).
	const agent = templates[AGENT_TEMPLATE]?.id;
	if (agent && hasToolReview(rt)) await publishWorkflow(env, agent, rt);
	const log = join(HOME, 'n8n.log');
	server = await phase('Starting n8n', () => startN8n(env, log));
	await setupOwner(server.url);
	const demand = `${server.url}/workflow/${templates['offboard-on-demand.json']?.id}`;
	console.log(`
n8n ${rt.version} is ready at ${server.url} (${formatDuration(Date.now() - started)}), with ${PACKAGE.name} installed in
${nodesFolder(env)} (as Settings → Community Nodes installs it) and the DocSpace sandbox.

  Sign in:      ${OWNER.email} / ${OWNER.password}
  Credential:   "DocSpace account" → the sandbox portal ${sandbox.origin}
                API key of its owner: ${lib.API_KEYS.owner}
  Templates:    DocSpace: offboard an employee on demand / when HR calls a webhook / weekly check

Try first: open ${demand}
  and click "Execute workflow". The Preview lists what will happen to Jane Doe (nothing changes yet),
  the approval mail lands in the sandbox's inbox: ${sandbox.origin}/__sandbox/mail (SMTP on ${sandbox.inbox.host}:${sandbox.inbox.port})
  Open its link in the browser, pick Approve and submit, and watch Jane being offboarded in the right order;
  the result lands in the sandbox's chat inbox: ${sandbox.origin}/__sandbox/notify
  The agent template (${hasToolReview(rt) ? `chat: ${server.url}/webhook/${CHAT_WEBHOOK}/chat, login ${CHAT_LOGIN.user} / ${CHAT_LOGIN.password}` : 'needs n8n 2.x for its review step'}) talks to a scripted
  model: ask it "Offboard Jane Doe; her rooms and files go to Bob Brown." and approve the review mail.
  The HR webhook template's secret header is ${HR_SECRET.name}: ${HR_SECRET.value}.
  The bulk template's upload form asks for a login: ${FORM_LOGIN.user} / ${FORM_LOGIN.password}.
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
