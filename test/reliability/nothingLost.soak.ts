import { useSandbox } from '../harness/sandbox';
import { disableAndGetUnderFaults } from './nothingLost.shared';

const current = useSandbox({
	extraUsers: 30_000,
	limits: { perMinute: 10_000_000, writesPerDay: 1_000_000 },
});

it.each([10_000, 30_000])(
	'%i items under 5 % 429s and 1 % resets: one paired item per input, and the portal agrees',
	async (count) => {
		const figures = await disableAndGetUnderFaults(current(), count);
		console.log(`Soak: ${JSON.stringify(figures)}`);
		expect(figures).toMatchObject({
			items: count,
			disableItems: count,
			getItems: count,
			paired: true,
			stateMismatches: 0,
		});
		expect(figures.getErrors).toBe(0);
		expect(figures.errorsFrom429).toBe(0);
		expect(figures.disableErrors).toBe(0);
	},
	1_800_000,
);
