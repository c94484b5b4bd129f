/**
 * API keys (products/ASC.People/Server/Api/ApiKeysController.cs). "Admin" is `EmployeeType.DocSpaceAdmin`
 * (the owner counts as one: assumption). Profile deletion keeps the keys; they answer 401 from then on.
 */
import type { Ctx, Route } from '../http';
import { ApiError, badRequest, denied } from '../http';
import type { ApiKey } from '../model';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERMISSION = /^(\*|\*:(read|write)|[a-z.]+:(read|write))$/;

/** `{keyId:guid}` route constraint: anything else is no route (404, empty). A known id is required:
 * the controller dereferences the key it did not find (NullReferenceException → 500). */
function keyOr500(ctx: Ctx): ApiKey {
	if (!GUID.test(ctx.params.keyId)) throw new ApiError(404, '', 'NotFound', true);
	const key = ctx.state.apiKeys.find((k) => k.id === ctx.params.keyId.toLowerCase());
	if (!key)
		throw new ApiError(
			500,
			'Object reference not set to an instance of an object.',
			'System.NullReferenceException',
		);
	return key;
}

/** Non-admins act only on their own keys; otherwise the controller answers `false` (HTTP 200). */
function mayChange(ctx: Ctx, key: ApiKey): boolean {
	return ctx.state.isAdmin(ctx.user) || key.userId === ctx.user.id;
}

export const keyRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/keys',
		handler: (ctx) => {
			// GetApiKeys: a DocSpace admin gets every key of the tenant (GetAllApiKeysAsync), others their own.
			const keys = ctx.state.isAdmin(ctx.user)
				? ctx.state.apiKeys
				: ctx.state.apiKeys.filter((k) => k.userId === ctx.user.id);
			return { response: keys.map((k) => ctx.dto.apiKey(k)) };
		},
	},
	{
		method: 'GET',
		pattern: '/keys/@self',
		handler: (ctx) => {
			if (!ctx.apiKey) throw denied();
			return { response: ctx.dto.apiKey(ctx.apiKey) };
		},
	},
	{
		method: 'PUT',
		pattern: '/keys/{keyId}',
		handler: (ctx) => {
			const key = keyOr500(ctx);
			if (key.expiresAt && Date.parse(key.expiresAt) < Date.now()) return { response: false };
			if (!mayChange(ctx, key)) return { response: false };
			const permissions = ctx.body.permissions;
			if (Array.isArray(permissions) && permissions.some((p) => !PERMISSION.test(String(p))))
				throw badRequest('Permissions are not valid.');
			if (typeof ctx.body.name === 'string' && ctx.body.name) key.name = ctx.body.name;
			if (Array.isArray(permissions) && permissions.length)
				key.permissions = permissions.map(String);
			if (typeof ctx.body.isActive === 'boolean') key.isActive = ctx.body.isActive;
			return { response: true };
		},
	},
	{
		method: 'DELETE',
		pattern: '/keys/{keyId}',
		handler: (ctx) => {
			const key = keyOr500(ctx);
			if (!mayChange(ctx, key)) return { response: false };
			// ApiKeyManager.DeleteApiKeyAsync answers `result >= 0`: true whether or not a row went.
			ctx.state.apiKeys = ctx.state.apiKeys.filter((k) => k !== key);
			return { response: true };
		},
	},
];
