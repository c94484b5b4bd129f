// `npm run test:queue`: the package on n8n's queue mode, against DocSpace's real limits.
//
// Starts Debian's redis-server and PostgreSQL (installed with apt-get when missing; n8n 2.x runs queue
// mode on PostgreSQL — SQLite is "not officially supported" there), installs the packed package as
// n8n's Community Nodes installer does, imports the credential and templates, publishes the
// HR-webhook template, and runs three phases, each against a fresh sandbox portal on the same address
// with DocSpace's limits (1,500 requests a minute, 15 writes in flight, 10,000 writes a day per user):
//   queue   n8n main + 2 `n8n worker` processes (EXECUTIONS_MODE=queue), 200 HR requests at once
//   killed  the same set-up; one worker is killed (SIGKILL, by pid) while it runs offboardings; what
//           n8n does with its executions is recorded, then the offboardings that did not finish are
//           sent again and must change nothing already done
//   single  one `n8n start` process (regular mode, same database), the same 200 requests
// Checks: every employee offboarded exactly once (sandbox state, one reassignment start each, no write
// repeated except a resend after 429), every execution succeeded or ended with a clear error, none
// lost, never more than 15 writes in flight, every 429 resent. Figures go to bench/queue-results.json.
// Options: --count 200, --kill-count 60, --concurrency 10 (per worker), --pool-size 20 (n8n's PostgreSQL
// connections per process; n8n's default of 2 loses executions in a burst), --skip-single, --skip-kill.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	buildAll,
	HR_SECRET,
	importCredentials,
	importTemplates,
	installPackage,
	n8nEnv,
	publishWorkflow,
	root,
	setupOwner,
	startN8n,
	tail,
} from './n8n.mjs';
import { freePort, startPostgres, startRedis } from './queue-services.mjs';
import { ensureRuntime, formatDuration, n8nCommand, runtime } from './runtime.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : fallback;
};
const COUNT = Number(option('count', 200));
const KILL_COUNT = Number(option('kill-count', 60));
const CONCURRENCY = Number(option('concurrency', 10));
const WORKERS = 2;
const POOL_SIZE = Number(option('pool-size', 20));
/** DocSpace's limits per user (reference/docspace-api.md §1.6). */
const LIMITS = { perMinute: 1500, parallelWrites: 15, writesPerDay: 10_000 };
/** Server time a request holds its rate-limit slot, and job speeds (a reassignment ≈ 1 s). */
const LATENCY_MS = 40;
const SPEED = { taskStepMs: 100, fileOpMs: 200 };
const HR_TEMPLATE = 'offboard-on-hr-webhook.json';
const PHASE_TIMEOUT_MS = 15 * 60_000;

const rt = runtime();
const began = Date.now();
const work = mkdtempSync(join(tmpdir(), 'docspace-queue-'));
const failures = [];
let passes = 0;
const check = (label, ok, detail = '') => {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${detail ? ` — ${detail}` : ''}`);
	if (ok) passes++;
	else failures.push(label);
	return ok;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms) => Math.round(ms / 100) / 10;
const percentile = (values, p) => {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const distribution = (ms) => ({
	p50: seconds(percentile(ms, 50)),
	p95: seconds(percentile(ms, 95)),
	max: seconds(Math.max(...ms)),
});

// ---- processes this script starts (stopped by pid at the end) ----

const started = [];
function stopAll() {
	for (const p of started.splice(0).reverse()) {
		try {
			p.stop();
		} catch {
			// already gone
		}
	}
}

/** `n8n worker`, ready once its health endpoint says so. */
async function startWorker(env, log, healthPort) {
	const [bin, ...lead] = n8nCommand(rt);
	const fd = openSync(log, 'w');
	const child = spawn(bin, [...lead, 'worker', `--concurrency=${CONCURRENCY}`], {
		env,
		stdio: ['ignore', fd, fd],
		detached: true,
	});
	closeSync(fd);
	const stop = () => {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// gone
		}
	};
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`n8n worker exited with ${child.exitCode}:\n${tail(log)}`);
		if (
			await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`).then(
				(r) => r.ok,
				() => false,
			)
		)
			break;
		if (Date.now() > deadline) {
			stop();
			throw new Error(`n8n worker not ready in 120 s:\n${tail(log)}`);
		}
		await sleep(500);
	}
	return { child, pid: child.pid, log, stop };
}

