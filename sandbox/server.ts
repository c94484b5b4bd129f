import { Inbox } from './mail';
import http from 'http';
import type { AddressInfo } from 'net';

import { Dtos } from './dto';
import type { Ctx, Result } from './http';
import {
	ApiError,
	formSummary,
	ProblemError,
	readForm,
	Router,
	ValidationError,
	withoutNulls,
} from './http';
import type { ApiKey, User } from './model';
import { isoNow } from './model';
import { auditRoutes } from './routes/audit';
import {
	clientRoutes,
	IDENTITY_PATH,
	SIGNATURE_HEADER,
	signatureRoutes,
	signedUser,
} from './routes/clients';
import { fileRoutes } from './routes/files';
import { groupRoutes } from './routes/groups';
import { keyRoutes } from './routes/keys';
import { OAuthServer } from './routes/oauth';
import { peopleRoutes } from './routes/people';
import { TRIGGERS, webhookDelivery, webhookRoutes } from './routes/webhooks';
import type { JobFaults, JobSpeed, Quota } from './state';
import { extraUsers } from './seed';
import { SandboxState } from './state';

export interface Limits {
	/** Requests per sliding window of `windowMs` (DocSpace: 1,500 per 60 s). */
	perMinute: number;
	/** The sliding window's length; shorter than a minute runs DocSpace's limits on a faster clock (benchmarks). */
	windowMs: number;
	parallelReads: number;
	parallelWrites: number;
	writesPerDay: number;
}

/** Transport-level faults: each rule answers matching requests instead of the portal. */
export interface FaultRule {
	method?: string;
	/** Regular expression tested against the path below /api/2.0. */
	path?: string;
	status?: number;
	html?: boolean;
	reset?: boolean;
	retryAfter?: number;
	delayMs?: number;
	/** How many matching requests to hit (default: all). */
	times?: number;
	/** Hit only every n-th matching request (deterministic "probability"). */
	every?: number;
	/** Expire the session token a matching request carries, before it is checked (→ 401). */
	expireToken?: boolean;
}

export interface SandboxOptions {
	port?: number;
	host?: string;
	speed?: Partial<JobSpeed>;
	limits?: Partial<Limits>;
	latencyMs?: number;
	tokenLifetimeMs?: number;
	/** Adds this many plain users (see seed.extraUsers) for load tests and benchmarks. */
	extraUsers?: number;
	/** Lifetime of OAuth 2.0 access tokens (default 3600 s). */
	oauthAccessTokenSeconds?: number;
	/** Port of the loopback mail server (0: any free one); `false`: no mail server. */
	mailPort?: number | false;
}

export interface LoggedRequest {
	seq: number;
	method: string;
	path: string;
	query: string;
	body?: unknown;
	/** Multipart requests: the text fields, and each file part as `{filename, size}`. */
	form?: Record<string, unknown>;
	status: number;
	userId?: string;
}

const API = '/api/2.0';
export const DEFAULT_LIMITS: Limits = {
	perMinute: 1500,
	windowMs: 60_000,
	parallelReads: 50,
	parallelWrites: 15,
	writesPerDay: 10_000,
};

const SCOPES: Array<[RegExp, string]> = [
	[/^\/people\/@self$/, 'accounts.self'],
	[/^\/people(\/|$)/, 'accounts'],
	[/^\/group(\/|$)/, 'accounts'],
	[/^\/files\/rooms(\/|$)/, 'rooms'],
	[/^\/files(\/|$)/, 'files'],
];

function scopeAllows(key: ApiKey, method: string, path: string): boolean {
	return scopesAllow(key.permissions.length ? key.permissions : ['*'], method, path);
}

/** DocSpace's ScopesMap (ASC.Api.Core AuthorizationExtension): API keys' permissions and OAuth tokens' scopes alike. */
function scopesAllow(permissions: string[], method: string, path: string): boolean {
	if (permissions.includes('*') || permissions.includes('*:write')) return true;
	const write = method !== 'GET';
	if (!write && permissions.includes('*:read')) return true;
	const scope = SCOPES.find(([re]) => re.test(path))?.[1];
	if (!scope) return false;
	const candidates = scope === 'accounts.self' ? ['accounts.self', 'accounts'] : [scope];
	return candidates.some(
		(s) => permissions.includes(`${s}:write`) || (!write && permissions.includes(`${s}:read`)),
	);
}

