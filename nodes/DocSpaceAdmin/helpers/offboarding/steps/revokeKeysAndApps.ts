import { deleteClient, listClients } from '../../../api/clients';
import { deleteApiKey, listApiKeys } from '../../../api/keys';
import type { Step } from './step';
import { capitalise, isPortalAdmin, nameOf, quotedTitles, ReadBackMismatch } from './step';

export const CONSENTS_WARNING =
	'DocSpace has no way for an admin to revoke the consents the leaver gave to OAuth apps; they stop working while the account is disabled or deleted.';

export const revokeKeysAndApps = {
	name: 'revokeKeysAndApps',
	title: 'Revoke their API keys and delete their OAuth apps',
	destructive: true,
	settings: ['revokeKeysAndApps'],
	async read({ ctx, itemIndex }, { settings, self, user, access }) {
		if (!settings.revokeKeysAndApps || !isPortalAdmin(self)) return;
		access.keys = (await listApiKeys(ctx, itemIndex)).filter((k) => k.createBy?.id === user.id);
		try {
			access.clients = (await listClients(ctx, itemIndex)).filter((c) => c.created_by === user.id);
		} catch (error) {
			access.clientsUnreadable = (error as Error).message;
		}
	},
	plan({ settings, self, user, access }) {
		if (!settings.revokeKeysAndApps) return { status: 'skipped', detail: 'Not chosen' };
		if (!isPortalAdmin(self))
			return {
				status: 'skipped',
				detail: 'The credential’s user is not a DocSpace admin',
				warnings: [
					'Only a DocSpace admin can see other users’ API keys and OAuth apps: the leaver’s were not checked.',
				],
			};
		const warnings = [
			...(access.clientsUnreadable
				? [
						`The leaver’s OAuth apps could not be listed (${access.clientsUnreadable}): check Developer Tools → OAuth in DocSpace.`,
					]
				: []),
			CONSENTS_WARNING,
		];
		const name = nameOf(user);
		if (!access.keys.length && !access.clients.length)
			return { status: 'alreadyDone', detail: `${name} has no API keys or OAuth apps`, warnings };
		// Disabled accounts' keys stop working but come back on re-enable, and survive a deleted profile (ApiKeyBearerAuthHandler, SecurityContext).
		const parts = [];
		if (access.keys.length)
			parts.push(`revoke ${access.keys.length} API key(s) (${quotedTitles(access.keys)})`);
		if (access.clients.length)
			parts.push(`delete ${access.clients.length} OAuth app(s) (${quotedTitles(access.clients)})`);
		return {
			status: 'pending',
			detail: `${capitalise(parts.join(' and '))} of ${name}`,
			warnings,
		};
	},
	async run({ ctx, itemIndex }, { access }) {
		// DocSpace answers true even when it deleted nothing: `verify` looks again.
		for (const key of access.keys) await deleteApiKey(ctx, key.id, itemIndex);
		for (const client of access.clients) await deleteClient(ctx, client.client_id, itemIndex);
		return `${access.keys.length} API key(s) revoked, ${access.clients.length} OAuth app(s) deleted`;
	},
	async verify({ ctx, itemIndex }, { user }) {
		const keys = (await listApiKeys(ctx, itemIndex)).filter((k) => k.createBy?.id === user.id);
		if (keys.length)
			throw new ReadBackMismatch(`the API key(s) ${quotedTitles(keys)} of ${nameOf(user)}`);
		return `no API key of ${nameOf(user)} is listed any more`;
	},
	summary: ({ access }) => ({
		apiKeys: access.keys.map((k) => ({ id: k.id, name: k.name, keyPostfix: k.keyPostfix })),
		oauthApps: access.clients.map((c) => ({ id: c.client_id, name: c.name })),
	}),
} satisfies Step<'revokeKeysAndApps'>;
