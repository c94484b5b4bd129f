/**
 * The leak definition for encoded echoes, written independently of the code under test
 * (nodes/DocSpaceAdmin/transport/redact.ts): a secret leaks when a text contains 8 consecutive
 * characters of one of its forms below (or the whole of a shorter form).
 *
 * Forms of the trimmed secret: as is, URL-encoded, base64 of it alone and of `Bearer <secret>`
 * (padded and not, standard and URL alphabet), hex (lower and upper case), and the characters
 * that stand for the secret alone when it sits inside base64 of a longer text, at each of the
 * three byte alignments. Those are found here by experiment, not by arithmetic: the secret is
 * encoded between neighbours of all-zero bits and again between neighbours of all-one bits, and
 * only the characters that come out the same both times are kept (a character with any bit of a
 * neighbour in it differs).
 */
export const FRAGMENT = 8;

const b64 = (bytes: Buffer) => bytes.toString('base64');
const url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_');
const unpadded = (base64: string) => base64.replace(/=+$/, '');

/** The characters of base64(prefix + secret + suffix) that depend on the secret's bytes alone. */
function secretOnlyCharacters(secret: Buffer, offset: number): string {
	const around = (fill: number) =>
		b64(Buffer.concat([Buffer.alloc(offset, fill), secret, Buffer.alloc(3, fill)]));
	const zeros = around(0x00);
	const ones = around(0xff);
	let run = '';
	let best = '';
	for (let i = 0; i < zeros.length; i++) {
		if (zeros[i] === ones[i]) run += zeros[i];
		else {
			if (run.length > best.length) best = run;
			run = '';
		}
	}
	return run.length > best.length ? run : best;
}

export function encodedFormsOf(secret: string, extra: string[] = []): string[] {
	const trimmed = secret.trim();
	const bytes = Buffer.from(trimmed, 'utf8');
	const whole = b64(bytes);
	const header = b64(Buffer.from(`Bearer ${trimmed}`, 'utf8'));
	const base64 = [whole, unpadded(whole), header, unpadded(header), ...extra];
	for (let offset = 0; offset < 3; offset++) base64.push(secretOnlyCharacters(bytes, offset));
	const hex = bytes.toString('hex');
	return [
		...new Set([
			trimmed,
			encodeURIComponent(trimmed),
			...base64,
			...base64.map(url),
			hex,
			hex.toUpperCase(),
		]),
	].filter((form) => form.length >= 4);
}

/** The fragments of the secret's forms found in the text; empty when nothing leaked. */
export function encodedLeaks(text: string, forms: string[]): string[] {
	const found = new Set<string>();
	for (const form of forms) {
		const length = Math.min(FRAGMENT, form.length);
		for (let i = 0; i + length <= form.length; i++) {
			const fragment = form.slice(i, i + length);
			if (text.includes(fragment)) found.add(fragment);
		}
	}
	return [...found];
}

/** The Basic credential n8n sends when it refreshes an OAuth2 token. */
export function basicOf(clientId: string, clientSecret: string): string {
	return b64(Buffer.from(`${clientId}:${clientSecret}`, 'utf8'));
}

/** The ways a hostile server or proxy may echo a value it was sent, encoded. */
export const ENCODED_ECHOES: Record<string, (value: string) => string> = {
	plain: (value) => value,
	'URL-encoded': (value) => encodeURIComponent(value),
	'base64 of the bare value': (value) => b64(Buffer.from(value)),
	'base64 of the bare value, unpadded': (value) => unpadded(b64(Buffer.from(value))),
	'base64 of Bearer <value>': (value) => b64(Buffer.from(`Bearer ${value}`)),
	'base64url of Bearer <value>, unpadded': (value) =>
		unpadded(url(b64(Buffer.from(`Bearer ${value}`)))),
	'base64url of the bare value, padded': (value) => url(b64(Buffer.from(value))),
	'inside base64 of a longer text, offset 0': (value) => b64(Buffer.from(`abc${value}","next":1}`)),
	'inside base64 of a longer text, offset 1': (value) =>
		b64(Buffer.from(`abcd${value}","next":1}`)),
	'inside base64 of a longer text, offset 2': (value) =>
		b64(Buffer.from(`abcde${value}","next":1}`)),
	'inside base64url of a longer text, offset 1': (value) =>
		url(b64(Buffer.from(`{"h":"${value}"}`))),
	'inside base64 of the echoed request headers': (value) =>
		b64(Buffer.from(JSON.stringify({ headers: { authorization: `Bearer ${value}`, a: 1 } }))),
	hex: (value) => Buffer.from(value).toString('hex'),
	HEX: (value) => Buffer.from(value).toString('hex').toUpperCase(),
};
