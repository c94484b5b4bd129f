import { join } from 'path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { apiKeyCredentials } from './portal';
import { jsonOf, loadWorkflow, runWorkflow, singleNodeWorkflow } from './runWorkflow';
import { API_KEYS, sandboxCredentials } from './sandbox';

// What the tests of the operations (test/actions/) share: the workflows of test/workflows/, and the
// DocSpace Admin node alone behind a Manual Trigger, run through n8n-core with "Continue on Fail" on.

type Parameters = Record<string, unknown>;
type Credentials = Record<string, Record<string, unknown>>;

/** `test/workflows/<name>.workflow.json`, whose pinned data holds what each node should return. */
export const workflow = (name: string) =>
	loadWorkflow(join(__dirname, '../workflows', `${name}.workflow.json`));

/** A fresh copy of the nock portal's API-key credential (see `portal()`). */
export const portalCredentials = () =>
	structuredClone(apiKeyCredentials) as unknown as Record<string, Record<string, string>>;

/** A resource locator set "By ID", as the editor saves it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** User → Disable of the user whose ID each input item carries. */
export const disableEach = {
	resource: 'user',
	operation: 'disable',
	user: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
};

/** Data Reassignment → Start from Jane to Bob. */
export const reassign = (extra: Parameters = {}) => ({
	resource: 'reassignment',
	operation: 'start',
	fromUser: byId(IDS.jane),
	toUser: byId(IDS.bob),
	...extra,
});

/** The output items of one run on `input`; the workflow itself must not fail. */
export async function runItems(
	parameters: Parameters,
	input: Array<Record<string, unknown>>,
	credentials: Credentials,
): Promise<INodeExecutionData[]> {
	const { output, errors } = await runWorkflow(
		singleNodeWorkflow(parameters, input as never, { continueOnFail: true }),
		credentials as never,
	);
	expect(errors).toEqual({});
	return output['DocSpace Admin'];
}

/**
 * The helpers of a test file that uses the sandbox of `current` (from `useSandbox`): its seeded IDs and
 * folders, its request log, and runs of the node with the owner's credential unless told otherwise.
 */
export function operations(current: () => Sandbox) {
	/** The first item's JSON of a run on one empty item. */
	const first = async (
		parameters: Parameters,
		credentials: Credentials = sandboxCredentials(current()),
	): Promise<IDataObject> => jsonOf(await runItems(parameters, [{}], credentials))[0];
	return {
		id: (key: string) => current().state.ids[key],
		folder: (key: string) => current().state.folders[key],
		/** The requests the sandbox received with `method` and a path matching `path`. */
		requests: (method: string, path: RegExp) =>
			current().log.filter((r) => r.method === method && path.test(r.path)),
		/** Each item's JSON, and the index of the input item it is paired with. */
		paired: async (
			parameters: Parameters,
			input: Array<Record<string, unknown>> = [{}],
			key = API_KEYS.owner,
		) => {
			const items = await runItems(
				parameters,
				input,
				sandboxCredentials(current(), { apiKey: key }),
			);
			return {
				json: jsonOf(items),
				paired: items.map((i) => (i.pairedItem as { item: number }).item),
			};
		},
		/** Each item's JSON of a run on one empty item, with the API key `apiKey`. */
		json: async (parameters: Parameters, apiKey = API_KEYS.owner): Promise<IDataObject[]> =>
			jsonOf(await runItems(parameters, [{}], sandboxCredentials(current(), { apiKey }))),
		first,
		/** User → Disable of Jane, which Data Reassignment and Data Removal require. */
		disableJane: async () => {
			await first({ resource: 'user', operation: 'disable', user: byId(IDS.jane) });
		},
	};
}
