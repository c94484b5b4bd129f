/**
 * Turns whatever a user pasted as "Portal URL" into the portal origin
 * (`https://host[:port]`): DocSpace serves its API from the root, so any path,
 * query or trailing slash is dropped. Returns an explanation instead of throwing
 * so that both the credential and the node can word their own error.
 */
export type PortalUrlResult = { ok: true; origin: string } | { ok: false; reason: string };

export function parsePortalUrl(raw: unknown): PortalUrlResult {
	if (typeof raw !== 'string' || raw.trim() === '') {
		return { ok: false, reason: 'The Portal URL is empty' };
	}
	const value = raw.trim();
	if (!/^https?:\/\//i.test(value)) {
		return {
			ok: false,
			reason: `The Portal URL "${value}" has no http:// or https:// scheme`,
		};
	}
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return { ok: false, reason: `The Portal URL "${value}" is not a valid URL` };
	}
	if (url.username || url.password) {
		return { ok: false, reason: 'The Portal URL must not contain a user name or password' };
	}
	return { ok: true, origin: url.origin };
}
