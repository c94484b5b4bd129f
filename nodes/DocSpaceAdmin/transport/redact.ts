import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * What "no leak" means here, precisely: for every form F of a secret (see
 * `secretForms`), no text the package hands to n8n contains a substring of F of
 * length min(FRAGMENT_LENGTH, |F|). So a secret of 8+ characters never shows
 * 8 consecutive characters of itself, and a shorter one never shows whole.
 * Secrets shorter than MIN_SECRET_LENGTH are not redacted (masking them would
 * mangle ordinary words without protecting anything). Encoded forms (base64,
 * hex) shorter than MIN_ENCODED_LENGTH are left out: 8 characters of base64 of
 * a secret never turn up in ordinary text by chance, 5 or 6 might.
 */
export const FRAGMENT_LENGTH = 8;
export const MIN_SECRET_LENGTH = 4;
export const MIN_ENCODED_LENGTH = FRAGMENT_LENGTH;
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

const BITS_PER_BYTE = 8;
const BITS_PER_BASE64_CHARACTER = 6;

const base64url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_');

/**
 * The base64 characters of `bytes` that stand for them alone when they sit `offset` (0, 1, 2)
 * bytes past a multiple of 3 inside a longer text: base64 turns 3 bytes into 4 characters, so the
 * same secret reads differently at each of the three alignments, and the characters at its edges
 * mix in the bits of its neighbours (those are not kept).
 */
function alignedBase64(bytes: Buffer, offset: number): string {
	const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
	const firstBit = offset * BITS_PER_BYTE;
	const endBit = (offset + bytes.length) * BITS_PER_BYTE;
	const first = Math.ceil(firstBit / BITS_PER_BASE64_CHARACTER);
	const end = Math.floor(endBit / BITS_PER_BASE64_CHARACTER);
	return encoded.slice(first, end);
}

/**
 * A value as it shows up encoded: base64 of it alone (padded, unpadded; standard and URL alphabet),
 * of `Bearer <value>` (a proxy that echoes the whole Authorization header; so base64 that starts
 * with `Bearer ` loses that word too), of it at each of the three byte alignments inside longer
 * base64, and hex (lower and upper case).
 */
function encodedForms(text: string): string[] {
	const bytes = Buffer.from(text, 'utf8');
	const whole = bytes.toString('base64');
	const header = Buffer.from(`Bearer ${text}`, 'utf8').toString('base64');
	const base64 = [whole, whole.replace(/=+$/, ''), header, header.replace(/=+$/, '')];
	for (let offset = 0; offset < 3; offset++) base64.push(alignedBase64(bytes, offset));
	const hex = bytes.toString('hex');
	return [...base64, ...base64.map(base64url), hex, hex.toUpperCase()];
}

/**
 * Every way a secret can come back in an echo. Only the trimmed value counts:
 * the whitespace or newline a paste brings around it is not secret, and every
 * form of the value as typed (as is, URL- or form-encoded, JSON-escaped)
 * contains the matching form of the trimmed one. The forms: trimmed (what the
 * Authorization header carries after `Bearer `), with control characters
 * flattened to spaces (as messages show them), URL- and form-encoded, and
 * JSON-escaped; and each of these encoded (see `encodedForms`): base64 alone,
 * after `Bearer `, at the three alignments inside longer base64, in both
 * alphabets, and hex.
 */
export function secretFormsOf(values: unknown[]): string[] {
	const forms = new Set<string>();
	for (const value of values) {
		if (typeof value !== 'string') continue;
		const trimmed = value.trim();
		const uri = encodeURIComponent(trimmed);
		const plain = new Set([
			trimmed,
			flatten(trimmed),
			uri,
			uri.replace(/%20/g, '+'),
			jsonEscaped(trimmed),
		]);
		for (const form of plain) {
			if (form.length < MIN_SECRET_LENGTH) continue;
			forms.add(form);
			for (const encoded of encodedForms(form))
				if (encoded.length >= MIN_ENCODED_LENGTH) forms.add(encoded);
		}
	}
	return [...forms];
}

/**
 * The Basic credential n8n sends to the OAuth2 token endpoint when it refreshes the token
 * (`Authorization: Basic base64(clientId:clientSecret)`, the credential's "header" authentication).
 */
function basicToken(credentials: ICredentialDataDecryptedObject): string | undefined {
	const { clientId, clientSecret } = credentials;
	if (typeof clientSecret !== 'string' || clientSecret.trim().length < MIN_SECRET_LENGTH)
		return undefined;
	return Buffer.from(`${String(clientId ?? '')}:${clientSecret}`, 'utf8').toString('base64');
}

export function secretForms(credentials: ICredentialDataDecryptedObject): string[] {
	const tokens = credentials.oauthTokenData;
	const tokenValues =
		tokens && typeof tokens === 'object'
			? TOKEN_FIELDS.map((field) => (tokens as Record<string, unknown>)[field])
			: [];
	return secretFormsOf([
		...SECRET_FIELDS.map((field) => credentials[field]),
		...tokenValues,
		basicToken(credentials),
	]);
}

/**
 * The substrings of one length that must not appear, and a bit filter of the hashes of their
 * pieces of `gram` characters: every window of `length` characters holds a whole piece that starts
 * at a multiple of `gram` (as `length` ≥ 2 × `gram` − 1), so a text is scanned one piece at a time
 * and only windows around a piece in the filter are compared (almost never, in text with no secret).
 */
interface Fragments {
	length: number;
	gram: number;
	set: Set<string>;
	filter: Uint8Array;
}

