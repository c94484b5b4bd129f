import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * What "no leak" means here, precisely: for every form F of a secret (see
 * `secretForms`), no text the package hands to n8n contains a substring of F of
 * length min(FRAGMENT_LENGTH, |F|). So a secret of 8+ characters never shows
 * 8 consecutive characters of itself, and a shorter one never shows whole.
 * Secrets shorter than MIN_SECRET_LENGTH are not redacted (masking them would
 * mangle ordinary words without protecting anything).
 */
export const FRAGMENT_LENGTH = 8;
export const MIN_SECRET_LENGTH = 4;
export const MASK = '***';

/** The credential fields whose values are secret (docSpaceApi, and the OAuth2 app's client secret). */
const SECRET_FIELDS = ['apiKey', 'password', 'sessionToken', 'clientSecret'] as const;
/** The secrets n8n keeps in an OAuth2 credential's `oauthTokenData` after "Connect my account". */
const TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token'] as const;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** Control characters (newlines, tabs…) as one space, as error messages show them. */
export function flatten(text: string): string {
	return text.replace(CONTROL_CHARACTERS, ' ');
}

function jsonEscaped(text: string): string {
	return JSON.stringify(text).slice(1, -1);
}

/**
 * Every way a secret can come back in an echo. Only the trimmed value counts:
 * the whitespace or newline a paste brings around it is not secret, and every
 * form of the value as typed (as is, URL- or form-encoded, JSON-escaped)
 * contains the matching form of the trimmed one. The forms: trimmed (what the
 * Authorization header carries after `Bearer `), with control characters
 * flattened to spaces (as messages show them), URL- and form-encoded, and
 * JSON-escaped.
 */
export function secretFormsOf(values: unknown[]): string[] {
	const forms = new Set<string>();
	for (const value of values) {
		if (typeof value !== 'string') continue;
		const trimmed = value.trim();
		const uri = encodeURIComponent(trimmed);
		for (const form of [
			trimmed,
			flatten(trimmed),
			uri,
			uri.replace(/%20/g, '+'),
			jsonEscaped(trimmed),
		]) {
			if (form.length >= MIN_SECRET_LENGTH) forms.add(form);
		}
	}
	return [...forms];
}

export function secretForms(credentials: ICredentialDataDecryptedObject): string[] {
	const tokens = credentials.oauthTokenData;
	const tokenValues =
		tokens && typeof tokens === 'object'
			? TOKEN_FIELDS.map((field) => (tokens as Record<string, unknown>)[field])
			: [];
	return secretFormsOf([...SECRET_FIELDS.map((field) => credentials[field]), ...tokenValues]);
}

/** All substrings of the forms that must not appear, grouped by their length. */
function fragmentsByLength(forms: string[]): Map<number, Set<string>> {
	const byLength = new Map<number, Set<string>>();
	for (const form of forms) {
		const length = Math.min(FRAGMENT_LENGTH, form.length);
		const set = byLength.get(length) ?? new Set<string>();
		for (let i = 0; i + length <= form.length; i++) set.add(form.slice(i, i + length));
		byLength.set(length, set);
	}
	return byLength;
}

function maskOnce(text: string, byLength: Map<number, Set<string>>): string {
	const masked = new Array<boolean>(text.length).fill(false);
	for (const [length, fragments] of byLength) {
		for (let i = 0; i + length <= text.length; i++) {
			if (fragments.has(text.slice(i, i + length))) masked.fill(true, i, i + length);
		}
	}
	let out = '';
	for (let i = 0; i < text.length; i++) {
		if (!masked[i]) out += text[i];
		else if (i === 0 || !masked[i - 1]) out += MASK;
	}
	return out;
}

/**
 * Replaces every run of characters that repeats a fragment of a secret form by
 * `***`. Repeated until nothing changes, so a mask next to other text cannot
 * form a new fragment (each round shortens the text, so this ends).
 */
export function redact(text: string, forms: string[]): string {
	if (!forms.length || !text) return text;
	const byLength = fragmentsByLength(forms);
	let current = text;
	for (;;) {
		const next = maskOnce(current, byLength);
		if (next === current) return next;
		current = next;
	}
}
