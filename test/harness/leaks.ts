/**
 * The leak definition the redaction tests check, written independently of the
 * code under test: a secret leaks when any substring of it — trimmed, or
 * trimmed and URL-encoded — of length min(8, its length) appears in a text.
 * (Every longer leaked substring contains such a fragment; the whitespace a
 * paste adds around a secret is not part of it.)
 */
export const LEAK_FRAGMENT_LENGTH = 8;

function formsOf(secret: string): string[] {
	const trimmed = secret.trim();
	return [...new Set([trimmed, encodeURIComponent(trimmed)])].filter((form) => form.length >= 4);
}

/** The fragments of `secret` found in `text`, empty when nothing leaked. */
export function leakedFragments(text: string, secret: string): string[] {
	const found = new Set<string>();
	for (const form of formsOf(secret)) {
		const length = Math.min(LEAK_FRAGMENT_LENGTH, form.length);
		for (let i = 0; i + length <= form.length; i++) {
			const fragment = form.slice(i, i + length);
			if (text.includes(fragment)) found.add(fragment);
		}
	}
	return [...found];
}

const STACK_FRAME = /\n\s+at /;

/** Every string reachable from a value: an error's own and inherited fields, its cause chain, nested objects. */
export function stringsIn(value: unknown, seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') return [value];
	if (value === null || typeof value !== 'object' || seen.has(value)) return [];
	seen.add(value);
	const keys = new Set([
		...Object.getOwnPropertyNames(value),
		...(value instanceof Error ? ['message', 'stack', 'cause', 'description'] : []),
	]);
	return [...keys].flatMap((key) => {
		const field = (value as Record<string, unknown>)[key];
		// A stack's frames name the test's own functions and files; only its first line is the error's text.
		return key === 'stack' && typeof field === 'string'
			? [field.split(STACK_FRAME)[0]]
			: stringsIn(field, seen);
	});
}

/** Secrets with a fragment in any of the texts, with what leaked. */
export function leaks(
	texts: string[],
	secrets: string[],
): Array<{ secret: string; fragments: string[] }> {
	return secrets
		.map((secret) => ({
			secret,
			fragments: [...new Set(texts.flatMap((text) => leakedFragments(text, secret)))],
		}))
		.filter((leak) => leak.fragments.length > 0);
}
