import { createHash } from 'crypto';

// What DocSpace sends, read from ONLYOFFICE/DocSpace-server:
// - common/ASC.Webhooks.Core/WebhookPayload.cs, WebhookPayload constructor: the body is
//   {event: {id, createOn, createBy, trigger, triggerId}, payload, webhook: {id, name, url, triggers,
//   retryCount, retryOn, lastFailureOn, …}}, camelCase; createOn is GetShortUtcNow(): UTC, whole seconds,
//   set once when the event is published.
// - WebhookSender.cs, WebhookSender.Send (namespace ASC.Webhooks: the webhook service,
//   common/services/ASC.Webhooks.Service): event.id = entry.Id, the id of the
//   delivery-log record, the same on every retry of that record; a retry changes webhook.retryCount /
//   retryOn / lastFailure* (so the body and its signature differ) but keeps event.id and event.createOn.
//   Headers: x-docspace-signature-256 = "sha256=" + upper-case hex HMAC-SHA256 of the body,
//   x-docspace-event-id = entry.Id, x-docspace-event-timestamp = $"{createOn:s}Z" (e.g. 2026-09-17T10:22:56Z).
//   Older servers send the signature only, so the two copies are optional here.
// - common/ASC.Webhooks.Core/Contract/docspace-webhooks.yaml: event.id is the idempotency key; the two
//   headers are not signed, so they may refuse a delivery but never accept one: event.id and
//   event.createOn from the verified body decide.

export const EVENT_ID_HEADER = 'x-docspace-event-id';
export const EVENT_TIMESTAMP_HEADER = 'x-docspace-event-timestamp';

/**
 * A DocSpace delivery is a few kilobytes: one profile, group (no member list), file, folder or room
 * DTO and the subscription (docspace-webhooks.yaml payload schemas). 1 MiB is hundreds of times that,
 * and bounds what is hashed, parsed and handed to the workflow.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * How old (by event.createOn) a delivery may be. DocSpace's automatic retries keep createOn, and the
 * contract gives them ~31 s (5 attempts, exponential from 1 s) with a 30 s timeout per attempt
 * (WebhookSender._requestTimeout): 10 minutes covers them with room for queueing and clock drift.
 * The newest sender takes its retry intervals from settings (Settings.RetryIntervals, GetNextAttemptOn);
 * a retry, or an admin's manual resend from the delivery log, that comes later is refused (422), and
 * DocSpace's log shows it.
 */
export const MAX_DELIVERY_AGE_MS = 10 * 60_000;

/** How far in the future createOn may be: the portal's clock and n8n's may differ a little. */
export const MAX_CLOCK_SKEW_MS = 2 * 60_000;

/** How many accepted deliveries are remembered (newest by createOn); older ones are refused by age. */
export const MAX_REMEMBERED = 1000;

/** A delivery refused while another copy of it, in this n8n process, has not been answered yet. */
const PENDING_MS = 60_000;

/** Accepted deliveries: [event id, createOn in ms]. */
export type Remembered = Array<[string, number]>;

export interface Memory {
	deliveries: Remembered;
	/** createOn of the newest delivery dropped while still inside the age window (overflow). */
	horizon?: number;
}

/**
 * The node's static data keeps `deliveries` as one object, event id → createOn in ms: n8n wraps every
 * nested object of static data in a Proxy each time it loads the workflow (n8n-workflow
 * ObservableObject.create), so 1,000 entries as pairs would cost 1,000 proxies per request.
 */
export interface StoredMemory {
	deliveries?: unknown;
	deliveriesHorizon?: unknown;
}

/** event.createOn (or its header copy) in ms; DocSpace writes UTC, so no zone means UTC. */
export function parseTimestamp(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const m =
		/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(
			value.trim(),
		);
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m;
	const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
	let time = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
	if (zone.toUpperCase() !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.replace(/[^0-9]/g, '');
		time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
	}
	return Number.isFinite(time) ? time : undefined;
}

/** event.id (or its header copy) as a string. It is an int32 record id on the server, so only a
 * positive integer (or its decimal string) passes: nothing else becomes a key of the stored object. */
export function parseEventId(value: unknown): string | undefined {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	return /^[1-9][0-9]{0,15}$/.test(text) ? text : undefined;
}

/** Why a delivery's time is refused, or undefined when it is fresh. */
export function staleness(
	createOn: number,
	now: number,
	horizon?: number,
): 'stale' | 'future' | undefined {
	if (now - createOn > MAX_DELIVERY_AGE_MS) return 'stale';
	if (createOn - now > MAX_CLOCK_SKEW_MS) return 'future';
	if (horizon !== undefined && createOn <= horizon) return 'stale';
	return undefined;
}

/** The remembered deliveries read from static data, ignoring anything malformed. */
export function readMemory(data: StoredMemory): Memory {
	const stored = data.deliveries;
	const deliveries: Remembered = [];
	// Written by writeMemory only (ids checked by parseEventId then); a number is all that is checked here.
	if (typeof stored === 'object' && stored !== null && !Array.isArray(stored))
		for (const [id, createOn] of Object.entries(stored as Record<string, unknown>))
			if (typeof createOn === 'number') deliveries.push([id, createOn]);
	const horizon = typeof data.deliveriesHorizon === 'number' ? data.deliveriesHorizon : undefined;
	return { deliveries, horizon };
}

