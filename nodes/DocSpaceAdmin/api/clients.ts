import type { IExecuteFunctions } from 'n8n-workflow';

import { callApi } from '../transport';

/** One function per OAuth-app call (DocSpace's identity service, `api/2.0/clients`). */

export interface OAuthClientDto {
	client_id: string;
	name?: string;
	created_by?: string;
}

interface ClientPage {
	data?: OAuthClientDto[];
	last_client_id?: string;
	last_created_on?: string;
}

const CLIENT_PAGE = 50;
/**
 * The identity service behind `api/2.0/clients` trusts only the portal's signature token in
 * `X-Signature` (registration SecurityConfiguration, BasicSignatureAuthenticationFilter), never the
 * API key: without it every call is 403.
 */
const SIGNATURE_HEADER = 'x-signature';

/**
 * `GET security/oauth2/token`: a signature token for the credential's user, valid 5 minutes
 * (SecurityController.GenerateJwtToken → IdentityClient.GenerateJwtTokenAsync). The route needs a
 * global scope: a scoped API key or an OAuth token is refused (403).
 */
export async function getSignatureToken(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<string> {
	const envelope = await callApi<string>(ctx, {
		method: 'GET',
		path: ['security', 'oauth2', 'token'],
		error: {
			action: 'get the portal signature token for OAuth apps',
			requiredRole:
				'a full-access API key of a DocSpace admin (a scoped key or an OAuth app cannot get it)',
			itemIndex,
		},
	});
	if (typeof envelope.response !== 'string' || !envelope.response)
		throw new Error('DocSpace returned no signature token');
	return envelope.response;
}

/** `GET clients`, every page: a DocSpace admin sees every app of the portal, anyone else their own. */
export async function listClients(
	ctx: IExecuteFunctions,
	signature: string,
	itemIndex: number,
): Promise<OAuthClientDto[]> {
	const all: OAuthClientDto[] = [];
	let after: Pick<ClientPage, 'last_client_id' | 'last_created_on'> = {};
	for (;;) {
		// The identity service answers without DocSpace's envelope.
		const page = (await callApi(ctx, {
			method: 'GET',
			path: ['clients'],
			qs: { limit: CLIENT_PAGE, ...after },
			signedWith: { header: SIGNATURE_HEADER, token: signature },
			error: { action: 'list the OAuth apps', itemIndex },
		})) as ClientPage;
		const rows = page.data ?? [];
		all.push(...rows);
		if (rows.length < CLIENT_PAGE || !page.last_client_id) return all;
		after = { last_client_id: page.last_client_id, last_created_on: page.last_created_on };
	}
}

/** `DELETE clients/{id}`: an admin's token deletes any app of the portal (ClientUpdateCommandHandler.deleteClient). */
export async function deleteClient(
	ctx: IExecuteFunctions,
	signature: string,
	clientId: string,
	itemIndex: number,
): Promise<void> {
	await callApi(ctx, {
		method: 'DELETE',
		path: ['clients', clientId],
		signedWith: { header: SIGNATURE_HEADER, token: signature },
		error: {
			action: 'delete the OAuth app',
			requiredRole: 'a DocSpace admin (or the app’s creator)',
			notFound: `No OAuth app has the ID ${clientId}`,
			itemIndex,
		},
	});
}
