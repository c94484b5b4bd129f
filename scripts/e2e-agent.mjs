// End-to-end, the agent template in a real n8n: a chat drives n8n's AI Agent, whose model is a
// scripted OpenAI-compatible server on loopback (sandbox/scriptedModel.ts) replaying tool calls;
// the DocSpace Admin tools talk to the sandbox, and the approver decides in the review e-mail.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';

import { answers, ASKED_IN_BROWSER, INVENTED, JANE, SENT_FOR_REVIEW } from './agent-scripts.mjs';
import { launchBrowser } from './e2e-browser.mjs';
import { CHAT_LOGIN, n8nCli, publishWorkflow, signIn, TEMPLATES } from './n8n.mjs';

export const AGENT_TEMPLATE = 'offboard-from-chat.json';
const UNREVIEWED = 'DocSpace e2e: agent with destructive tools and no review';
const UNREVIEWED_ID = 'e2eAgentNoReview';
/**
 * The agent template without its review step, with Run wired straight to the agent and a Delete
 * tool beside it: what a careless builder could make. Imported under its own name and chat URL.
 */
export function unreviewedWorkflow() {
	const template = JSON.parse(readFileSync(join(TEMPLATES, AGENT_TEMPLATE), 'utf8'));
	const agent = template.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.agent').name;
	const trigger = template.nodes.find((n) => n.type.endsWith('chatTrigger'));
	trigger.webhookId = '4d0a8f32-6c5b-4e7f-9a1b-2c3d4e5f6a82';
	const run = template.nodes.find((n) => n.name === 'Run offboarding');
	const toAgent = { ai_tool: [[{ node: agent, type: 'ai_tool', index: 0 }]] };
	const nodes = template.nodes.filter((n) => !n.type.endsWith('HitlTool'));
	nodes.push({
		...run,
		id: '8e2a4c6b-3d5f-4a7b-9c1d-000000000299',
		name: 'Delete user',
		position: [940, 260],
		parameters: { resource: 'user', operation: 'delete', user: run.parameters.user },
	});
	const connections = Object.fromEntries(
		Object.entries(template.connections).filter(([from]) => !from.startsWith('Approver')),
	);
	connections['Run offboarding'] = toAgent;
	connections['Delete user'] = toAgent;
	return { ...template, name: UNREVIEWED, nodes, connections };
}

/** Imports and publishes the unreviewed workflow, before n8n starts. */
export async function importUnreviewed(env, rt, work, lib, sandboxValues) {
	const file = join(work, 'unreviewed.json');
	const workflow = { id: UNREVIEWED_ID, ...unreviewedWorkflow() };
	writeFileSync(file, JSON.stringify(lib.prepareTemplate(workflow, { values: sandboxValues })));
	await n8nCli(env, 'import:workflow', `--input=${file}`);
	await publishWorkflow(env, UNREVIEWED_ID, rt);
}

const BROWSER =
	'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';
/** Opens a link as the approver's browser does (n8n skips clients that say they are bots). */
const openLink = (href, userAgent = BROWSER) =>
	fetch(href ?? 'http://127.0.0.1:9', { headers: { 'User-Agent': userAgent } }).catch((error) => ({
		ok: false,
		status: String(error),
	}));

/** Whether this n8n has human review for tools (the HITL tool nodes, n8n 2.x). */
export const hasToolReview = (rt) =>
	existsSync(join(rt.n8nDir, 'node_modules', 'n8n', 'dist', 'tool-generation', 'hitl-tools.js'));

