// End-to-end: a real n8n process gets the package the way its Community Nodes installer installs it
// (the `npm pack` tarball in the user folder's nodes/ directory), imports a credential for the sandbox
// and the workflow templates unchanged, runs each of them (`n8n execute --id`, then the approval link
// against the running server), and the editor is driven in Chromium. The sandbox's state, request log
// and chat inbox are checked.
// Usage: npm run test:e2e [-- --n8n 1.123.81]   (or N8N_VERSION=1.123.81; default 2.41.1). Installs
// the n8n runtime on first use, see scripts/runtime.mjs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	AGENT_TEMPLATE,
	agentChecks,
	agentScreenshots,
	agentSession,
	hasToolReview,
	importUnreviewed,
	unreviewedChecks,
} from './e2e-agent.mjs';
import { agentScripts } from './agent-scripts.mjs';
import { browserChecks } from './e2e-browser.mjs';
import {
	buildAll,
	deprecationWarnings,
	HR_SECRET,
	importCredentials,
	importTemplates,
	installPackage,
	loadedNodeTypes,
	n8nCli,
	n8nEnv,
	nodesFolder,
	PACKAGE,
	publishWorkflow,
	root,
	setupOwner,
	signIn,
	startN8n,
	tail,
	TEMPLATE_FILES,
	TEMPLATES,
} from './n8n.mjs';
import { ensureRuntime, formatDuration, runtime } from './runtime.mjs';

