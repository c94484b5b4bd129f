// The services n8n's queue mode needs beside n8n itself, for `npm run test:queue`: Redis (Debian's
// redis-server) and PostgreSQL (Debian's postgresql; n8n 2.x supports SQLite and PostgreSQL only, and
// calls scaling mode with SQLite "not officially supported": main and workers must share one database
// server). Both run on local ports in temporary data folders and are installed with apt-get when
// missing. Each start returns `stop()`; nothing is left behind but the data folder the caller removes.
import { execFile, spawn } from 'node:child_process';
import {
	chownSync,
	closeSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;

async function quiet(cmd, args, options = {}) {
	try {
		return (await run(cmd, args, { maxBuffer: 64 * 1024 * 1024, ...options })).stdout;
	} catch (error) {
		throw new Error(
			`${cmd} ${args.join(' ')} failed:\n${[error.stdout, error.stderr].filter(Boolean).join('\n').slice(-3000)}`,
		);
	}
}

/** A TCP port nobody listens on right now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

const which = (bin) =>
	run('sh', ['-c', `command -v ${bin}`]).then(
		({ stdout }) => stdout.trim(),
		() => '',
	);

/** Installs Debian packages when a binary is missing (`apt-get update` first). */
export async function ensureDebianPackage(binary, packages, { find = () => which(binary) } = {}) {
	const found = await find();
	if (found) return found;
	console.log(`Installing ${packages.join(' ')} from Debian's packages (${binary} is missing)`);
	if (!isRoot)
		throw new Error(`${binary} is missing: run \`sudo apt-get install -y ${packages.join(' ')}\``);
	await quiet('apt-get', ['update', '-qq']);
	await quiet('apt-get', ['install', '-y', '-qq', ...packages], {
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	const now = await find();
	if (!now) throw new Error(`${packages.join(' ')} installed, but ${binary} is still missing`);
	return now;
}

async function waitFor(probe, ms, what) {
	const deadline = Date.now() + ms;
	for (;;) {
		if (await probe().catch(() => false)) return;
		if (Date.now() > deadline) throw new Error(`${what} did not become ready in ${ms / 1000} s`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** Debian's redis-server on a local port, without persistence. */
export async function startRedis(dir) {
	const bin = await ensureDebianPackage('redis-server', ['redis-server']);
	const cli = await which('redis-cli');
	const port = await freePort();
	mkdirSync(dir, { recursive: true });
	const log = join(dir, 'redis.log');
	const fd = openSync(log, 'w');
	const child = spawn(
		bin,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--protected-mode',
			'yes',
		],
		{ stdio: ['ignore', fd, fd] },
	);
	closeSync(fd);
	await waitFor(
		async () => {
			if (child.exitCode !== null)
				throw new Error(
					`redis-server exited with ${child.exitCode}: ${readFileSync(log, 'utf8').slice(-1000)}`,
				);
			return (await quiet(cli, ['-p', String(port), 'ping'])).trim() === 'PONG';
		},
		20_000,
		'redis-server',
	);
	const version = (await quiet(bin, ['--version'])).match(/v=(\S+)/)?.[1] ?? '?';
	return {
		port,
		version,
		pid: child.pid,
		stop: () => {
			if (child.exitCode === null) child.kill('SIGKILL');
		},
	};
}

/** The newest PostgreSQL server binaries of Debian's packages (/usr/lib/postgresql/<major>/bin). */
function postgresBin() {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return '';
	const majors = readdirSync(base)
		.filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? join(base, majors[0], 'bin') : '';
}

/**
 * Debian's PostgreSQL in a temporary cluster on a local port (trust authentication on 127.0.0.1,
 * durability off: a test database). initdb refuses to run as root, so as root the cluster belongs
 * to the `postgres` user the Debian package creates; its folder is a temporary folder of its own (the
 * caller's may not be open to that user), removed by `stop()`.
 */
export async function startPostgres() {
	await ensureDebianPackage('initdb', ['postgresql'], { find: async () => postgresBin() });
	const bin = postgresBin();
	const psqlBin = (await which('psql')) || join(bin, 'psql');
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'docspace-queue-postgres-'));
	const data = join(dir, 'data');
	const asOwner = (cmd, args) =>
		isRoot
			? quiet('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { cwd: '/' })
			: quiet(join(bin, cmd), args);
	if (isRoot)
		chownSync(
			dir,
			Number((await quiet('id', ['-u', 'postgres'])).trim()),
			Number((await quiet('id', ['-g', 'postgres'])).trim()),
		);
	await asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'n8n', '-E', 'UTF8', '--no-sync']);
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
	await asOwner('pg_ctl', [
		'-D',
		data,
		'-o',
		options,
		'-l',
		join(dir, 'postgres.log'),
		'-w',
		'-t',
		'60',
		'start',
	]);
	const psql = (database, sql) =>
		quiet(psqlBin, [
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-U',
			'n8n',
			'-d',
			database,
			'-At',
			'-F',
			'\t',
			'-v',
			'ON_ERROR_STOP=1',
			'-c',
			sql,
		]);
	const version = (await psql('postgres', 'SHOW server_version')).trim();
	return {
		port,
		version,
		psql,
		/** Rows of a query as arrays of strings (tab-separated output). */
		rows: async (database, sql) =>
			(await psql(database, sql))
				.split('\n')
				.filter(Boolean)
				.map((l) => l.split('\t')),
		createDatabase: (name) => psql('postgres', `CREATE DATABASE ${name}`),
		stop: async () => {
			await asOwner('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