/** Waits until a child process has exited (after SIGTERM n8n finishes or hands back its jobs). */
async function exited(child, ms = 30_000) {
	const deadline = Date.now() + ms;
	while (child.exitCode === null && child.signalCode === null && Date.now() < deadline)
		await sleep(200);
	if (child.exitCode === null && child.signalCode === null) {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// gone
		}
	}
}

// ---- the sandbox portal: one fresh portal per phase, same address ----

let lib;
let sandbox;
let sandboxPort;

async function freshSandbox() {
	if (sandbox) await sandbox.stop();
	sandbox = await lib.startSandbox({
		port: sandboxPort,
		limits: LIMITS,
		latencyMs: LATENCY_MS,
		speed: SPEED,
	});
	return sandbox;
}

/** Leavers the seed does not have: plain users, each owning a room with a file (something to hand over). */
function addLeavers(count) {
	return sandbox.state
		.addLeavers(count)
		.map((l) => ({ id: l.id, email: l.email, roomId: l.roomId }));
}

// ---- n8n's executions, read from the shared database ----

let pg;
let flatted;
const DB = 'n8n';
let workflowId;

async function lastExecutionId() {
	const [[max]] = await pg.rows(DB, 'SELECT coalesce(max(id), 0) FROM execution_entity');
	return Number(max);
}

async function executionRows(afterId) {
	const rows = await pg.rows(
		DB,
		`SELECT id, status, coalesce(extract(epoch from "startedAt") * 1000, 0), coalesce(extract(epoch from "stoppedAt") * 1000, 0), extract(epoch from "createdAt") * 1000 FROM execution_entity WHERE "workflowId" = '${workflowId}' AND id > ${afterId} ORDER BY id`,
	);
	return rows.map(([id, status, startedAt, stoppedAt, createdAt]) => ({
		id: Number(id),
		status,
		startedAt: Number(startedAt),
		stoppedAt: Number(stoppedAt),
		createdAt: Number(createdAt),
	}));
}

/** The HR request, the Run node's item and the execution's error, from n8n's stored run data. */
async function executionDetails(ids) {
	if (!ids.length) return new Map();
	const rows = await pg.rows(
		DB,
		`SELECT "executionId", data FROM execution_data WHERE "executionId" IN (${ids.join(',')})`,
	);
	const details = new Map();
	for (const [id, data] of rows) {
		let run;
		try {
			run = flatted.parse(data);
		} catch {
			details.set(Number(id), {});
			continue;
		}
		const runData = run?.resultData?.runData ?? {};
		const first = (node) => runData[node]?.[0]?.data?.main?.[0]?.[0]?.json;
		const runItem = first('Run offboarding');
		details.set(Number(id), {
			email: first('HR: employee left')?.body?.email,
			run: runItem && {
				success: runItem.success,
				steps: (runItem.steps ?? []).map((s) => ({
					step: s.step,
					status: s.status,
					error: s.error,
				})),
				error: runItem.error,
			},
			error: run?.resultData?.error && {
				message: run.resultData.error.message,
				name: run.resultData.error.name,
			},
			lastNode: run?.resultData?.lastNodeExecuted,
		});
	}
	return details;
}

const PENDING = new Set(['new', 'running', 'waiting', 'unknown']);