/** Writes `memory` into the node's static data (which marks it changed, so n8n saves it). */
export function writeMemory(data: StoredMemory, memory: Memory): void {
	data.deliveries = Object.fromEntries(memory.deliveries);
	if (memory.horizon === undefined) delete data.deliveriesHorizon;
	else data.deliveriesHorizon = memory.horizon;
}

/** Forgets the remembered deliveries, as a new or removed webhook (and so a new secret) needs. */
export function forgetDeliveries(data: StoredMemory): void {
	delete data.deliveries;
	delete data.deliveriesHorizon;
}

/**
 * `a` and `b` together, without duplicates or entries old enough to be refused by age anyway, and at
 * most MAX_REMEMBERED of them (the newest by createOn). When a dropped entry is still inside the
 * window, `horizon` rises to its createOn and no delivery that old is accepted any more: nothing
 * accepted is ever both forgotten and fresh enough to pass again.
 */
export function merge(a: Memory, b: Memory, now: number): Memory {
	const oldest = now - MAX_DELIVERY_AGE_MS;
	const byId = new Map<string, number>();
	for (const list of [a.deliveries, b.deliveries])
		for (const [id, createOn] of list) if (createOn >= oldest) byId.set(id, createOn);
	let deliveries: Remembered = [...byId];
	const horizons = [a.horizon, b.horizon].filter(
		(h): h is number => h !== undefined && h >= oldest,
	);
	if (deliveries.length > MAX_REMEMBERED) {
		deliveries.sort((x, y) => x[1] - y[1]);
		const dropped = deliveries.slice(0, deliveries.length - MAX_REMEMBERED);
		deliveries = deliveries.slice(-MAX_REMEMBERED);
		horizons.push(dropped[dropped.length - 1][1]);
	}
	return { deliveries, horizon: horizons.length ? Math.max(...horizons) : undefined };
}

interface Registration {
	memory: Memory;
	/** Accepted here, not yet answered by n8n: only a 2xx answer makes a delivery remembered. */
	pending: Map<string, { createOn: number; since: number }>;
}

/**
 * What this n8n process accepted, per trigger registration. n8n reads a webhook workflow's static data
 * from its database at the start of each request and writes it back once the webhook has answered
 * (cli webhooks/live-webhooks.ts executeWebhook → WorkflowStaticDataService.saveStaticData), so two
 * requests in flight at once each see the list without the other: a copy sent twice at the same moment
 * would pass both, and one request's write drops the other's id. This copy closes both gaps within one
 * process; several main or webhook processes share only the database copy.
 */
export class ProcessMemory {
	private readonly registrations = new Map<string, Registration>();

	constructor(private readonly maxRegistrations = 100) {}

	/** One registration: the workflow, the node and the webhook secret (hashed; never kept). */
	static key(workflowId: unknown, nodeId: unknown, secret: string): string {
		const digest = createHash('sha256').update(secret).digest('hex').slice(0, 16);
		return `${String(workflowId)}:${String(nodeId)}:${digest}`;
	}

	private registration(key: string): Registration {
		let found = this.registrations.get(key);
		if (!found) {
			found = { memory: { deliveries: [] }, pending: new Map() };
			this.registrations.set(key, found);
			while (this.registrations.size > this.maxRegistrations)
				this.registrations.delete(this.registrations.keys().next().value!);
		}
		return found;
	}

	memory(key: string): Memory {
		return this.registrations.get(key)?.memory ?? { deliveries: [] };
	}

	isPending(key: string, id: string, now: number): boolean {
		const pending = this.registrations.get(key)?.pending.get(id);
		return pending !== undefined && now - pending.since <= PENDING_MS;
	}

	begin(key: string, id: string, createOn: number, now: number): void {
		const { pending } = this.registration(key);
		for (const [i, p] of pending) if (now - p.since > PENDING_MS) pending.delete(i);
		pending.set(id, { createOn, since: now });
		while (pending.size > MAX_REMEMBERED) pending.delete(pending.keys().next().value!);
	}

	/** n8n answered the delivery: remembered when the answer was 2xx, forgotten otherwise. */
	settle(key: string, id: string, answered2xx: boolean, now: number): void {
		const registration = this.registrations.get(key);
		const pending = registration?.pending.get(id);
		if (!registration || !pending) return;
		registration.pending.delete(id);
		if (answered2xx)
			registration.memory = merge(
				registration.memory,
				{ deliveries: [[id, pending.createOn]] },
				now,
			);
	}

	/** Forgets everything, as a restart of n8n does. */
	forget(): void {
		this.registrations.clear();
	}

	/** Deliveries held, pending ones included (for the bound). */
	size(): number {
		let n = 0;
		for (const r of this.registrations.values()) n += r.memory.deliveries.length + r.pending.size;
		return n;
	}
}

/** Deliveries this n8n process accepted; the database copy is the node's static data. */
export const processMemory = new ProcessMemory();
