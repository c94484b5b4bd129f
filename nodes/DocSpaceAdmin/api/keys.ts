import type { IExecuteFunctions } from 'n8n-workflow';

import { callApi } from '../transport';

/** One function per API-key call (products/ASC.People/Server/Api/ApiKeysController.cs). */

export interface ApiKeyDto {
	id: string;
	name?: string;
	keyPostfix?: string;
	createBy?: { id?: string; displayName?: string };
	isActive?: boolean;
}

/** `GET keys`: a DocSpace admin gets every key of the portal, anyone else only their own. */
export async function listApiKeys(ctx: IExecuteFunctions, itemIndex: number): Promise<ApiKeyDto[]> {
	const envelope = await callApi<ApiKeyDto[]>(ctx, {
		method: 'GET',
		path: ['keys'],
		error: { action: 'list the API keys', itemIndex },
	});
	return envelope.response ?? [];
}

/** `DELETE keys/{keyId}`: answers true even when nothing was deleted, so callers list again to confirm. */
export async function deleteApiKey(
	ctx: IExecuteFunctions,
	keyId: string,
	itemIndex: number,
): Promise<void> {
	await callApi(ctx, {
		method: 'DELETE',
		path: ['keys', keyId],
		error: {
			action: 'revoke the API key',
			requiredRole: 'a DocSpace admin (or the key’s owner)',
			itemIndex,
		},
	});
}