/** Waits until `expected` executions after `afterId` exist and none is pending; returns them. */
async function settle(afterId, expected, ms = PHASE_TIMEOUT_MS) {
	const deadline = Date.now() + ms;
	let stable = { count: -1, since: Date.now() };
	for (;;) {
		const rows = await executionRows(afterId);
		const pending = rows.filter((r) => PENDING.has(r.status)).length;
		if ((rows.length >= expected && pending === 0) || Date.now() > deadline) return rows;
		// Every HR request has been answered before this is called: executions that do not exist
		// 30 s after the last change never will (lost).
		if (rows.length !== stable.count || pending) stable = { count: rows.length, since: Date.now() };
		else if (Date.now() - stable.since > 30_000) return rows;
		await sleep(1000);
	}
}

// ---- HR requests ----

let hrWebhook;
/** 503 is n8n saying it cannot take the request now (e.g. "Database is not ready!"): no execution exists, so HR tries again, as an HR system would. */
const SERVICE_UNAVAILABLE = 503;
const HR_ATTEMPTS = 5;
const HR_RETRY_MS = 3000;

async function hrRequest(email) {
	for (let attempt = 1; ; attempt++) {
		const answer = await fetch(hrWebhook, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', [HR_SECRET.name]: HR_SECRET.value },
			body: JSON.stringify({ email, recipientEmail: 'bob.brown@corp.example', finalStep: 'keep' }),
			signal: AbortSignal.timeout(PHASE_TIMEOUT_MS),
		}).then(
			async (r) => ({
				status: r.status,
				body: await r.text().catch(() => ''),
				answeredAt: Date.now(),
				attempts: attempt,
			}),
			(error) => ({
				status: 0,
				body: String(error.message),
				answeredAt: Date.now(),
				attempts: attempt,
			}),
		);
		if (answer.status !== SERVICE_UNAVAILABLE || attempt === HR_ATTEMPTS) return answer;
		await new Promise((resolve) => setTimeout(resolve, HR_RETRY_MS * attempt));
	}
}

/** Sends one HR request per leaver, all at once; returns them by email with the time sent. */
function sendAll(leavers) {
	const sentAt = Date.now();
	const answers = new Map(leavers.map((l) => [l.email, { sentAt, answer: hrRequest(l.email) }]));
	return { sentAt, answers };
}

// ---- what the sandbox saw ----

const requestKey = (r) =>
	`${r.method} ${r.path}${r.query} ${JSON.stringify(r.body ?? null)} ${JSON.stringify(r.form ?? null)}`;
