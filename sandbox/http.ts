import type { Dtos } from './dto';
import type { ApiKey, User } from './model';
import type { SandboxState } from './state';

export interface Ctx {
	method: string;
	path: string;
	params: Record<string, string>;
	query: URLSearchParams;
	body: Record<string, unknown>;
	user: User;
	apiKey?: ApiKey;
	state: SandboxState;
	dto: Dtos;
	origin: string;
	/** The request body as received and its Content-Type (multipart uploads). */
	rawBody?: Buffer;
	contentType?: string;
}

export interface Result {
	response?: unknown;
	count?: number;
	total?: number;
	/** Sent as is, without the DocSpace envelope (the identity service's JSON); `body` undefined → empty body. */
	raw?: { body?: unknown };
}

export type Handler = (ctx: Ctx) => Result | Promise<Result>;

export interface Route {
	method: string;
	pattern: string;
	handler: Handler;
}

/** An exception the server maps to the error envelope (§1.3 of the API notes). */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly type = 'System.Exception',
		/** 401/403-from-scope and 429 carry no body. */
		readonly empty = false,
	) {
		super(message);
	}
}

/** The identity service (Java, Spring) answers errors as RFC 9457 ProblemDetail, not the DocSpace envelope. */
export class ProblemError extends ApiError {
	constructor(status: number, message: string) {
		super(status, message, 'ProblemDetail');
	}
}

export const denied = () => new ApiError(403, 'Access denied', 'System.Security.SecurityException');
export const notFound = (message: string) =>
	new ApiError(404, message, 'ASC.Common.Web.ItemNotFoundException');
export const badRequest = (message: string) =>
	new ApiError(400, message, 'System.ArgumentException');
export const invalidOperation = (message: string) =>
	new ApiError(403, message, 'System.InvalidOperationException');

/** ASP.NET model validation: HTTP 400 with a success-shaped envelope (status 1) and ProblemDetails. */
export class ValidationError extends Error {
	constructor(readonly errors: Record<string, string[]>) {
		super('One or more validation errors occurred.');
	}
}

export function paging(ctx: Ctx): { count: number; startIndex: number } {
	const rawCount = ctx.query.get('count');
	const count = rawCount === null ? 100 : Number(rawCount);
	if (!Number.isInteger(count) || count < 1 || count > 100) {
		throw new ValidationError({ Count: ['The field Count must be between 1 and 100.'] });
	}
	const startIndex = Number(ctx.query.get('startIndex') ?? 0);
	if (!Number.isInteger(startIndex) || startIndex < 0) {
		throw new ValidationError({
			StartIndex: [`The value '${ctx.query.get('startIndex')}' is not valid.`],
		});
	}
	return { count, startIndex };
}

/** Query arrays arrive as `k=a&k=b`, `k[]=a` or `k=a,b`. */
export function queryList(ctx: Ctx, name: string): string[] {
	const values = [...ctx.query.getAll(name), ...ctx.query.getAll(`${name}[]`)];
	return values.flatMap((v) => v.split(',')).filter((v) => v !== '');
}

export function bodyList(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

export function requireAdmin(ctx: Ctx): void {
	if (!ctx.state.isAdmin(ctx.user)) throw denied();
}

/** Drops null and undefined everywhere, as the server's JSON options do for success bodies. */
export function withoutNulls(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutNulls);
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value))
			if (v !== null && v !== undefined) out[k] = withoutNulls(v);
		return out;
	}
	return value;
}

/** A multipart/form-data body, parsed by Node's own fetch implementation (no extra dependency). */
export async function readForm(body: Buffer, contentType: string): Promise<FormData> {
	return await new Response(body, { headers: { 'content-type': contentType } }).formData();
}

/** Text fields as they are; file parts as `{filename, size}` (for the request log and the contract check). */
export function formSummary(form: FormData): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	form.forEach((value, name) => {
		out[name] = typeof value === 'string' ? value : { filename: value.name, size: value.size };
	});
	return out;
}

interface CompiledRoute extends Route {
	segments: string[];
	literals: number;
}

/** Matches segment by segment on decoded segments, as ASP.NET routing does (`%40self` is `@self`). */
export class Router {
	private routes: CompiledRoute[] = [];

	add(routes: Route[]): void {
		for (const route of routes) {
			const segments = route.pattern.split('/').slice(1);
			this.routes.push({
				...route,
				segments,
				literals: segments.filter((s) => !s.startsWith('{')).length,
			});
		}
		this.routes.sort((a, b) => b.literals - a.literals);
	}

	match(
		method: string,
		path: string,
	): { route: CompiledRoute; params: Record<string, string> } | undefined {
		let segments: string[];
		try {
			segments = path.split('/').slice(1).map(decodeURIComponent);
		} catch {
			return undefined;
		}
		for (const route of this.routes) {
			if (route.method !== method || route.segments.length !== segments.length) continue;
			const params: Record<string, string> = {};
			const fits = route.segments.every((pattern, i) => {
				if (pattern.startsWith('{')) {
					params[pattern.slice(1, -1)] = segments[i];
					return segments[i] !== '';
				}
				return pattern === segments[i];
			});
			if (fits) return { route, params };
		}
		return undefined;
	}
}
