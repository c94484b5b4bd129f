import { useSandbox } from '../harness/sandbox';
import { disableAndGetUnderFaults } from './nothingLost.shared';

const current = useSandbox({ extraUsers: 1000, limits: { perMinute: 1_000_000 } });

it('1,000 items under 5 % 429s and 1 % resets: one paired item per input, and the portal agrees', async () => {
	const figures = await disableAndGetUnderFaults(current(), 1000);
	console.log(`Nothing lost: ${JSON.stringify(figures)}`);
	expect(figures).toMatchObject({ items: 1000, disableItems: 1000, getItems: 1000, paired: true, stateMismatches: 0 });
	expect(figures.faultsInjected).toBeGreaterThan(0);
	expect(figures.getErrors).toBe(0);
});