export class Sandbox {
	state: SandboxState;
	readonly log: LoggedRequest[] = [];
	/** The loopback mail server's inbox (GET /__sandbox/mail). */
	readonly inbox = new Inbox();
	/** Messages the templates post to their chat webhook (POST /__sandbox/notify), newest last. */
	readonly notifications: Array<Record<string, unknown>> = [];
	faults: FaultRule[] = [];
	latencyMs: number;
	limits: Limits;
	/** Writes admitted by the rate limiter and not yet answered, across all users, and the highest that count reached (load tests). */
	writesInFlight = 0;
	peakWritesInFlight = 0;
	private server: http.Server;
	private router = new Router();
	private hits = new Map<FaultRule, number>();
	private windows = new Map<
		string,
		{ recent: number[]; day: number; dayStart: number; reads: number; writes: number }
	>();
	private pendingDeliveries: Array<Promise<void>> = [];
	private tokenLifetimeMs: number;
	origin = '';
	private dto!: Dtos;
	/** The identity service's OAuth 2.0 endpoints (`/oauth2/authorize`, `/oauth2/token`). */
	readonly oauth: OAuthServer;

	constructor(private options: SandboxOptions = {}) {
		this.state = this.seeded();
		this.latencyMs = options.latencyMs ?? 0;
		this.limits = { ...DEFAULT_LIMITS, ...options.limits };
		this.tokenLifetimeMs = options.tokenLifetimeMs ?? 30 * 86_400_000;
		this.oauth = new OAuthServer(() => this.state, options.oauthAccessTokenSeconds);
		this.router.add([
			...peopleRoutes,
			...fileRoutes,
			...auditRoutes,
			...webhookRoutes,
			...groupRoutes,
			...keyRoutes,
			...clientRoutes,
			...signatureRoutes,
		]);
		this.server = http.createServer((req, res) => void this.handle(req, res));
	}

	private seeded(): SandboxState {
		const state = new SandboxState(this.options.speed);
		if (this.options.extraUsers) state.users.push(...extraUsers(this.options.extraUsers));
		state.onEvent((trigger, payload, actorId) => this.deliver(trigger, payload, actorId));
		return state;
	}

	/** Back to the seeded organisation: log, notifications and faults cleared. */
	reset(): void {
		this.state = this.seeded();
		this.dto = new Dtos(this.state, this.origin);
		this.log.length = 0;
		this.notifications.length = 0;
		this.inbox.mails.length = 0;
		this.faults = [];
		this.hits.clear();
		this.oauth.reset();
	}

