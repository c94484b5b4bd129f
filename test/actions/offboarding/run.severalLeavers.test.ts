import type { Sandbox } from '../../../sandbox/server';
import { byId } from '../../harness/operations';
import { useAccessOffboarding } from '../../harness/offboarding';

const { current, offboarding, runItems } = useAccessOffboarding();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

describe('Offboarding → Run: several leavers at once', () => {
	it('offboards several leavers side by side, each report paired to its item', async () => {
		const leavers = ['paula', 'victor', 'greg'].map((key) => ({ userId: sandbox.state.ids[key] }));
		const items = await runItems(
			offboarding('run', {
				user: byId('={{ $json.userId }}'),
				report: { attachFiles: false, parallel: 3 },
			}),
			leavers,
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items.map((i) => (i.json.user as { id: string }).id)).toEqual(
			leavers.map((l) => l.userId),
		);
		expect(items.every((i) => i.json.success === true)).toBe(true);
	});

	it('runs a leaver given twice only once, and says which item had them first', async () => {
		const paula = { userId: sandbox.state.ids.paula };
		const items = await runItems(
			offboarding('run', {
				user: byId('={{ $json.userId }}'),
				report: { attachFiles: false, parallel: 2 },
			}),
			[paula, paula],
		);
		expect(items[0].json.success).toBe(true);
		expect(items[1].json.error).toBe('The same leaver is also in item 0 [item 1]');
	});
});