/** Talking to a published chat workflow, and reading what the model told the user. */
export function agentSession({ url, sandbox, model, until }) {
	const chatUrl = (workflow) =>
		`${url}/webhook/${workflow.nodes.find((n) => n.type.endsWith('chatTrigger')).webhookId}/chat`;
	const auth = `Basic ${Buffer.from(`${CHAT_LOGIN.user}:${CHAT_LOGIN.password}`).toString('base64')}`;
	let session = 0;
	const saidAfter = (chatInput) =>
		model.requests.find((r) => r.conversation.user === chatInput && answers(r.move))?.move.say;
	return {
		chatUrl,
		/** Sends a chat message; resolves with the chat's answer when the execution ends. */
		chat: (workflow, chatInput) =>
			fetch(chatUrl(workflow), {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Authorization: auth },
				body: JSON.stringify({ action: 'sendMessage', sessionId: `e2e-${++session}`, chatInput }),
			}).then(
				async (r) => ({ status: r.status, text: await r.text() }),
				(error) => ({ status: 0, text: String(error) }),
			),
		/** The model's last words after a chat message: what it told the user. */
		answer: (chatInput, ms = 90_000) => until(() => saidAfter(chatInput), ms),
		writes: () => sandbox.writes().map((r) => `${r.method} ${r.path}`),
		/** A chat message that needs no review: the model's answer, or what the chat returned instead. */
		async ask(workflow, chatInput) {
			const reply = await this.chat(workflow, chatInput);
			return (
				(await this.answer(chatInput, 5_000)) ??
				`no answer from the model (${model.requests.length} model calls); the chat returned ${reply.status} ${reply.text.slice(0, 400)}`
			);
		},
	};
}

export async function agentChecks({ sandbox, lib, model, check, until }, { chat, answer, writes }) {
	const template = JSON.parse(readFileSync(join(TEMPLATES, AGENT_TEMPLATE), 'utf8'));
	const reviewMail = (count) => until(() => sandbox.inbox.to(lib.APPROVER)[count], 60_000);
	const link = (mail, approved) => mail?.links.find((l) => l.includes(`approved=${approved}`));
	/** The approver's click in the mail: a GET from their browser. */
	const click = (mail, approved) => openLink(link(mail, approved));

	// (a) find → preview → run, approved by the reviewer.
	sandbox.reset();
	model.requests.length = 0;
	const ask = 'Offboard Jane Doe; her rooms and files go to Bob Brown.';
	const reply = chat(template, ask);
	const mail = await reviewMail(0);
	const offered = model.requests[0]?.conversation.tools ?? [];
	const preview = offered.find((t) => t.name === 'Preview_offboarding');
	check(
		'agent: the model is offered the DocSpace tools with their descriptions for agents',
		/^Use first when someone leaves/.test(preview?.description ?? '') &&
			['Find_people', 'Run_offboarding'].every((n) => offered.some((t) => t.name === n)) &&
			preview.parameters.includes('leaverEmail'),
		offered.map((t) => `${t.name}: ${t.description.slice(0, 60)}`).join(' | '),
	);
	check(
		'agent: it found Jane and Bob by name, previewed, and the Run call reached the approver by e-mail with the plan',
		mail?.subject === `Approve the offboarding of ${JANE}?` &&
			mail.text.includes('The plan, as its preview put it.') &&
			mail.text.includes('Jane Doe (jane.doe@corp.example) leaves.') &&
			Boolean(link(mail, true)) &&
			Boolean(link(mail, false)),
		JSON.stringify(mail ?? sandbox.inbox.mails).slice(0, 500),
	);
	check(
		'agent: nothing was written before the approval',
		writes().length === 0,
		writes().join(', '),
	);
	// n8n ignores a GET from a client that says it is a bot (a link scanner that says so).
	await openLink(link(mail, true), 'bingbot/2.0');
	await new Promise((resolve) => setTimeout(resolve, 2_000));
	check(
		'agent: a link scanner that says it is a bot opening the Approve link decides nothing',
		writes().length === 0 && !model.requests.some((r) => answers(r.move)),
		writes().join(', '),
	);
	const approved = await click(mail, true);
	const done = await answer(ask);
	check(
		'agent: after the approver approved, Run offboarded Jane (disabled, her rooms Bob’s) and the model got its report',
		approved.ok &&
			sandbox.state.user(lib.IDS.jane)?.status === 2 &&
			sandbox.state.entry(sandbox.state.folders['room:deals'])?.createdBy === lib.IDS.bob &&
			/Completed/.test(String(done)),
		`${approved.status} ${String(done).slice(0, 300)} | ${writes().join(', ').slice(0, 300)}`,
	);
	const chatAnswer = await Promise.race([
		reply,
		new Promise((resolve) => setTimeout(() => resolve(undefined), 10_000)),
	]);
	check(
		'agent: the chat streams what the model said while the approver is asked',
		chatAnswer?.status === 200 && chatAnswer.text.includes(SENT_FOR_REVIEW),
		JSON.stringify(chatAnswer ?? 'no answer').slice(0, 300),
	);

	// (b) the reviewer declines: nothing is written.
	sandbox.reset();
	const again = 'Offboard Jane Doe; her rooms and files go to Bob Brown, please.';
	void chat(template, again);
	const declineMail = await reviewMail(0);
	const declined = await click(declineMail, false);
	const afterDecline = await answer(again);
	check(
		'agent: the reviewer declines, the model is told so, and nothing is written',
		declined.ok && /rejected/.test(String(afterDecline)) && writes().length === 0,
		`${declined.status} ${String(afterDecline).slice(0, 200)} | ${writes().join(', ')}`,
	);

	// (c) Run at once with an invented plan id: even approved, the node's guard refuses it.
	sandbox.reset();
	const hasty = 'Run the offboarding of Jane at once, plan ' + INVENTED;
	void chat(template, hasty);
	const hastyMail = await reviewMail(0);
	check(
		'agent: the approver is told a Run call that carries no preview was not previewed',
		Boolean(
			hastyMail?.text.includes('The assistant gave no plan message: this call was not previewed'),
		),
		String(hastyMail?.text).slice(0, 300),
	);
	await click(hastyMail, true);
	const refusedRun = await answer(hasty);
	check(
		'agent: a Run with an invented plan id is refused by the node even when approved; nothing written',
		/Refused: the parameter 'Plan ID' belongs to another plan/.test(String(refusedRun)) &&
			writes().length === 0,
		`${String(refusedRun).slice(0, 300)} | ${writes().join(', ')}`,
	);

	// (d) Jane's plan used for Liam.
	sandbox.reset();
	const swapped = 'Preview Jane, then run it for Liam';
	void chat(template, swapped);
	await click(await reviewMail(0), true);
	const refusedSwap = await answer(swapped);
	check(
		'agent: a plan previewed for Jane, used for Liam, is refused; nothing written',
		/belongs to another plan/.test(String(refusedSwap)) && writes().length === 0,
		`${String(refusedSwap).slice(0, 300)} | ${writes().join(', ')}`,
	);
}