	async start(): Promise<string> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		const { port } = this.server.address() as AddressInfo;
		this.origin = `http://${this.options.host ?? '127.0.0.1'}:${port}`;
		this.dto = new Dtos(this.state, this.origin);
		if (this.options.mailPort !== false)
			await this.inbox.start(this.options.mailPort ?? 0, this.options.host ?? '127.0.0.1');
		return this.origin;
	}

	async stop(): Promise<void> {
		if (this.inbox.port) await this.inbox.stop();
		await this.flushWebhooks();
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	setJobFaults(faults: JobFaults): void {
		this.state.jobFaults = faults;
	}

	/** Waits until every webhook delivery sent so far has been answered. */
	async flushWebhooks(): Promise<void> {
		while (this.pendingDeliveries.length) await Promise.all(this.pendingDeliveries.splice(0));
	}

	writes(): LoggedRequest[] {
		return this.log.filter(
			(r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/authentication'),
		);
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const rawBody = await readBody(req);
		const raw = rawBody.toString('utf8');
		const contentType = req.headers['content-type'] ?? '';
		const multipart = /^multipart\/form-data/i.test(contentType);
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = (req.method ?? 'GET').toUpperCase();
		if (url.pathname.startsWith('/__sandbox/')) return this.control(method, url, raw, res);
		if (url.pathname.startsWith('/oauth2/')) {
			const reply = this.oauth.handle(method, url, raw, req);
			return this.send(res, reply.status, reply.body, reply.headers, reply.type);
		}
		if (!url.pathname.startsWith(`${API}/`)) return this.send(res, 404, '');

		const path = url.pathname.slice(API.length);
		let body: Record<string, unknown> = {};
		try {
			body = raw && !multipart ? (JSON.parse(raw) as Record<string, unknown>) : {};
		} catch {
			body = {};
		}
		const entry: LoggedRequest = {
			seq: this.log.length + 1,
			method,
			path,
			query: url.search,
			body: raw && !multipart ? body : undefined,
			status: 0,
		};
		this.log.push(entry);
		if (multipart) entry.form = await readForm(rawBody, contentType).then(formSummary, () => ({}));
		const href = `${this.origin}${url.pathname}${url.search}`;

		const fault = this.matchFault(method, path);
		if (fault?.delayMs) await sleep(fault.delayMs);
		if (fault?.reset) {
			entry.status = -1;
			req.socket.destroy();
			return;
		}
		if (fault?.status) {
			entry.status = fault.status;
			const headers: Record<string, string> =
				fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
			const html = fault.html ?? fault.status >= 502;
			return this.send(
				res,
				fault.status,
				html
					? `<html><head><title>${fault.status}</title></head><body><center><h1>${fault.status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`
					: '',
				headers,
				html ? 'text/html' : undefined,
			);
		}

		if (path === '/authentication' && (method === 'POST' || method === 'GET')) {
			const result =
				method === 'POST'
					? this.login(body)
					: { status: 200, response: !!this.authenticate(req)?.user };
			entry.status = result.status;
			if ('error' in result && result.error) return this.sendError(res, result.error);
			return this.sendJson(res, 200, this.envelope({ response: result.response }, href, method));
		}

		const matched = this.router.match(method, path);
		if (!matched) {
			entry.status = 404;
			return this.send(res, 404, '');
		}
		if (fault?.expireToken)
			this.state.sessions.delete((req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
		// The identity service knows only the portal's signature token (see routes/clients.ts).
		const signed = IDENTITY_PATH.test(path)
			? signedUser(this, String(req.headers[SIGNATURE_HEADER] ?? ''))
			: undefined;
		if (IDENTITY_PATH.test(path) && (!signed || signed.status !== 1)) {
			entry.status = 403;
			return this.send(res, 403, '');
		}
		const auth = signed ? { user: signed } : this.authenticate(req);
		if (!auth || auth.user.status !== 1) {
			entry.status = 401;
			return this.send(res, 401, '');
		}
		entry.userId = auth.user.id;
		if (
			(auth.apiKey && !scopeAllows(auth.apiKey, method, path)) ||
			(auth.scopes && !scopesAllow(auth.scopes, method, path))
		) {
			entry.status = 403;
			return this.send(res, 403, '');
		}
		const limited = this.rateLimit(auth.user.id, method);
		if (limited) {
			entry.status = 429;
			return this.send(res, 429, '', limited);
		}

		const write = method !== 'GET';
		if (write) this.peakWritesInFlight = Math.max(this.peakWritesInFlight, ++this.writesInFlight);
		const ctx: Ctx = {
			method,
			path,
			params: matched.params,
			query: url.searchParams,
			body,
			user: auth.user,
			apiKey: auth.apiKey,
			state: this.state,
			dto: this.dto,
			origin: this.origin,
			rawBody,
			contentType,
		};
		try {
			// Server time is spent while the request holds its rate-limit slot.
			if (this.latencyMs) await sleep(this.latencyMs);
			const result = await matched.route.handler(ctx);
			entry.status = 200;
			if (result.raw)
				this.send(
					res,
					200,
					result.raw.body === undefined ? '' : JSON.stringify(result.raw.body),
					{},
					result.raw.body === undefined ? undefined : 'application/json',
				);
			else this.sendJson(res, 200, this.envelope(result, href, method));
		} catch (error) {
			entry.status =
				error instanceof ApiError ? error.status : error instanceof ValidationError ? 400 : 500;
			this.sendError(res, error, href, method);
		} finally {
			if (write) this.writesInFlight--;
			this.release(auth.user.id, method);
		}
	}

	private envelope(result: Result, href: string, method: string) {
		const response = result.response;
		const count =
			result.count ?? (Array.isArray(response) ? response.length : response === undefined ? 0 : 1);
		return withoutNulls({
			response,
			count,
			total: result.total,
			links: [{ href, action: method }],
			status: 0,
			statusCode: 200,
		});
	}

	private sendError(res: http.ServerResponse, error: unknown, href = '', method = 'GET'): void {
		if (error instanceof ValidationError) {
			return this.sendJson(res, 400, {
				response: {
					type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
					title: error.message,
					status: 400,
					errors: error.errors,
					traceId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00',
				},
				count: 1,
				links: [{ href, action: method }],
				status: 1,
				statusCode: 400,
			});
		}
		if (error instanceof ProblemError) {
			return this.send(
				res,
				error.status,
				JSON.stringify({
					type: 'about:blank',
					title: STATUS_TITLES[error.status] ?? 'Error',
					status: error.status,
					detail: error.message,
					instance: new URL(href || 'http://sandbox/').pathname,
				}),
				{},
				'application/problem+json',
			);
		}
		if (error instanceof ApiError) {
			if (error.empty) return this.send(res, error.status, '');
			const bare = error.status === 401;
			return this.sendJson(res, error.status, {
				error: {
					message: error.message,
					type: bare ? null : error.type,
					stack: bare ? null : `   at ASC.Api.Sandbox.${error.type}`,
					hresult: bare ? 0 : -2146233088,
				},
				status: 1,
				statusCode: error.status,
			});
		}
		const message = error instanceof Error ? error.message : String(error);
		this.sendJson(res, 500, {
			error: { message, type: 'System.Exception', stack: '', hresult: -2146233088 },
			status: 1,
			statusCode: 500,
		});
	}

	private login(body: Record<string, unknown>): {
		status: number;
		response?: unknown;
		error?: ApiError;
	} {
		const failed = new ApiError(
			401,
			'User authentication failed',
			'System.Security.Authentication.AuthenticationException',
		);
		const email = String(body.userName ?? '').toLowerCase();
		const user =
			this.state.userByEmail(email) ?? this.state.users.find((u) => u.userName === email);
		if (!user || !body.password || body.password !== user.password) {
			this.state.logins.push({
				id: this.state.logins.length + 1,
				date: isoNow(),
				userId: user?.id ?? '00000000-0000-0000-0000-000000000000',
				login: email,
				actionId: 1002,
				action: 'Login failed: invalid username or password',
			});
			return { status: 401, error: failed };
		}
		if (user.status !== 1)
			return {
				status: 403,
				error: new ApiError(403, 'User disabled', 'System.InvalidOperationException'),
			};
		if (user.tfa)
			return {
				status: 200,
				response: {
					sms: false,
					tfa: true,
					tfaKey: 'SANDBOXTFAKEY',
					confirmUrl: `${this.origin}/confirm/TfaActivation`,
				},
			};
		const token = `sandbox-token-${user.userName}-${this.state.sessions.size + 1}-${Date.now().toString(36)}`;
		const expires = Date.now() + this.tokenLifetimeMs;
		this.state.sessions.set(token, { userId: user.id, expires });
		user.sessions++;
		this.state.logins.push({
			id: this.state.logins.length + 1,
			date: isoNow(),
			userId: user.id,
			login: email,
			actionId: 1010,
			action: 'Login succeeded via API',
		});
		return { status: 200, response: { token, expires: isoNow(expires), sms: false, tfa: false } };
	}

	private authenticate(
		req: http.IncomingMessage,
	): { user: User; apiKey?: ApiKey; scopes?: string[] } | undefined {
		const header = req.headers.authorization ?? '';
		const cookie = /(?:^|;\s*)asc_auth_key=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
		if (header.startsWith('Basic ')) {
			const [email, password] = Buffer.from(header.slice(6), 'base64').toString().split(':');
			const user = this.state.userByEmail(email ?? '');
			return user && user.password === password ? { user } : undefined;
		}
		const value = header.replace(/^Bearer\s+/i, '').trim() || cookie || '';
		if (value.startsWith('sk-')) {
			const apiKey = this.state.validApiKey(value);
			const user = apiKey && this.state.user(apiKey.userId);
			return apiKey && user ? { user, apiKey } : undefined;
		}
		const grant = this.oauth.grant(value);
		if (grant) {
			const user = this.state.user(grant.userId);
			return user ? { user, scopes: grant.scopes } : undefined;
		}
		const session = this.state.sessions.get(value);
		if (!session || session.expires < Date.now()) return undefined;
		const user = this.state.user(session.userId);
		return user ? { user } : undefined;
	}

	private rateLimit(userId: string, method: string): Record<string, string> | undefined {
		const now = Date.now();
		const w = this.windows.get(userId) ?? {
			recent: [],
			day: 0,
			dayStart: now,
			reads: 0,
			writes: 0,
		};
		this.windows.set(userId, w);
		const windowMs = this.limits.windowMs;
		w.recent = w.recent.filter((t) => t > now - windowMs);
		if (now - w.dayStart > 86_400_000) {
			w.day = 0;
			w.dayStart = now;
		}
		const write = method !== 'GET';
		const reject = (retryAfter: number) => ({
			'Retry-After': String(retryAfter),
			'X-RateLimit-Limit': String(this.limits.perMinute),
			'X-RateLimit-Remaining': '0',
			'X-RateLimit-Reset': String(Math.ceil(now / 1000) + retryAfter),
		});
		if (w.recent.length >= this.limits.perMinute)
			return reject(Math.max(1, Math.ceil((w.recent[0] + windowMs - now) / 1000)));
		if ((method === 'POST' || method === 'PUT') && w.day >= this.limits.writesPerDay) {
			return reject(Math.ceil((w.dayStart + 86_400_000 - now) / 1000));
		}
		if (write ? w.writes >= this.limits.parallelWrites : w.reads >= this.limits.parallelReads)
			return reject(1);
		w.recent.push(now);
		if (method === 'POST' || method === 'PUT') w.day++;
		if (write) w.writes++;
		else w.reads++;
		return undefined;
	}

	private release(userId: string, method: string): void {
		const w = this.windows.get(userId);
		if (!w) return;
		if (method !== 'GET') w.writes = Math.max(0, w.writes - 1);
		else w.reads = Math.max(0, w.reads - 1);
	}

	private matchFault(method: string, path: string): FaultRule | undefined {
		for (const rule of this.faults) {
			if (rule.method && rule.method.toUpperCase() !== method) continue;
			if (rule.path && !new RegExp(rule.path).test(path)) continue;
			const seen = (this.hits.get(rule) ?? 0) + 1;
			this.hits.set(rule, seen);
			if (rule.every && seen % rule.every !== 0) continue;
			const hit = rule.every ? seen / rule.every : seen;
			if (rule.times !== undefined && hit > rule.times) continue;
			return rule;
		}
		return undefined;
	}

	private deliver(trigger: string, payload: Record<string, unknown>, actorId: string): void {
		const flag = TRIGGERS[trigger];
		for (const webhook of this.state.webhooks) {
			if (!webhook.enabled || (webhook.triggers !== 0 && !(flag && webhook.triggers & flag)))
				continue;
			const delivery = webhookDelivery(
				webhook,
				trigger,
				payload,
				actorId,
				this.state.deliveries.length + 1,
			);
			this.state.deliveries.push(delivery);
			this.pendingDeliveries.push(
				fetch(webhook.uri, { method: 'POST', headers: delivery.headers, body: delivery.body })
					.then((r) => {
						delivery.status = r.status;
					})
					.catch(() => {
						delivery.status = 'failed';
					}),
			);
		}
	}

	/** Test and demo controls; not part of DocSpace's API. */
	private control(method: string, url: URL, raw: string, res: http.ServerResponse): void {
		let body: Record<string, unknown> = {};
		try {
			body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
		} catch {
			return this.send(res, 400, 'The body is not JSON');
		}
		const what = url.pathname.slice('/__sandbox/'.length);
		if (method === 'GET' && what === 'log') return this.sendJson(res, 200, this.log);
		if (method === 'POST' && what === 'notify') {
			this.notifications.push(body);
			return this.sendJson(res, 200, { ok: true });
		}
		if (method === 'GET' && what === 'notify') return this.sendJson(res, 200, this.notifications);
		if (method === 'GET' && what === 'mail') return this.sendJson(res, 200, this.inbox.mails);
		if (method === 'POST' && what === 'reset') {
			this.reset();
			return this.send(res, 204, '');
		}
		if (method === 'DELETE' && what === 'log') {
			this.log.length = 0;
			return this.send(res, 204, '');
		}
		if (method === 'GET' && what === 'state') {
			this.state.tick();
			const { users, groups, entries, tasks, fileOps, webhooks, deliveries, auditInPlan, quota } =
				this.state;
			return this.sendJson(res, 200, {
				users,
				groups,
				entries,
				tasks: [...tasks.values()],
				fileOps,
				webhooks,
				deliveries,
				auditInPlan,
				quota,
			});
		}
		if (method === 'PUT' && what === 'faults') {
			this.faults = (body.rules as FaultRule[]) ?? [];
			this.hits.clear();
			this.latencyMs = Number(body.latencyMs ?? 0);
			this.state.jobFaults = (body.jobs as JobFaults) ?? {};
			if (typeof body.auditInPlan === 'boolean') this.state.auditInPlan = body.auditInPlan;
			if (body.quota && typeof body.quota === 'object') this.state.quota = body.quota as Quota;
			return this.send(res, 204, '');
		}
		this.send(res, 404, '');
	}

	private sendJson(res: http.ServerResponse, status: number, body: unknown): void {
		this.send(res, status, JSON.stringify(body), {}, 'application/json; charset=utf-8');
	}

	private send(
		res: http.ServerResponse,
		status: number,
		body: string,
		headers: Record<string, string> = {},
		type?: string,
	): void {
		res.writeHead(status, { ...(type ? { 'Content-Type': type } : {}), ...headers });
		res.end(body);
	}
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', () => resolve(Buffer.alloc(0)));
	});
}

const STATUS_TITLES: Record<number, string> = {
	400: 'Bad Request',
	403: 'Forbidden',
	404: 'Not Found',
	500: 'Internal Server Error',
};

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const sandbox = new Sandbox(options);
	await sandbox.start();
	return sandbox;
}
