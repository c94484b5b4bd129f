/**
 * DocSpace's concurrency limiter lets a user have 15 POST/PUT/DELETE requests
 * running at once and answers the 16th with an immediate 429 (queue length 0:
 * reference/docspace-api.md §1.6). The transport keeps one execution's writes
 * to one portal within that, so parallel work does not provoke the 429s it
 * would then have to wait out. Reads are not limited here.
 */
export const MAX_WRITES_IN_FLIGHT = 15;

interface Slots {
	inFlight: number;
	waiting: Array<() => void>;
}

const slotsByKey = new Map<string, Slots>();

export type Release = () => void;

/** Waits for one of the write slots of `key` (execution and portal origin); resolves with its release. */
export async function acquireWriteSlot(key: string): Promise<Release> {
	const slots = slotsByKey.get(key) ?? { inFlight: 0, waiting: [] };
	slotsByKey.set(key, slots);
	if (slots.inFlight >= MAX_WRITES_IN_FLIGHT) {
		await new Promise<void>((resolve) => slots.waiting.push(resolve));
	} else {
		slots.inFlight++;
	}
	let released = false;
	return () => {
		if (released) return;
		released = true;
		const next = slots.waiting.shift();
		// The slot passes straight to the next waiter; the count stays the same.
		if (next) return next();
		slots.inFlight--;
		if (slots.inFlight === 0) slotsByKey.delete(key);
	};
}

/** Writes currently running for `key` (for tests and diagnostics). */
export function writesInFlight(key: string): number {
	return slotsByKey.get(key)?.inFlight ?? 0;
}
