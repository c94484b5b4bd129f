import { useSandbox } from '../harness/sandbox';
import { disableAndGetUnderFaults } from './nothingLost.shared';

const current = useSandbox({ extraUsers: 30_000, limits: { perMinute: 10_000_000, writesPerDay: 1_000_000 } });

it('30,000 items under 5 % 429s and 1 % resets: one paired item per input, and the portal agrees', async () => {
	const figures = await disableAndGetUnderFaults(current(), 30_000);
	console.log(`Soak: ${JSON.stringify(figures)}`);
	expect(figures).toMatchObject({ items: 30_000, disableItems: 30_000, getItems: 30_000, paired: true, stateMismatches: 0 });
	expect(figures.getErrors).toBe(0);
}, 1_800_000);