/** 8 KB per redactor; a few thousand pieces set a few percent of it. */
const FILTER_BITS = 16;

/** The filter bit of `gram` characters from `start`. */
function gramBit(text: string, start: number, gram: number): number {
	let hash = 0;
	for (let i = start; i < start + gram; i++)
		hash = (Math.imul(hash, 0x01000193) + text.charCodeAt(i)) | 0;
	return Math.imul(hash, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

/** All substrings of the forms that must not appear, grouped by their length. */
function fragmentsByLength(forms: string[]): Fragments[] {
	const byLength = new Map<number, Fragments>();
	for (const form of forms) {
		const length = Math.min(FRAGMENT_LENGTH, form.length);
		let group = byLength.get(length);
		if (!group) {
			const gram = Math.floor((length + 1) / 2);
			group = { length, gram, set: new Set(), filter: new Uint8Array(2 ** (FILTER_BITS - 3)) };
			byLength.set(length, group);
		}
		for (let i = 0; i + length <= form.length; i++) group.set.add(form.slice(i, i + length));
		for (let i = 0; i + group.gram <= form.length; i++) {
			const bit = gramBit(form, i, group.gram);
			group.filter[bit >>> 3] |= 1 << (bit & 7);
		}
	}
	return [...byLength.values()];
}

/** Where the text repeats a fragment, or undefined when it repeats none (the usual case). */
function maskedPositions(text: string, groups: Fragments[]): boolean[] | undefined {
	let masked: boolean[] | undefined;
	for (const { length, gram, set, filter } of groups) {
		for (let piece = 0; piece + gram <= text.length; piece += gram) {
			const bit = gramBit(text, piece, gram);
			if ((filter[bit >>> 3] & (1 << (bit & 7))) === 0) continue;
			const last = Math.min(piece, text.length - length);
			for (let start = Math.max(0, piece + gram - length); start <= last; start++) {
				if (!set.has(text.slice(start, start + length))) continue;
				masked ??= new Array<boolean>(text.length).fill(false);
				masked.fill(true, start, start + length);
			}
		}
	}
	return masked;
}

function maskOnce(text: string, groups: Fragments[]): string {
	const masked = maskedPositions(text, groups);
	if (!masked) return text;
	let out = '';
	for (let i = 0; i < text.length; i++) {
		if (!masked[i]) out += text[i];
		else if (i === 0 || !masked[i - 1]) out += MASK;
	}
	return out;
}

export type Redactor = (text: string) => string;

/**
 * `redact` for many texts with the same secrets: the fragments are gathered once. A text shorter
 * than the shortest fragment is returned as it is.
 */
export function redactor(forms: string[]): Redactor {
	if (!forms.length) return (text) => text;
	const groups = fragmentsByLength(forms);
	const shortest = Math.min(...groups.map((group) => group.length));
	return (text) => {
		if (!text || text.length < shortest) return text;
		let current = text;
		for (;;) {
			const next = maskOnce(current, groups);
			if (next === current) return next;
			current = next;
		}
	};
}

const redactors = new WeakMap<string[], Redactor>();

/**
 * Replaces every run of characters that repeats a fragment of a secret form by
 * `***`. Repeated until nothing changes, so a mask next to other text cannot
 * form a new fragment (each round shortens the text, so this ends).
 */
export function redact(text: string, forms: string[]): string {
	if (!forms.length || !text) return text;
	let redactText = redactors.get(forms);
	if (!redactText) {
		redactText = redactor(forms);
		redactors.set(forms, redactText);
	}
	return redactText(text);
}

/** A JSON value with every string (and key) redacted; the same object where nothing changed. */
export function redactJson<T>(value: T, clean: Redactor): T {
	if (typeof value === 'string') return clean(value) as T;
	if (Array.isArray(value)) {
		let copy: unknown[] | undefined;
		value.forEach((entry: unknown, index) => {
			const scrubbed = redactJson(entry, clean);
			if (scrubbed === entry) return;
			copy ??= [...value];
			copy[index] = scrubbed;
		});
		return (copy ?? value) as T;
	}
	if (
		value === null ||
		typeof value !== 'object' ||
		Object.getPrototypeOf(value) !== Object.prototype
	)
		return value;
	const object = value as Record<string, unknown>;
	let copy: Record<string, unknown> | undefined;
	for (const key in object) {
		if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
		const entry = object[key];
		const scrubbedKey = clean(key);
		const scrubbed = redactJson(entry, clean);
		if (scrubbedKey === key && scrubbed === entry) continue;
		copy ??= { ...object };
		if (scrubbedKey !== key) delete copy[key];
		copy[scrubbedKey] = scrubbed;
	}
	return (copy ?? value) as T;
}

const CACHED_REDACTORS = 8;
const byCredential = new Map<string, Redactor>();

/**
 * The redactor for a credential's secrets, built once for the same secrets (a run sends thousands
 * of requests with one credential). Keyed by a hash of the secrets, never by the secrets themselves.
 */
export function credentialRedactor(
	credentials: ICredentialDataDecryptedObject,
	...tokens: Array<string | undefined>
): Redactor {
	const forms = [...secretForms(credentials), ...secretFormsOf(tokens)];
	const key = createHash('sha256').update(forms.join('\u0000')).digest('hex');
	let found = byCredential.get(key);
	if (!found) {
		found = redactor(forms);
		byCredential.set(key, found);
		while (byCredential.size > CACHED_REDACTORS)
			byCredential.delete(byCredential.keys().next().value!);
	}
	return found;
}
