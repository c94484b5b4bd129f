import { RETRY } from '../../nodes/DocSpaceAdmin/transport';
import { useSandbox } from '../harness/sandbox';
import { disableAndGetUnderFaults } from './nothingLost.shared';

const current = useSandbox({
	extraUsers: 2_000,
	limits: { perMinute: 10_000_000, writesPerDay: 1_000_000 },
});

// The backoff schedule itself is covered by the transport tests; here only the outcome counts.
const { firstDelayMs } = RETRY;
beforeAll(() => (RETRY.firstDelayMs = 20));
afterAll(() => (RETRY.firstDelayMs = firstDelayMs));

// 2,000 items keep `npm test` short; the soak (npm run test:soak) runs 10,000 and 30,000.
it('2,000 items under 5 % 429s and resets: one paired item per input, and the portal agrees', async () => {
	// Every 19th request dropped, so some Disable batches lose their connection too.
	const figures = await disableAndGetUnderFaults(current(), 2_000, 19);
	console.log(`Nothing lost: ${JSON.stringify(figures)}`);
	expect(figures).toMatchObject({
		items: 2_000,
		disableItems: 2_000,
		getItems: 2_000,
		paired: true,
		stateMismatches: 0,
	});
	expect(figures.refusedWith429).toBeGreaterThan(0);
	// Every request the rate limiter refused is resent, reads and writes alike: no error item comes from a 429.
	expect(figures.errorsFrom429).toBe(0);
	expect(figures.getErrors).toBe(0);
	// A status batch whose connection dropped is sent once more (setting a status is idempotent): no error item either.
	expect(figures.writeBatchesReset).toBeGreaterThan(0);
	expect(figures.disableErrors).toBe(0);
}, 600_000);
