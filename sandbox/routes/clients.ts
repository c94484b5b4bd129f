/**
 * OAuth2 clients of the identity service (common/ASC.Identity, `ClientQueryController` /
 * `ClientCommandController`, mapped at `/api/2.0/clients`). Its answers are plain JSON (no DocSpace
 * envelope) and its errors RFC 9457 ProblemDetail. An admin (owner or DocSpace admin) sees and deletes
 * every client of the tenant, anyone else only the clients they created; a client the caller may not see is 404.
 */
import type { Ctx, Route } from '../http';
import { ProblemError } from '../http';
import type { OAuthClient } from '../model';

const DEFAULT_LIMIT = 30;

function visible(ctx: Ctx): OAuthClient[] {
	return ctx.state.isAdmin(ctx.user)
		? ctx.state.clients
		: ctx.state.clients.filter((c) => c.createdBy === ctx.user.id);
}

/** Newest first (created_on, then client_id); the cursor is the last item of the previous page. */
function listClients(ctx: Ctx) {
	const rawLimit = ctx.query.get('limit');
	const limit = rawLimit === null ? DEFAULT_LIMIT : Number(rawLimit);
	if (!Number.isInteger(limit) || limit < 1 || limit > 50)
		throw new ProblemError(400, 'limit must be between 1 and 50');
	const lastId = ctx.query.get('last_client_id');
	const lastOn = ctx.query.get('last_created_on');
	const order = (a: OAuthClient, b: OAuthClient) =>
		b.createdOn.localeCompare(a.createdOn) || b.clientId.localeCompare(a.clientId);
	let clients = [...visible(ctx)].sort(order);
	if (lastOn) {
		const cursor = new Date(lastOn).toISOString();
		clients = clients.filter(
			(c) => c.createdOn < cursor || (c.createdOn === cursor && !!lastId && c.clientId < lastId),
		);
	}
	const page = clients.slice(0, limit);
	const last = page.at(-1);
	return {
		raw: {
			body: {
				data: page.map((c) => ctx.dto.client(c)),
				limit,
				last_client_id: last?.clientId,
				last_created_on: last?.createdOn,
			},
		},
	};
}

export const clientRoutes: Route[] = [
	{ method: 'GET', pattern: '/clients', handler: listClients },
	{
		method: 'DELETE',
		pattern: '/clients/{clientId}',
		handler: (ctx) => {
			const client = visible(ctx).find((c) => c.clientId === ctx.params.clientId);
			if (!client)
				throw new ProblemError(404, `Client with id ${ctx.params.clientId} was not found`);
			// The client's authorizations and consents go asynchronously (not modelled).
			ctx.state.clients = ctx.state.clients.filter((c) => c !== client);
			return { raw: {} };
		},
	},
];
