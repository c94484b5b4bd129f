/**
 * The baseline an n8n user would wire for "disable these users": n8n's own HTTP Request node
 * (n8n-nodes-base, run by the same engine), one PUT per item, spaced with its Batching option.
 */
import { API_KEYS } from '../sandbox/seed';
import type { Sandbox } from '../sandbox/server';
import type { WorkflowFile } from '../test/harness/runWorkflow';
import { runBaseWorkflow } from './common';

export interface Batching {
	/** Items per batch: the node sends a batch's requests at once. */
	batchSize: number;
	/** Pause before each batch after the first (ms). The node does not wait for the previous batch's answers. */
	batchInterval: number;
}

export const HTTP_NODE = 'HTTP Request';

export function httpRequestWorkflow(
	sandbox: Sandbox,
	items: Array<{ id: string }>,
	batching: Batching,
): WorkflowFile {
	return {
		id: 'bench-http-request',
		name: 'disable with HTTP Request',
		active: false,
		nodes: [
			{
				parameters: {},
				id: 'b0000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
			{
				parameters: {
					method: 'PUT',
					url: `${sandbox.origin}/api/2.0/people/status/2`,
					sendHeaders: true,
					headerParameters: {
						parameters: [{ name: 'Authorization', value: `Bearer ${API_KEYS.owner}` }],
					},
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={ "userIds": ["{{ $json.id }}"], "resendAll": false }',
					options: {
						batching: {
							batch: { batchSize: batching.batchSize, batchInterval: batching.batchInterval },
						},
					},
				},
				id: 'b0000000-0000-4000-8000-000000000002',
				name: HTTP_NODE,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
			},
		],
		connections: { Start: { main: [[{ node: HTTP_NODE, type: 'main' as never, index: 0 }]] } },
		pinData: { Start: items.map((json) => ({ json })) },
		settings: { executionOrder: 'v1' },
	} as unknown as WorkflowFile;
}

export async function runHttpRequest(
	sandbox: Sandbox,
	items: Array<{ id: string }>,
	batching: Batching,
) {
	// The node prints each failed request to the console; the run's 429s are counted instead.
	const saved = { log: console.log, warn: console.warn, error: console.error };
	console.log = console.warn = console.error = () => undefined;
	try {
		return await runBaseWorkflow(httpRequestWorkflow(sandbox, items, batching), HTTP_NODE);
	} finally {
		Object.assign(console, saved);
	}
}

export const describeBatching = (b: Batching) =>
	`Items per Batch ${b.batchSize}, Batch Interval ${b.batchInterval} ms`;
