/**
 * The identity service trusts one thing only: the portal's signature token in `X-Signature`
 * (registration SecurityConfiguration `registrationSecurityFilterChain`, BasicSignatureAuthenticationFilter
 * `doFilterInternal`): no header, an unknown or an expired token → 403 with an empty body; an API key or
 * an OAuth token in Authorization counts for nothing there. The token is issued by
 * `GET api/2.0/security/oauth2/token` (ASC.Web.Api SecurityController.GenerateJwtToken →
 * IdentityClient.GenerateJwtTokenAsync: the caller's, 5 minutes); that route is not in ScopesMap, so it
 * needs a global scope: a scoped API key or an OAuth token gets 403.
 *
 * OAuth2 clients of the identity service (common/ASC.Identity, `ClientQueryController` /
 * `ClientCommandController`, mapped at `/api/2.0/clients`). Its answers are plain JSON (no DocSpace
 * envelope) and its errors RFC 9457 ProblemDetail. An admin (owner or DocSpace admin) sees and deletes
 * every client of the tenant, anyone else only the clients they created; a client the caller may not see is 404.
 */
import { randomBytes } from 'crypto';

import type { Ctx, Route } from '../http';
import { ProblemError } from '../http';
import type { OAuthClient } from '../model';

const DEFAULT_LIMIT = 30;
/** IdentityClient.GenerateJwtTokenAsync: `expires: DateTime.Now.AddMinutes(5)`. */
export const SIGNATURE_LIFETIME_MS = 5 * 60_000;
export const SIGNATURE_HEADER = 'x-signature';

/** `GET security/oauth2/token`: a signature token for the caller. */
function issueSignature(ctx: Ctx) {
	const token = `sig-${randomBytes(24).toString('hex')}`;
	ctx.state.signatures.set(token, {
		userId: ctx.user.id,
		expires: Date.now() + SIGNATURE_LIFETIME_MS,
	});
	return { response: token };
}

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

/** Routes the identity service answers, authenticated by `X-Signature` instead of DocSpace's own auth. */
export const IDENTITY_PATH = /^\/clients(?:\/|$)/;

/** The user a signature token stands for, if it is one the portal issued and it has not expired. */
export function signedUser(ctx: Pick<Ctx, 'state'>, token: string | undefined) {
	const signature = token ? ctx.state.signatures.get(token) : undefined;
	if (!signature || signature.expires < Date.now()) return undefined;
	return ctx.state.user(signature.userId);
}

export const signatureRoutes: Route[] = [
	{ method: 'GET', pattern: '/security/oauth2/token', handler: issueSignature },
];

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
