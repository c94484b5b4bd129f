import { disableEach, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();

const { id, paired: run, requests } = operations(current);

describe('User → Disable, then Enable (batched)', () => {
	it('sends one request per item when "Send Together" is off, and enables', async () => {
		const three = ['jane', 'liam', 'olivia'].map((k) => ({ id: id(k) }));
		await run({ ...disableEach, options: { sendTogether: false } }, three);
		expect(requests('PUT', /^\/people\/status\/2$/)).toHaveLength(3);
		const { json } = await run({ ...disableEach, operation: 'enable' }, three);
		expect(json.map((u) => u.status)).toEqual(['active', 'active', 'active']);
	});
});
