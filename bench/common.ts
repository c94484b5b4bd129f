/** What every benchmark shares: a sandbox per run, the node through n8n-core's engine, the table. */
import { API_KEYS } from '../sandbox/seed';
import type { Sandbox, SandboxOptions } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import type { WorkflowFile } from '../test/harness/runWorkflow';
import { runWorkflow, singleNodeWorkflow } from '../test/harness/runWorkflow';
import { sandboxCredentials } from '../test/harness/sandbox';

export interface Row {
	benchmark: string;
	figure: string;
	node: string;
	baseline: string;
	target: string;
	met: boolean;
}

export async function withSandbox<T>(
	options: SandboxOptions,
	body: (sandbox: Sandbox) => Promise<T>,
): Promise<T> {
	const sandbox = await startSandbox(options);
	try {
		return await body(sandbox);
	} finally {
		await sandbox.stop();
	}
}

/** Runs one DocSpace Admin node on these items; throws when the node failed. */
export async function runNode(
	sandbox: Sandbox,
	parameters: Record<string, unknown>,
	input: Array<Record<string, unknown>> = [{}],
) {
	const { output, errors } = await runWorkflow(
		singleNodeWorkflow(parameters, input as never),
		sandboxCredentials(sandbox) as never,
	);
	if (Object.keys(errors).length)
		throw new Error(`node failed: ${JSON.stringify(errors).slice(0, 500)}`);
	return output['DocSpace Admin'];
}

/** Runs a workflow of n8n-nodes-base nodes (no credentials); returns the named node's output or error. */
export async function runBaseWorkflow(workflow: WorkflowFile, nodeName: string) {
	const { output, errors } = await runWorkflow(workflow, {});
	return { items: output[nodeName] ?? [], error: errors[nodeName] };
}

/** A plain HTTP client call, as a script would make it. */
export function api(sandbox: Sandbox, method: string, route: string, body?: unknown) {
	return fetch(`${sandbox.origin}/api/2.0${route}`, {
		method,
		headers: { Authorization: `Bearer ${API_KEYS.owner}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	}).then(async (r) => {
		if (!r.ok) throw new Error(`${method} ${route}: HTTP ${r.status}`);
		return (await r.json()) as { response?: any; total?: number };
	});
}

export const writes = (sandbox: Sandbox) => sandbox.log.filter((r) => r.method !== 'GET').length;
export const tooMany = (sandbox: Sandbox) => sandbox.log.filter((r) => r.status === 429).length;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
