import { IDS } from '../../../sandbox/seed';
import {
	LISTS_AT_ONCE,
	MAX_IDS_PER_REQUEST,
} from '../../../nodes/DocSpaceAdmin/helpers/statusBatch';
import { sandboxCredentials, useSandbox } from '../../harness/sandbox';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../../harness/runWorkflow';

const USERS = 450;
const current = useSandbox({ extraUsers: USERS, latencyMs: 20 });

describe('User → Disable, many lists', () => {
	it('sends the lists of 100 side by side, at most LISTS_AT_ONCE, and still isolates a refused user', async () => {
		const sandbox = current();
		const extra = sandbox.state.users.filter((u) => u.email.startsWith('bench.'));
		const input = extra.map((u) => ({ id: u.id }));
		input.splice(250, 0, { id: IDS.owner });

		const { output, errors } = await runWorkflow(
			singleNodeWorkflow(
				{
					resource: 'user',
					operation: 'disable',
					user: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				},
				input as never,
				{ continueOnFail: true },
			),
			sandboxCredentials(sandbox) as never,
		);
		expect(errors).toEqual({});
		const items = output['DocSpace Admin'];
		const json = jsonOf(items);
		expect(items.map((i) => (i.pairedItem as { item: number }).item)).toEqual(
			input.map((_, i) => i),
		);
		expect(json[250].error).toBe('Could not disable the user: access denied');
		expect(json.filter((j) => j.status === 'disabled')).toHaveLength(USERS);
		expect(sandbox.state.user(IDS.owner)!.status).toBe(1);

		const lists = Math.ceil(input.length / MAX_IDS_PER_REQUEST);
		const puts = sandbox.log.filter((r) => r.method === 'PUT' && r.path === '/people/status/2');
		// One refused list of 100 is halved down to the owner: 2 × log2(100) more requests at most.
		expect(puts.length).toBeGreaterThan(lists);
		expect(puts.length).toBeLessThanOrEqual(lists + 14);
		expect(sandbox.peakWritesInFlight).toBeGreaterThan(1);
		expect(sandbox.peakWritesInFlight).toBeLessThanOrEqual(LISTS_AT_ONCE);
	});
});