/** Without any review step: Delete, and Run on an invented plan, are refused by the node itself. */
export async function unreviewedChecks({ url, sandbox, model, check }, session) {
	const { writes } = session;
	// n8n 2.x hands a tool's error to the model; 1.x's agent stops there: the execution holds it.
	const cookie = await signIn(url);
	const lastExecution = async () => {
		const list = await (
			await fetch(
				`${url}/rest/executions?limit=1&filter=${encodeURIComponent(JSON.stringify({ workflowId: UNREVIEWED_ID }))}`,
				{
					headers: { cookie },
				},
			)
		).json();
		const [latest] = list.data?.results ?? list.data ?? [];
		return latest
			? await (await fetch(`${url}/rest/executions/${latest.id}`, { headers: { cookie } })).text()
			: '';
	};
	const refused = async (pattern, answer) =>
		pattern.test(String(answer)) || pattern.test(await lastExecution());
	const unreviewed = unreviewedWorkflow();
	sandbox.reset();
	model.requests.length = 0;
	const del = "Delete Jane's profile";
	const deleted = await session.ask(unreviewed, del);
	const deleteRefused = await refused(/may not run \\*"user → delete\\*" directly/, deleted);
	check(
		'agent without review: Delete is refused by the node before any request',
		deleteRefused &&
			sandbox.log.length === 0 &&
			writes().length === 0 &&
			sandbox.inbox.mails.length === 0,
		`${String(deleted).slice(0, 300)} | ${writes().join(', ')}`,
	);
	const hasty = 'Run the offboarding of Jane at once, plan ' + INVENTED;
	const ran = await session.ask(unreviewed, hasty);
	const runRefused = await refused(/the parameter 'Plan ID' belongs to another plan/, ran);
	check(
		'agent without review: a Run with an invented plan id is refused; nothing written',
		runRefused && writes().length === 0,
		`${String(ran).slice(0, 300)} | ${writes().join(', ')}`,
	);
}

