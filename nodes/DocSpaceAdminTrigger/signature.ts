import { createHmac, timingSafeEqual } from 'crypto';

export const SIGNATURE_HEADER = 'x-docspace-signature-256';

/** `sha256=` + upper-case hex HMAC-SHA256 of the raw body, as DocSpace signs deliveries. */
export function signBody(body: Buffer | string, secret: string): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex').toUpperCase()}`;
}

/** Whether `header` is DocSpace's signature of `body`; constant-time, case-insensitive hex. */
export function isValidSignature(body: Buffer | string, header: unknown, secret: string): boolean {
	if (typeof header !== 'string' || !secret) return false;
	const expected = Buffer.from(signBody(body, secret));
	const received = Buffer.from(`sha256=${header.replace(/^sha256=/i, '').toUpperCase()}`);
	return received.length === expected.length && timingSafeEqual(received, expected);
}
