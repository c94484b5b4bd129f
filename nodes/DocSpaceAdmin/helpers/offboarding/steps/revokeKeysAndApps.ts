import { counted } from '../../names';

import { deleteClient, getSignatureToken } from '../../../api/clients';
import { deleteApiKey, listApiKeys } from '../../../api/keys';
import { apiKeysOnce, clientsOnce, portalClients } from '../sharedReads';
import type { Step, StepPlan } from './step';
import { capitalise, isPortalAdmin, nameOf, quotedTitles, ReadBackMismatch } from './step';

export const CONSENTS_WARNING =
	'DocSpace has no way for an admin to revoke the consents the leaver gave to OAuth apps; they stop working while the account is disabled or deleted.';
const FULL_ACCESS =
	'use a full-access API key of a DocSpace admin (a scoped API key or an OAuth2 credential cannot read them)';

const messageOf = (error: unknown) => (error as Error).message;

/** The leaver's OAuth apps, through the identity service with a fresh signature token. */

export const revokeKeysAndApps = {
	name: 'revokeKeysAndApps',
	title: 'Revoke their API keys and delete their OAuth apps',
	destructive: true,
	settings: ['revokeKeysAndApps'],
	async read(portal, { settings, self, user, access }) {
		if (!settings.revokeKeysAndApps || !isPortalAdmin(self)) return;
		// ApiKeysController.GetApiKeys: an admin's full-access key lists every key; a scoped key gets 403.
		try {
			access.keys = (await apiKeysOnce(portal)).filter((k) => k.createBy?.id === user.id);
		} catch (error) {
			access.keysUnreadable = messageOf(error);
		}
		try {
			access.clients = (await clientsOnce(portal)).filter((c) => c.created_by === user.id);
		} catch (error) {
			access.clientsUnreadable = messageOf(error);
		}
	},
	plan({ settings, self, user, access }): StepPlan {
		if (!settings.revokeKeysAndApps) return { status: 'skipped', detail: 'Not chosen' };
		if (!isPortalAdmin(self))
			return {
				status: 'skipped',
				detail: 'The credential’s user is not a DocSpace admin',
				warnings: [
					'Only a DocSpace admin can see other users’ API keys and OAuth apps: the leaver’s were not checked.',
				],
			};
		const unchecked = [
			access.keysUnreadable &&
				`The leaver’s API keys could not be checked (${access.keysUnreadable}): ${FULL_ACCESS}, or check Developer Tools → API keys in DocSpace.`,
			access.clientsUnreadable &&
				`The leaver’s OAuth apps could not be checked (${access.clientsUnreadable}): ${FULL_ACCESS}, or check Developer Tools → OAuth in DocSpace.`,
		].filter((text): text is string => !!text);
		const warnings = [...unchecked, CONSENTS_WARNING];
		const name = nameOf(user);
		const parts = [];
		if (access.keys.length)
			parts.push(`revoke ${counted(access.keys.length, 'API key')} (${quotedTitles(access.keys)})`);
		if (access.clients.length)
			parts.push(
				`delete ${counted(access.clients.length, 'OAuth app')} (${quotedTitles(access.clients)})`,
			);
		if (parts.length)
			return {
				status: 'pending',
				detail: `${capitalise(parts.join(' and '))} of ${name}`,
				warnings,
			};
		// Never "none" for what could not be read: a refusal is not an empty list.
		if (unchecked.length)
			return {
				status: 'skipped',
				detail: `Not checked: ${[access.keysUnreadable && 'API keys', access.clientsUnreadable && 'OAuth apps'].filter(Boolean).join(' and ')} of ${name} could not be read with this credential`,
				warnings,
			};
		return { status: 'alreadyDone', detail: `${name} has no API keys or OAuth apps`, warnings };
	},
	async run({ ctx, itemIndex }, { access }) {
		// DocSpace answers true even when it deleted nothing: `verify` looks again.
		for (const key of access.keys) await deleteApiKey(ctx, key.id, itemIndex);
		if (access.clients.length) {
			// A signature token lasts 5 minutes: a fresh one for the deletions.
			const signature = await getSignatureToken(ctx, itemIndex);
			for (const client of access.clients)
				await deleteClient(ctx, signature, client.client_id, itemIndex);
		}
		const unchecked = access.clientsUnreadable ? '; OAuth apps not checked' : '';
		return `${counted(access.keys.length, 'API key')} revoked, ${counted(access.clients.length, 'OAuth app')} deleted${unchecked}`;
	},
	async verify({ ctx, itemIndex }, { user, access }) {
		const keys = access.keysUnreadable
			? []
			: (await listApiKeys(ctx, itemIndex)).filter((k) => k.createBy?.id === user.id);
		const clients = access.clientsUnreadable
			? []
			: (await portalClients(ctx, itemIndex)).filter((c) => c.created_by === user.id);
		if (keys.length || clients.length)
			throw new ReadBackMismatch(
				[
					keys.length ? `the API ${keys.length === 1 ? 'key' : 'keys'} ${quotedTitles(keys)}` : '',
					clients.length
						? `the OAuth ${clients.length === 1 ? 'app' : 'apps'} ${quotedTitles(clients)}`
						: '',
				]
					.filter(Boolean)
					.join(' and ') + ` of ${nameOf(user)}`,
			);
		return [
			access.keysUnreadable ? '' : `no API key of ${nameOf(user)} is listed any more`,
			access.clientsUnreadable ? '' : `no OAuth app of ${nameOf(user)} is listed any more`,
		]
			.filter(Boolean)
			.join('; ');
	},
	summary: ({ access }) => ({
		apiKeys: access.keys.map((k) => ({ id: k.id, name: k.name, keyPostfix: k.keyPostfix })),
		oauthApps: access.clients.map((c) => ({ id: c.client_id, name: c.name })),
	}),
} satisfies Step<'revokeKeysAndApps'>;
