import { RETRY } from '../../nodes/DocSpaceAdmin/transport';
import { useSandbox } from '../harness/sandbox';
import { disableAndGetUnderFaults } from './nothingLost.shared';

const current = useSandbox({ extraUsers: 10_000, limits: { perMinute: 10_000_000, writesPerDay: 1_000_000 } });

// The backoff schedule itself is covered by the transport tests; here only the outcome counts.
const { firstDelayMs } = RETRY;
beforeAll(() => (RETRY.firstDelayMs = 20));
afterAll(() => (RETRY.firstDelayMs = firstDelayMs));

it('10,000 items under 5 % 429s and 1 % resets: one paired item per input, and the portal agrees', async () => {
	const figures = await disableAndGetUnderFaults(current(), 10_000);
	console.log(`Nothing lost: ${JSON.stringify(figures)}`);
	expect(figures).toMatchObject({ items: 10_000, disableItems: 10_000, getItems: 10_000, paired: true, stateMismatches: 0 });
	expect(figures.refusedWith429).toBeGreaterThan(0);
	// Every request the rate limiter refused is resent, reads and writes alike: no error item comes from a 429.
	expect(figures.errorsFrom429).toBe(0);
	expect(figures.getErrors).toBe(0);
	// A status batch whose connection dropped is sent once more (setting a status is idempotent): no error item either.
	expect(figures.writeBatchesReset).toBeGreaterThan(0);
	expect(figures.disableErrors).toBe(0);
}, 600_000);