/**
 * n8n's hosted chat page loads its widget, @n8n/chat, from a CDN this closed network cannot reach:
 * the same package comes from the npm registry instead, unpacked into `work`.
 */
async function chatWidget(work) {
	const folder = join(work, 'n8n-chat');
	mkdirSync(folder, { recursive: true });
	const run = promisify(execFile);
	const { stdout } = await run('npm', [
		'pack',
		'@n8n/chat',
		'--silent',
		'--pack-destination',
		folder,
	]);
	await run('tar', ['xzf', join(folder, stdout.trim().split('\n').pop()), '-C', folder]);
	return join(folder, 'package', 'dist');
}

const CONTENT_TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css' };

/** Answers the page's CDN requests: @n8n/chat's files from `dist`, an empty stylesheet otherwise. */
function serveChatWidget(context, dist) {
	return context.route('https://cdn.jsdelivr.net/**', (route) => {
		const file = /\/npm\/@n8n\/chat(?:@[^/]+)?\/dist\/(.+)$/.exec(
			new URL(route.request().url()).pathname,
		)?.[1];
		if (!file || !existsSync(join(dist, file)))
			return route.fulfill({ status: 200, contentType: 'text/css', body: '' });
		return route.fulfill({
			path: join(dist, file),
			contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
		});
	});
}

/**
 * The agent template as its users see it, in Chromium: the chat n8n hosts (behind its login), the
 * review e-mail, the chat after the approval. Screenshots go to `artifacts`.
 */
export async function agentScreenshots(
	{ sandbox, lib, check, until, artifacts, work },
	{ chatUrl, answer },
) {
	const template = JSON.parse(readFileSync(join(TEMPLATES, AGENT_TEMPLATE), 'utf8'));
	sandbox.reset();
	const browser = await launchBrowser();
	try {
		const context = await browser.newContext({
			viewport: { width: 900, height: 900 },
			httpCredentials: { username: CHAT_LOGIN.user, password: CHAT_LOGIN.password },
		});
		await serveChatWidget(context, await chatWidget(work));
		const page = await context.newPage();
		await page.goto(chatUrl(template));
		const input = page.locator('textarea').first();
		await input.waitFor({ timeout: 30_000 });
		await input.fill(ASKED_IN_BROWSER);
		await input.press('Enter');
		const mail = await until(() => sandbox.inbox.to(lib.APPROVER)[0], 60_000);
		await page.getByText(SENT_FOR_REVIEW).first().waitFor({ timeout: 30_000 });
		await page.screenshot({ path: join(artifacts, 'agent-chat.png') });
		const mailPage = await context.newPage();
		await mailPage.setContent(mail?.html ?? '<p>no review mail</p>');
		await mailPage.screenshot({ path: join(artifacts, 'agent-review-mail.png'), fullPage: true });
		await openLink(mail?.links.find((l) => l.includes('approved=true')));
		// The model answers once Run is done: nothing of this offboarding is still on its way.
		const done = await answer(ASKED_IN_BROWSER);
		check(
			'agent in Chromium: n8n’s hosted chat says the approver was asked, and Jane is offboarded once they approve',
			/Completed/.test(String(done)) && sandbox.state.user(lib.IDS.jane)?.status === 2,
			String(done).slice(0, 200),
		);
	} catch (error) {
		check('agent in Chromium: the hosted chat ran', false, String(error.message).slice(0, 400));
	} finally {
		await browser.close();
	}
}
