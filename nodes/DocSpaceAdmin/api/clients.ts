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

/** `GET clients`, every page: a DocSpace admin sees every app of the portal, anyone else their own. */
export async function listClients(
	ctx: IExecuteFunctions,
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
			error: { action: 'list the OAuth apps', itemIndex },
		})) as ClientPage;
		const rows = page.data ?? [];
		all.push(...rows);
		if (rows.length < CLIENT_PAGE || !page.last_client_id) return all;
		after = { last_client_id: page.last_client_id, last_created_on: page.last_created_on };
	}
}

export async function deleteClient(
	ctx: IExecuteFunctions,
	clientId: string,
	itemIndex: number,
): Promise<void> {
	await callApi(ctx, {
		method: 'DELETE',
		path: ['clients', clientId],
		error: {
			action: 'delete the OAuth app',
			requiredRole: 'a DocSpace admin (or the app’s creator)',
			notFound: `No OAuth app has the ID ${clientId}`,
			itemIndex,
		},
	});
}