const rt = runtime();
const began = Date.now();
console.log(`End-to-end run on n8n ${rt.version} (Node ${rt.nodeVersion})`);
const work = mkdtempSync(join(tmpdir(), 'docspace-e2e-'));
const artifacts = join(root, 'artifacts', 'e2e', `n8n-${rt.version}`);
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
const failures = [];
let passes = 0;
const check = (label, ok, detail = '') => {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${detail ? ` — ${detail}` : ''}`);
	if (ok) passes++;
	else failures.push(label);
	return ok;
};
/** What the approver's browser sends when they submit the decision form of an approval mail. */
const decide = (url, decision) => {
	const form = new FormData();
	form.append('field-0', decision);
	return fetch(url, { method: 'POST', body: form });
};
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const until = async (probe, ms = 60_000) => {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		const value = probe();
		if (value) return value;
		await new Promise((r) => setTimeout(r, 250));
	}
	return probe();
};

/** The first port from `start` on which it and the next one (n8n's task broker) are free. */
async function freePortPair(start) {
	const free = (port) =>
		new Promise((resolve) => {
			const server = createServer().once('error', () => resolve(false));
			server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
		});
	for (let port = start; port < start + 40; port += 2)
		if ((await free(port)) && (await free(port + 1))) return port;
	throw new Error(`No free port pair between ${start} and ${start + 40}`);
}

await ensureRuntime(rt);
const lib = await buildAll(join(work, 'pack'));
const sandbox = await lib.startSandbox({ speed: { taskStepMs: 100, fileOpMs: 200 } });
const { IDS } = lib;
const model = await new lib.ScriptedModel(
	agentScripts({ liamEmail: sandbox.state.user(sandbox.state.ids.liam).email }),
).start();
// Not 5678, so that it can run beside `npm start`; the next free pair when another run holds 5688/5689.
const env = n8nEnv(work, await freePortPair(Number(process.env.E2E_N8N_PORT ?? 5688)), rt);
let server;

/** The offboarding of Jane to Bob, as the sandbox sees it afterwards. */
function checkOffboarded(label) {
	const state = sandbox.state;
	const folders = state.folders;
	check(`${label}: Jane is disabled`, state.user(IDS.jane)?.status === 2);
	check(
		`${label}: her rooms belong to Bob`,
		state.entry(folders['room:deals'])?.createdBy === IDS.bob,
	);
	const workspace = state.entry(folders['workspace:jane']);
	const room = workspace && state.entry(workspace.parentId);
	check(
		`${label}: her workspace is in the archive room made for her (its title carries her user ID)`,
		room?.title === `Archive – Jane Doe (${IDS.jane})` && state.isRoom(room),
		room?.title,
	);
	const opens = (key) =>
		Boolean(workspace && state.access(state.user(state.ids[key] ?? key), workspace));
	check(
		`${label}: Bob (the recipient) and Olivia (in the read-only group HR) can open the archived workspace`,
		opens(IDS.bob) && opens('olivia'),
	);
	check(
		`${label}: colleagues outside the archive room (Liam, Emma) cannot`,
		!opens('liam') && !opens('emma'),
	);
	const writes = sandbox.writes().map((r) => `${r.method} ${r.path}`);
	check(
		`${label}: disable, then the transfer, then the move; no profile, file or folder deleted`,
		writes.indexOf('PUT /people/status/2') < writes.indexOf('POST /people/reassign/start') &&
			writes.indexOf('POST /people/reassign/start') < writes.indexOf('PUT /files/fileops/move') &&
			!writes.some(
				(w) => /^DELETE \/(people|files)\b/.test(w) || /fileops\/delete|people\/remove/.test(w),
			),
		writes.join(', '),
	);
}

try {
	await installPackage(env, lib.tarball);
	const installed = JSON.parse(
		readFileSync(join(nodesFolder(env), 'node_modules', PACKAGE.name, 'package.json'), 'utf8'),
	);
	check(
		`the packed package is installed in n8n's nodes folder (${PACKAGE.name}@${installed.version}, no dev/peer dependencies left)`,
		installed.name === PACKAGE.name && !installed.devDependencies && !installed.peerDependencies,
	);
	await importCredentials(env, sandbox, lib, { modelUrl: model.url });
	let started = Date.now();
	const imported = await importTemplates(env, sandbox, lib);
	console.log(
		`imported the credentials and ${TEMPLATE_FILES.length} templates in ${seconds(started)}`,
	);
	for (const file of TEMPLATE_FILES) {
		const template = JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8'));
		const types = template.nodes.map((n) => n.type);
		check(
			`${file}: imported unchanged, its DocSpace nodes typed ${PACKAGE.name}.*`,
			JSON.stringify(imported[file]?.types) === JSON.stringify(types) &&
				types.some((t) => t.startsWith(`${PACKAGE.name}.`)),
			imported[file]?.types.join(', '),
		);
	}
	const TEMPLATE_IDS = Object.fromEntries(
		Object.entries(imported).map(([file, w]) => [file, w.id]),
	);

	started = Date.now();
	await n8nCli(
		env,
		'execute',
		`--id=${TEMPLATE_IDS['weekly-disabled-users-check.json']}`,
		'--rawOutput',
	);
	console.log(`weekly check ran in ${seconds(started)}`);
	const list = sandbox.notifications[0];
	check(
		'weekly check: one chat message listing the disabled users who still own data',
		Array.isArray(list?.users) && list.users.length > 0,
		JSON.stringify(list ?? {}).slice(0, 200),
	);
	check('weekly check: no write requests', sandbox.writes().length === 0);

	sandbox.reset();
	started = Date.now();
	await n8nCli(
		env,
		'execute',
		`--id=${TEMPLATE_IDS['offboard-on-hr-webhook.json']}`,
		'--rawOutput',
	);
	console.log(`HR webhook template (sample request) ran in ${seconds(started)}`);
	checkOffboarded('HR webhook template');
	check(
		'HR webhook template: the chat got the report',
		/Offboarding of Jane Doe \(jane\.doe@corp\.example\): Completed on /.test(
			String(sandbox.notifications.at(-1)?.text),
		),
		JSON.stringify(sandbox.notifications).slice(0, 300),
	);

	sandbox.reset();
	started = Date.now();
	await n8nCli(env, 'execute', `--id=${TEMPLATE_IDS['offboard-on-demand.json']}`, '--rawOutput');
	console.log(`on-demand template ran up to its approval in ${seconds(started)}`);
	const [mail] = sandbox.inbox.to(lib.APPROVER);
	const approvalUrl = mail?.links[0];
	check(
		'on demand: the approver got the plan in sentences by e-mail, with one button to the decision form',
		mail?.subject === 'Approve the offboarding of Jane Doe?' &&
			mail.text.includes('Jane Doe (jane.doe@corp.example) leaves.') &&
			mail.text.includes('Who will be able to open') &&
			mail.links.length === 1,
		JSON.stringify(mail ?? sandbox.inbox.mails).slice(0, 400),
	);
	// A second request for the same leaver, which the approver will decline through its own mail.
	await n8nCli(env, 'execute', `--id=${TEMPLATE_IDS['offboard-on-demand.json']}`, '--rawOutput');
	const declineUrl = sandbox.inbox.to(lib.APPROVER)[1]?.links[0];
	check(
		'on demand: a second request got its own mail and its own decision link',
		Boolean(declineUrl) && declineUrl !== approvalUrl,
		JSON.stringify(sandbox.inbox.mails.map((m) => m.links)),
	);
	// The bulk template's sample CSV (Jane and Paula): previewed now, approved after Jane's on-demand run.
	await n8nCli(
		env,
		'execute',
		`--id=${TEMPLATE_IDS['offboard-many-from-csv.json']}`,
		'--rawOutput',
	);
	const bulkMail = sandbox.inbox.mails.find((m) => /people\?$/.test(m.subject));
	check(
		'bulk: one approval mail lists the rows, with a button to the decision form; nothing written',
		bulkMail?.subject === 'Approve the offboarding of 2 people?' &&
			bulkMail.text.includes('Bulk offboarding: 2 of 2 rows can run.') &&
			bulkMail.links.length === 1 &&
			sandbox.writes().length === 0,
		JSON.stringify(bulkMail ?? sandbox.inbox.mails.map((m) => m.subject)).slice(0, 400),
	);
	// A wrong API key: DocSpace answers every call with 401. The run must end in error, cause first.
	sandbox.faults = [{ path: '.*', status: 401 }];
	const wrongKey = await n8nCli(
		env,
		'execute',
		`--id=${TEMPLATE_IDS['offboard-on-demand.json']}`,
		'--rawOutput',
	).then(
		(output) => ({ failed: false, output }),
		(error) => ({ failed: true, output: String(error.message) }),
	);
	sandbox.faults = [];
	check(
		'on demand: with a key DocSpace refuses, n8n reports the run as failed, with the cause first',
		wrongKey.failed &&
			/DocSpace did not accept the credential \(trying to /.test(wrongKey.output) &&
			sandbox.notifications.some((n) => /failed before anything was changed/.test(String(n.text))),
		wrongKey.output.slice(-400),
	);
	check(
		'on demand: nothing was written before the approval',
		sandbox.writes().length === 0,
		sandbox
			.writes()
			.map((r) => r.path)
			.join(', '),
	);

	// Published, the HR template listens on n8n's production webhook URL, the agent's chat too.
	await publishWorkflow(env, TEMPLATE_IDS['offboard-on-hr-webhook.json'], rt);
	const toolReview = hasToolReview(rt);
	if (toolReview) await publishWorkflow(env, TEMPLATE_IDS[AGENT_TEMPLATE], rt);
	await importUnreviewed(env, rt, work, lib, lib.sandboxTemplateValues(sandbox));
	started = Date.now();
	server = await startN8n(env, join(work, 'n8n-server.log'));
	console.log(`n8n server ready in ${seconds(started)} at ${server.url}`);
	check('the editor owner account was created', await setupOwner(server.url));
	const types = await loadedNodeTypes(server.url, await signIn(server.url));
	const ours = types.filter((t) => t.name.startsWith(`${PACKAGE.name}.`));
	check(
		`n8n loaded the installed package: ${PACKAGE.name}.docSpaceAdmin and .docSpaceAdminTrigger`,
		['docSpaceAdmin', 'docSpaceAdminTrigger'].every((n) =>
			ours.some((t) => t.name === `${PACKAGE.name}.${n}`),
		),
		ours.map((t) => t.name).join(', '),
	);
	const deprecated = deprecationWarnings(
		join(work, 'n8n-server.log'),
		Object.keys(env).filter((k) => env[k] !== process.env[k]),
	);
	check(
		'n8n calls none of the variables we set deprecated',
		deprecated.length === 0,
		deprecated.join(' | ').slice(0, 500),
	);

	if (approvalUrl) {
		// What a mail scanner or a link preview does: it opens the link. n8n shows the form.
		const opened = await fetch(approvalUrl);
		const page = await opened.text();
		check(
			'on demand: the mail’s button opens the plan and the decision form',
			opened.ok &&
				page.includes('Offboarding of Jane Doe') &&
				page.includes('Decision') &&
				page.includes('Approve'),
			`${opened.status} ${page.slice(0, 200)}`,
		);
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		check(
			'on demand: opening the link approved nothing',
			sandbox.writes().length === 0,
			sandbox
				.writes()
				.map((r) => r.path)
				.join(', '),
		);
		if (declineUrl) {
			const declined = await decide(declineUrl, 'Decline');
			const said = await until(() =>
				sandbox.notifications.find((n) => /approver declined it/.test(String(n.text))),
			);
			check(
				'on demand: a decline through the mail changes nothing and says so in the chat',
				declined.ok && Boolean(said) && sandbox.writes().length === 0,
				`${declined.status} ${JSON.stringify(sandbox.notifications).slice(0, 300)} ${sandbox.writes().length} writes`,
			);
		}
		started = Date.now();
		const approval = await decide(approvalUrl, 'Approve');
		check(
			'on demand: the submitted approval form is accepted by n8n',
			approval.ok,
			`${approval.status} ${(await approval.text()).slice(0, 200)}`,
		);
		const done = await until(() =>
			sandbox.notifications.find((n) => /\): Completed on /.test(String(n.text))),
		);
		console.log(`approved offboarding finished in ${seconds(started)}`);
		check(
			'on demand: after approval the report reached the chat',
			Boolean(done),
			JSON.stringify(sandbox.notifications).slice(0, 400),
		);
		checkOffboarded('on demand');
		if (bulkMail) {
			// Jane was just offboarded and Paula left before: approving the bulk run changes nothing, and says so.
			const approved = await decide(bulkMail.links[0], 'Approve');
			const result = await until(() =>
				sandbox.notifications.find((n) => /Bulk offboarding finished/.test(String(n.text))),
			);
			check(
				'bulk: approved by e-mail, it tells rows already offboarded from offboarded ones',
				approved.ok &&
					/0 offboarded, 2 already offboarded before \(nothing changed\), 0 failed, 0 skipped/.test(
						String(result?.text),
					),
				String(result?.text ?? JSON.stringify(sandbox.notifications)).slice(0, 400),
			);
		}
	}

	sandbox.reset();
	const hrWebhook = `${server.url}/webhook/docspace-offboarding`;
	const hrRequest = (secret) =>
		fetch(hrWebhook, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', [HR_SECRET.name]: secret },
			body: JSON.stringify({
				email: 'jane.doe@corp.example',
				recipientEmail: 'bob.brown@corp.example',
				workspaceFolderId: String(sandbox.state.folders['workspace:jane']),
			}),
		});
	const refused = await hrRequest('not-the-secret');
	check(
		'HR webhook in n8n: a request without the right secret is refused and reaches nothing',
		refused.status === 403 && sandbox.log.length === 0,
		`${refused.status}, ${sandbox.log.length} DocSpace requests`,
	);
	started = Date.now();
	const accepted = await hrRequest(HR_SECRET.value);
	check(
		'HR webhook in n8n: a request with the secret is accepted',
		accepted.ok,
		`${accepted.status} ${(await accepted.text()).slice(0, 200)}`,
	);
	const hrDone = await until(() =>
		sandbox.notifications.find((n) => /\): Completed on /.test(String(n.text))),
	);
	console.log(`offboarding from the HR webhook finished in ${seconds(started)}`);
	check(
		'HR webhook in n8n: the report reached the chat',
		Boolean(hrDone),
		JSON.stringify(sandbox.notifications).slice(0, 300),
	);
	checkOffboarded('HR webhook in n8n');

	const agent = agentSession({ url: server.url, sandbox, model, until });
	if (toolReview) {
		await agentChecks({ sandbox, lib, model, check, until }, agent);
		await agentScreenshots({ sandbox, lib, check, until, artifacts, work }, agent);
	} else
		console.log(
			`n8n ${rt.version} has no human review for tools: the agent template's note says so, and only the node's own guard is checked`,
		);
	await unreviewedChecks({ url: server.url, sandbox, model, check }, agent);

	sandbox.reset();
	await browserChecks({
		url: server.url,
		check,
		artifacts,
		sandbox,
		workflowId: TEMPLATE_IDS['offboard-on-demand.json'],
		bulkWorkflowId: TEMPLATE_IDS['offboard-many-from-csv.json'],
		approver: lib.APPROVER,
		n8nVersion: rt.version,
	});
} catch (error) {
	check('n8n ran', false, String(error.stack ?? error.message).slice(-2000));
} finally {
	if (failures.length)
		console.log(`--- n8n server log (tail) ---\n${tail(join(work, 'n8n-server.log'))}`);
	server?.stop();
	await sandbox.stop();
	await model.stop();
	rmSync(work, { recursive: true, force: true });
}
console.log(
	`n8n ${rt.version}: end-to-end run took ${formatDuration(Date.now() - began)}; screenshots in ${artifacts}`,
);
console.log(`${passes} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
