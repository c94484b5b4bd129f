import type { Sandbox } from '../../sandbox/server';
import { sandboxCredentials } from '../harness/sandbox';
import { runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

/**
 * Disables and then reads `count` users while the portal answers 5 % of requests
 * with 429 and drops 1 % of connections (`resetEvery`). Returns what a user would check: one item
 * per input, paired to it, and a portal state that agrees with the items.
 */
export async function disableAndGetUnderFaults(sandbox: Sandbox, count: number, resetEvery = 100) {
	sandbox.faults = [
		{ status: 429, retryAfter: 0, every: 20 },
		{ reset: true, every: resetEvery },
	];
	const users = sandbox.state.users.filter((u) => u.email.startsWith('bench.')).slice(0, count);
	const input = users.map((u) => ({ id: u.id }));
	const credentials = sandboxCredentials(sandbox) as never;
	const locator = { __rl: true, mode: 'id', value: '={{ $json.id }}' };

	const disable = await runWorkflow(
		singleNodeWorkflow({ resource: 'user', operation: 'disable', user: locator }, input, {
			continueOnFail: true,
		}),
		credentials,
	);
	const disabled = disable.output['DocSpace Admin'];
	const get = await runWorkflow(
		singleNodeWorkflow(
			{ resource: 'user', operation: 'get', user: locator, output: 'simplified' },
			input,
			{ continueOnFail: true },
		),
		credentials,
	);
	const read = get.output['DocSpace Admin'];

	const pairedInOrder = (items: typeof disabled) =>
		items.every((item, i) => (item.pairedItem as { item: number }).item === i);
	let stateMismatches = 0;
	disabled.forEach((item, i) => {
		const status = sandbox.state.user(users[i].id)!.status;
		if (item.json.error ? status !== 1 : status !== 2) stateMismatches++;
	});
	const rateLimited = (items: typeof disabled) =>
		items.filter((i) => /rate limit|daily limit/.test(String(i.json.error ?? ''))).length;
	return {
		items: count,
		disableItems: disabled.length,
		disableErrors: disabled.filter((i) => i.json.error).length,
		errorsFrom429: rateLimited(disabled) + rateLimited(read),
		getItems: read.length,
		getErrors: read.filter((i) => i.json.error).length,
		paired: pairedInOrder(disabled) && pairedInOrder(read),
		stateMismatches,
		faultsInjected: sandbox.log.filter((r) => r.status === 429 || r.status === -1).length,
		refusedWith429: sandbox.log.filter((r) => r.status === 429).length,
		writeBatchesReset: sandbox.log.filter((r) => r.method === 'PUT' && r.status === -1).length,
		requests: sandbox.log.length,
	};
}
