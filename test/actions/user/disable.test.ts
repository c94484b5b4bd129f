import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { disableEach, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { id, paired: run, requests } = operations(current);

describe('User → Disable (batched)', () => {
	it('disables five users with one request', async () => {
		const five = ['jane', 'liam', 'olivia', 'noah', 'emma'].map((k) => ({ id: id(k) }));
		const { json, paired } = await run(disableEach, five);
		expect(json.map((u) => u.status)).toEqual([
			'disabled',
			'disabled',
			'disabled',
			'disabled',
			'disabled',
		]);
		expect(paired).toEqual([0, 1, 2, 3, 4]);
		expect(requests('PUT', /^\/people\/status\/2$/)).toHaveLength(1);
		expect(sandbox.log.filter((r) => r.method === 'GET')).toEqual([]);
	});

	it('still disables the others when the owner is in the batch, with one error item for the owner', async () => {
		const batch = ['jane', 'liam', 'owner', 'noah', 'emma'].map((k) => ({ id: id(k) }));
		const { json, paired } = await run(disableEach, batch);
		expect(paired).toEqual([0, 1, 2, 3, 4]);
		expect(json[2]).toEqual({
			error: 'Could not disable the user: access denied',
			description: expect.stringContaining(
				'the owner, your own account and LDAP users cannot be changed',
			),
		});
		expect([0, 1, 3, 4].map((i) => json[i].status)).toEqual([
			'disabled',
			'disabled',
			'disabled',
			'disabled',
		]);
		expect(sandbox.state.user(IDS.owner)!.status).toBe(1);
		expect(requests('PUT', /^\/people\/status\/2$/).length).toBeLessThanOrEqual(5);
	});

	it('reports a bad id for its own item, before any request', async () => {
		const { json } = await run(disableEach, [{ id: '../people/@self' }, { id: IDS.jane }]);
		expect(json[0].error).toBe("Invalid value in the parameter 'User' [item 0]");
		expect(json[1].status).toBe('disabled');
		expect(requests('PUT', /status/)[0].body).toEqual({ userIds: [IDS.jane], resendAll: false });
	});
});