const isWrite = (r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/authentication');

function logFigures(log) {
	const writes = log.filter(isWrite);
	const refused = log.filter((r) => r.status === 429);
	// A 429 comes from the rate limiter before anything ran: the same request must come again later.
	const unresent = refused.filter(
		(r) => !log.some((later) => later.seq > r.seq && requestKey(later) === requestKey(r)),
	);
	const done = new Map();
	for (const w of writes.filter((r) => r.status !== 429))
		done.set(requestKey(w), (done.get(requestKey(w)) ?? 0) + 1);
	const repeated = [...done]
		.filter(([, n]) => n > 1)
		.map(([key, n]) => `${n}× ${key.slice(0, 160)}`);
	const starts = new Map();
	for (const w of writes.filter((r) => r.path === '/people/reassign/start' && r.status === 200))
		starts.set(w.body?.fromUserId, (starts.get(w.body?.fromUserId) ?? 0) + 1);
	return { writes, refused, unresent, repeated, starts };
}

function offboarded(leaver) {
	const state = sandbox.state;
	return {
		disabled: state.user(leaver.id)?.status === 2,
		roomHandedOver: state.entry(leaver.roomId)?.createdBy === lib.IDS.bob,
		reports: sandbox.notifications.filter(
			(n) =>
				String(n.text ?? '').includes(` ${leaver.email}:`) ||
				String(n.text ?? '').includes(`(${leaver.email}):`) ||
				String(n.text ?? '').includes(` ${leaver.email} `),
		),
	};
}

/** Runs one batch of HR requests to the end and checks it; returns its figures. */
async function runBatch(label, leavers, { duringRun } = {}) {
	const afterId = await lastExecutionId();
	const batch = sendAll(leavers);
	const during = duringRun ? duringRun(afterId) : undefined;
	const answers = new Map();
	await Promise.all(
		[...batch.answers].map(async ([email, a]) =>
			answers.set(email, { sentAt: a.sentAt, ...(await a.answer) }),
		),
	);
	const duringResult = await during;
	const rows = await settle(afterId, leavers.length);
	const finishedAt = Math.max(
		...rows.map((r) => r.stoppedAt || 0),
		...[...answers.values()].map((a) => a.answeredAt),
	);
	const details = await executionDetails(rows.map((r) => r.id));
	return {
		label,
		afterId,
		sentAt: batch.sentAt,
		answers,
		rows,
		details,
		finishedAt,
		during: duringResult,
	};
}

function checkBatch(label, leavers, batch, { expectAll = true } = {}) {
	const { rows, details, answers } = batch;
	const byEmail = new Map();
	for (const r of rows) {
		const email = details.get(r.id)?.email;
		byEmail.set(email, [...(byEmail.get(email) ?? []), r]);
	}
	check(
		`${label}: ${leavers.length} HR requests answered 200 (the plan can run)`,
		[...answers.values()].every((a) => a.status === 200),
		[...new Set([...answers.values()].map((a) => a.status))].join(', '),
	);
	check(
		`${label}: one execution per request, none lost`,
		rows.length === leavers.length && leavers.every((l) => byEmail.get(l.email)?.length === 1),
		`${rows.length} executions for ${leavers.length} requests`,
	);
	const unclear = rows.filter((r) => {
		const d = details.get(r.id) ?? {};
		if (r.status === 'success')
			return !(d.run?.success === true || (d.run && d.run.steps.some((s) => s.error)));
		return !d.error?.message;
	});
	check(
		`${label}: every execution succeeded or ended with a clear error`,
		unclear.length === 0,
		`${rows.filter((r) => r.status === 'success').length} succeeded; unclear: ${unclear.map((r) => `${r.id} ${r.status}`).join(', ')}`,
	);
	if (expectAll) {
		const runOk = rows.filter((r) => details.get(r.id)?.run?.success === true).length;
		check(
			`${label}: every Run offboarding item reports success`,
			runOk === leavers.length,
			`${runOk} of ${leavers.length}`,
		);
	}
}

/**
 * What the portal saw. `strict`: every employee offboarded. The single-process baseline starts all 200
 * at once, so some outwait the node's 429 budget and end with an error item instead: there it checks
 * only that nothing was done twice, nothing was left half-done, and the limits held.
 */
function checkSandbox(label, leavers, figures, { strict = true } = {}) {
	const states = leavers.map((l) => ({ l, ...offboarded(l) }));
	if (!strict) {
		const twice = leavers.filter((l) => (figures.starts.get(l.id) ?? 0) > 1);
		check(
			`${label}: no reassignment started twice`,
			twice.length === 0,
			twice
				.slice(0, 5)
				.map((l) => l.email)
				.join(', '),
		);
		const halfDone = states.filter((s) => s.roomHandedOver && !s.disabled);
		check(
			`${label}: nothing half-done (no room handed over from an active employee)`,
			halfDone.length === 0,
			halfDone
				.slice(0, 5)
				.map((s) => s.l.email)
				.join(', '),
		);
		check(
			`${label}: no write repeated except the resend after a 429`,
			figures.repeated.length === 0,
			figures.repeated.slice(0, 5).join(' | '),
		);
		check(
			`${label}: the portal never had more than ${LIMITS.parallelWrites} writes in flight`,
			sandbox.peakWritesInFlight <= LIMITS.parallelWrites,
			`peak ${sandbox.peakWritesInFlight}`,
		);
		return;
	}
	const notDone = states.filter((s) => !s.disabled || !s.roomHandedOver);
	check(
		`${label}: every employee disabled and their room handed to the recipient`,
		notDone.length === 0,
		notDone
			.slice(0, 5)
			.map((s) => s.l.email)
			.join(', '),
	);
	const reports = states.filter((s) => s.reports.length !== 1 || s.reports[0].success !== true);
	check(
		`${label}: exactly one "Completed" report per employee in the chat`,
		reports.length === 0,
		reports
			.slice(0, 5)
			.map((s) => `${s.l.email}: ${s.reports.length}`)
			.join(', '),
	);
	const wrongStarts = leavers.filter((l) => figures.starts.get(l.id) !== 1);
	check(
		`${label}: exactly one reassignment start per employee`,
		wrongStarts.length === 0,
		wrongStarts
			.slice(0, 5)
			.map((l) => `${l.email}: ${figures.starts.get(l.id) ?? 0}`)
			.join(', '),
	);
	check(
		`${label}: no write repeated except the resend after a 429`,
		figures.repeated.length === 0,
		figures.repeated.slice(0, 5).join(' | '),
	);
	check(
		`${label}: every 429 was followed by the same request again`,
		figures.unresent.length === 0,
		`${figures.refused.length} answered 429, ${figures.unresent.length} not resent`,
	);
	check(
		`${label}: the portal never had more than ${LIMITS.parallelWrites} writes in flight`,
		sandbox.peakWritesInFlight <= LIMITS.parallelWrites,
		`peak ${sandbox.peakWritesInFlight}`,
	);
	check(
		`${label}: within the ${LIMITS.writesPerDay} writes a day`,
		figures.writes.filter((w) => w.method === 'POST' || w.method === 'PUT').length <=
			LIMITS.writesPerDay,
	);
}

function figuresOf(batch, leavers, figures) {
	const sentAt = batch.sentAt;
	const wall = batch.finishedAt - sentAt;
	const ok = batch.rows.filter((r) => r.stoppedAt);
	const log = sandbox.log;
	return {
		offboardings: leavers.length,
		wallSeconds: seconds(wall),
		throughputPerMinute: Math.round((leavers.length / (wall / 60_000)) * 10) / 10,
		perOffboardingSeconds: distribution(ok.map((r) => r.stoppedAt - sentAt)),
		executionSeconds: distribution(
			ok.filter((r) => r.startedAt).map((r) => r.stoppedAt - r.startedAt),
		),
		hrAnswerSeconds: distribution([...batch.answers.values()].map((a) => a.answeredAt - a.sentAt)),
		lost: leavers.length - batch.rows.length,
		// Requests n8n answered 503 first (no execution created) and HR sent again.
		hrRequestsRetriedAfter503: [...batch.answers.values()].filter((a) => a.attempts > 1).length,
		executions: Object.fromEntries(
			[...new Set(batch.rows.map((r) => r.status))].map((s) => [
				s,
				batch.rows.filter((r) => r.status === s).length,
			]),
		),
		requests: log.length,
		requestsPerOffboarding: Math.round((log.length / leavers.length) * 10) / 10,
		writes: figures.writes.length,
		answered429: figures.refused.length,
		answered429Writes: figures.refused.filter(isWrite).length,
		answered429Reads: figures.refused.filter((r) => !isWrite(r)).length,
		peakWritesInFlight: sandbox.peakWritesInFlight,
	};
}

// ---- the run ----

const results = { generatedAt: new Date().toISOString() };
// Ctrl-C: stop what this script started (by pid) before leaving.
process.once('SIGINT', () => {
	stopAll();
	void Promise.resolve(pg?.stop()).finally(() => process.exit(130));
});
let processes = [];
try {
	console.log(
		`Queue-mode run on n8n ${rt.version} (Node ${rt.nodeVersion}): ${COUNT} offboardings, ${WORKERS} workers × concurrency ${CONCURRENCY}`,
	);
	await ensureRuntime(rt);
	const redis = await startRedis(join(work, 'redis'));
	started.push(redis);
	pg = await startPostgres();
	started.push({ stop: () => void pg.stop() });
	await pg.createDatabase(DB);
	console.log(
		`redis-server ${redis.version} on port ${redis.port}; PostgreSQL ${pg.version} on port ${pg.port}`,
	);
	flatted = createRequire(join(rt.n8nDir, 'node_modules', 'n8n', 'package.json'))('flatted');

	lib = await buildAll(join(work, 'pack'));
	sandboxPort = await freePort();
	await freshSandbox();

	const mainPort = await freePort();
	const base = {
		...n8nEnv(work, mainPort, rt),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: DB,
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		// n8n's default pool of 2 connections lets a burst of 200 webhook calls time out waiting for the
		// database ("timeout exceeded when trying to connect": 12 of 200 executions failed before they ran).
		DB_POSTGRESDB_POOL_SIZE: String(POOL_SIZE),
		// A burst of 200 webhook calls on 2 cores waits longer than n8n's 20 s for a free connection.
		DB_POSTGRESDB_CONNECTION_TIMEOUT: '120000',
	};
	delete base.DB_SQLITE_POOL_SIZE;
	const queueEnv = {
		...base,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
	};

	await installPackage(base, lib.tarball);
	await importCredentials(base, sandbox, lib);
	const imported = await importTemplates(base, sandbox, lib);
	workflowId = imported[HR_TEMPLATE].id;
	await publishWorkflow(base, workflowId, rt);

	const startQueue = async () => {
		const main = await startN8n(queueEnv, join(work, 'n8n-main.log'));
		started.push(main);
		const workers = [];
		for (let i = 1; i <= WORKERS; i++) {
			const healthPort = await freePort();
			const env = {
				...queueEnv,
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			};
			const worker = await startWorker(env, join(work, `n8n-worker-${i}.log`), healthPort);
			started.push(worker);
			workers.push(worker);
		}
		return { main, workers };
	};

	let t = Date.now();
	processes = await startQueue();
	console.log(
		`n8n main (pid ${processes.main.child.pid}) and ${WORKERS} workers (pids ${processes.workers.map((w) => w.pid).join(', ')}) ready in ${seconds(Date.now() - t)} s`,
	);
	await setupOwner(processes.main.url);
	hrWebhook = `${processes.main.url}/webhook/docspace-offboarding`;
	results.setup = {
		n8n: rt.version,
		node: rt.nodeVersion,
		redis: redis.version,
		postgres: pg.version,
		cpus: cpus().length,
		workers: WORKERS,
		concurrencyPerWorker: CONCURRENCY,
		postgresPoolSizePerProcess: POOL_SIZE,
		sandbox: { limits: LIMITS, latencyMs: LATENCY_MS, speed: SPEED },
	};

	// ---- phase 1: queue mode ----
	{
		const leavers = addLeavers(COUNT);
		t = Date.now();
		const batch = await runBatch('queue', leavers);
		console.log(`queue mode: ${COUNT} offboardings settled in ${seconds(Date.now() - t)} s`);
		const figures = logFigures(sandbox.log);
		checkBatch('queue mode', leavers, batch);
		checkSandbox('queue mode', leavers, figures);
		const perWorker = processes.workers.map(
			(w) => (readFileSync(w.log, 'utf8').match(/Worker started execution/g) ?? []).length,
		);
		check(
			'queue mode: both workers ran offboardings',
			perWorker.every((n) => n > 0),
			perWorker.join(' + '),
		);
		results.queue = {
			mode: `queue: main + ${WORKERS} workers`,
			...figuresOf(batch, leavers, figures),
			executionsPerWorker: perWorker,
		};
	}

	// ---- phase 2: a worker killed mid-run ----
	if (!argv.includes('--skip-kill')) {
		await freshSandbox();
		const leavers = addLeavers(KILL_COUNT);
		const victim = processes.workers[0];
		const kill = async (afterId) => {
			// Kill once the victim runs a few offboardings and some have finished.
			const deadline = Date.now() + 5 * 60_000;
			for (;;) {
				const rows = await executionRows(afterId);
				const startedByVictim = new Set(
					[...readFileSync(victim.log, 'utf8').matchAll(/Worker started execution (\d+)/g)].map(
						(m) => Number(m[1]),
					),
				);
				const running = rows.filter((r) => r.status === 'running' && startedByVictim.has(r.id));
				const finished = rows.filter((r) => !PENDING.has(r.status)).length;
				const reassignments = sandbox.log.filter(
					(r) => r.path === '/people/reassign/start' && r.status === 200,
				).length;
				if (finished >= KILL_COUNT)
					return { killedAt: undefined, running: [], finishedBefore: finished, state: {} };
				// In the middle: the victim runs offboardings and some reassignments have started.
				if ((running.length >= 3 && reassignments >= 5) || Date.now() > deadline) {
					const killedAt = Date.now();
					process.kill(victim.pid, 'SIGKILL');
					console.log(
						`killed worker 1 (pid ${victim.pid}, SIGKILL) while it ran executions ${running.map((r) => r.id).join(', ')}; ${finished} of ${KILL_COUNT} had finished`,
					);
					const state = Object.fromEntries(leavers.map((l) => [l.email, offboarded(l)]));
					return { killedAt, running: running.map((r) => r.id), finishedBefore: finished, state };
				}
				await sleep(250);
			}
		};
		t = Date.now();
		const batch = await runBatch('killed', leavers, { duringRun: kill });
		const { killedAt, running } = batch.during;
		check(
			'killed worker: a worker was killed while it ran offboardings',
			killedAt !== undefined && running.length > 0,
			`${running.length} running on it`,
		);
		console.log(`killed-worker run settled in ${seconds(Date.now() - t)} s`);
		const victimRows = batch.rows.filter((r) => running.includes(r.id));
		const outcome = victimRows.map((r) => {
			const d = batch.details.get(r.id) ?? {};
			const leaver = leavers.find((l) => l.email === d.email);
			const after = leaver ? offboarded(leaver) : {};
			return {
				execution: r.id,
				employee: d.email,
				status: r.status,
				error: d.error?.message ?? null,
				lastNode: d.lastNode ?? null,
				markedAfterSeconds: r.stoppedAt ? seconds(r.stoppedAt - killedAt) : null,
				hrAnswer: batch.answers.get(d.email)?.status,
				portalAfterKill: {
					disabled: after.disabled,
					roomHandedOver: after.roomHandedOver,
					reported: after.reports?.length > 0,
				},
			};
		});
		check(
			'killed worker: every execution it was running ended (none left running or lost)',
			victimRows.length === running.length && victimRows.every((r) => !PENDING.has(r.status)),
			victimRows.map((r) => `${r.id} ${r.status}`).join(', '),
		);
		check(
			'killed worker: each of them ended with a clear error',
			outcome.every((o) => o.status === 'success' || o.error),
			outcome
				.map((o) => `${o.execution}: ${o.error}`)
				.join(' | ')
				.slice(0, 400),
		);
		const others = batch.rows.filter((r) => !running.includes(r.id));
		check(
			'killed worker: every other execution succeeded (the surviving worker took the queue)',
			others.every((r) => r.status === 'success' && batch.details.get(r.id)?.run?.success === true),
			`${others.filter((r) => r.status === 'success').length} of ${others.length}`,
		);

		// Offboardings that did not finish are sent again: the Run skips what is done.
		const again = leavers.filter(
			(l) => offboarded(l).reports.filter((n) => n.success === true).length === 0,
		);
		const before = new Map(again.map((l) => [l.email, offboarded(l)]));
		const seqBefore = sandbox.log.length;
		t = Date.now();
		const rerun = await runBatch('re-run', again);
		console.log(`re-ran ${again.length} offboardings in ${seconds(Date.now() - t)} s`);
		const rerunWrites = sandbox.log
			.slice(seqBefore)
			.filter(isWrite)
			.filter((r) => r.status !== 429);
		const redone = again.filter((l) => {
			const was = before.get(l.email);
			const writesFor = rerunWrites.filter((w) => JSON.stringify(w.body ?? {}).includes(l.id));
			return (
				(was.disabled && writesFor.some((w) => w.path === '/people/status/2')) ||
				(was.roomHandedOver && writesFor.some((w) => w.path === '/people/reassign/start'))
			);
		});
		check(
			'killed worker: the re-run repeats no step already done (no second disable or reassignment)',
			redone.length === 0,
			redone.map((l) => l.email).join(', '),
		);
		checkBatch('killed worker, re-run', again, rerun);
		checkSandbox('killed worker, after the re-run', leavers, logFigures(sandbox.log));
		results.killedWorker = {
			offboardings: KILL_COUNT,
			killedWorkerPid: victim.pid,
			signal: 'SIGKILL',
			killedAfterSeconds: killedAt ? seconds(killedAt - batch.sentAt) : null,
			finishedBeforeKill: batch.during.finishedBefore,
			executionsOnKilledWorker: outcome,
			otherExecutions: Object.fromEntries(
				[...new Set(others.map((r) => r.status))].map((s) => [
					s,
					others.filter((r) => r.status === s).length,
				]),
			),
			rerun: {
				offboardings: again.length,
				statesBefore: again.map((l) => ({
					employee: l.email,
					disabled: before.get(l.email).disabled,
					roomHandedOver: before.get(l.email).roomHandedOver,
				})),
				writes: rerunWrites.map((w) => `${w.method} ${w.path}`),
				runSteps: rerun.rows.map((r) => ({
					employee: rerun.details.get(r.id)?.email,
					status: r.status,
					steps: rerun.details.get(r.id)?.run?.steps.map((s) => `${s.step}: ${s.status}`),
				})),
			},
		};
	}

	// ---- phase 3: one n8n process, regular mode ----
	processes.workers.forEach((w) => w.stop());
	processes.main.stop();
	await Promise.all([
		...processes.workers.map((w) => exited(w.child)),
		exited(processes.main.child),
	]);
	if (!argv.includes('--skip-single')) {
		await freshSandbox();
		const single = await startN8n(
			{ ...base, EXECUTIONS_MODE: 'regular' },
			join(work, 'n8n-single.log'),
		);
		started.push(single);
		hrWebhook = `${single.url}/webhook/docspace-offboarding`;
		const leavers = addLeavers(COUNT);
		t = Date.now();
		const batch = await runBatch('single', leavers);
		console.log(`single process: ${COUNT} offboardings settled in ${seconds(Date.now() - t)} s`);
		const figures = logFigures(sandbox.log);
		checkBatch('single process', leavers, batch, { expectAll: false });
		checkSandbox('single process', leavers, figures, { strict: false });
		results.single = { mode: 'regular: one n8n process', ...figuresOf(batch, leavers, figures) };
		single.stop();
		await exited(single.child);
	}
} catch (error) {
	check('the queue-mode run completed', false, String(error.stack ?? error.message).slice(-2000));
	for (const f of ['n8n-main.log', 'n8n-worker-1.log', 'n8n-worker-2.log', 'n8n-single.log']) {
		const text = tail(join(work, f), 25);
		if (text) console.log(`--- ${f} (tail) ---\n${text}`);
	}
} finally {
	stopAll();
	await sandbox?.stop().catch(() => undefined);
	await pg?.stop();
	rmSync(work, { recursive: true, force: true });
}
results.totalSeconds = seconds(Date.now() - began);
results.checks = { passed: passes, failed: failures.length, failures };
writeFileSync(join(root, 'bench', 'queue-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(
	`figures written to bench/queue-results.json; the run took ${formatDuration(Date.now() - began)}`,
);
for (const mode of ['queue', 'single']) {
	const r = results[mode];
	if (r)
		console.log(
			`  ${r.mode.padEnd(28)} ${r.throughputPerMinute} offboardings/min, p50 ${r.perOffboardingSeconds.p50} s, p95 ${r.perOffboardingSeconds.p95} s, ${r.answered429} × 429, peak ${r.peakWritesInFlight} writes in flight`,
		);
}
console.log(`${passes} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
