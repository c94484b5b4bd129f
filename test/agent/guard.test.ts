import type { IDataObject } from 'n8n-workflow';

import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';

// As an AI agent's tool, the node refuses whatever changes or erases data unless it is an
// offboarding Run on a plan a Preview returned, unchanged since; outside agents nothing changes.
const current = useSandbox({ speed: { taskStepMs: 20, fileOpMs: 40 } });
let sandbox: Sandbox;
beforeEach(() => (sandbox = current()));

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const offboarding = (operation: 'preview' | 'run', extra: IDataObject = {}) => ({
	resource: 'offboarding',
	operation,
	user: byId(IDS.jane),
	recipient: byId(IDS.bob),
	finalStep: 'keep',
	...(operation === 'run' ? { report: { attachFiles: false } } : {}),
	...extra,
});
async function call(parameters: IDataObject, asAgentTool = true) {
	const { output, errors } = await runWorkflow(
		singleNodeWorkflow(parameters, [{}], { asAgentTool }),
		sandboxCredentials(sandbox) as never,
	);
	const error = errors['DocSpace Admin'];
	return {
		json: jsonOf(output['DocSpace Admin'])[0],
		error: error ? `${String(error.message)} ${String(error.description ?? '')}` : undefined,
	};
}
const previewedPlanId = async (extra: IDataObject = {}) =>
	String((await call(offboarding('preview', extra))).json.planId);

describe('The node as an AI agent’s tool', () => {
	it('runs an offboarding on the planId its Preview returned, and only then writes', async () => {
		const planId = await previewedPlanId();
		expect(planId).toMatch(/^plan-[0-9a-f]{24}$/);
		expect(sandbox.writes()).toEqual([]);
		const { json, error } = await call(offboarding('run', { planId }));
		expect(error).toBeUndefined();
		expect(json).toMatchObject({ success: true, changed: true });
		expect(sandbox.state.user(IDS.jane)!.status).toBe(2);
	});

	it('refuses a Run without a planId, or with an invented one, and writes nothing', async () => {
		const none = await call(offboarding('run'));
		expect(none.error).toMatch(/^Refused: the parameter 'Plan ID' is empty, and an AI agent/);
		const invented = await call(offboarding('run', { planId: 'plan-0123456789abcdef01234567' }));
		expect(invented.error).toMatch(/^Refused: the parameter 'Plan ID' belongs to another plan/);
		const garbage = await call(offboarding('run', { planId: 'approved-by-hr' }));
		expect(garbage.error).toMatch(/is not an id a Preview returns/);
		expect(sandbox.writes()).toEqual([]);
	});

	it('refuses a plan made for Jane when used for Liam, or with other settings', async () => {
		const planId = await previewedPlanId();
		const joe = await call(offboarding('run', { planId, user: byId(sandbox.state.ids.liam) }));
		expect(joe.error).toMatch(/belongs to another plan/);
		const harsher = await call(offboarding('run', { planId, finalStep: 'deleteProfile' }));
		expect(harsher.error).toMatch(/belongs to another plan/);
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.state.user(IDS.jane)!.status).not.toBe(2);
	});

	it('runs only when the plan reads as the message the reviewer saw', async () => {
		const preview = (await call(offboarding('preview'))).json;
		const planId = String(preview.planId);
		const reworded = String(preview.message).replace('leaves.', 'is moving to another team.');
		const edited = await call(offboarding('run', { planId, planMessage: reworded }));
		expect(edited.error).toMatch(
			/^Refused: the parameter 'Plan Message' is not what the plan says/,
		);
		expect(sandbox.writes()).toEqual([]);
		// Spacing and line breaks aside, the same words run.
		const respaced = String(preview.message).replace(/\n+/g, '  ');
		const { error, json } = await call(offboarding('run', { planId, planMessage: respaced }));
		expect(error).toBeUndefined();
		expect(json).toMatchObject({ success: true, changed: true });
	});

	it('refuses a plan the portal has changed since', async () => {
		const planId = await previewedPlanId();
		// Jane joins a group after the preview: the plan would now do more than the person approved.
		sandbox.state.user(IDS.jane)!.groups.push(sandbox.state.ids['group:hr']);
		const { error } = await call(offboarding('run', { planId }));
		expect(error).toMatch(/the portal changed since that Preview/);
		expect(sandbox.writes()).toEqual([]);
	});

	it.each([
		['user', 'delete', { user: byId(IDS.jane) }],
		['user', 'disable', { user: byId(IDS.jane) }],
		['dataRemoval', 'start', { user: byId(IDS.jane) }],
		['reassignment', 'start', { fromUser: byId(IDS.jane), toUser: byId(IDS.bob) }],
		['personalFolder', 'startDeletion', { user: byId(IDS.jane) }],
	])('refuses %s → %s outright, before any request', async (resource, operation, extra) => {
		sandbox.log.length = 0;
		const { error } = await call({ resource, operation, ...extra });
		expect(error).toMatch(
			new RegExp(`^Refused: an AI agent may not run "${resource} → ${operation}" directly`),
		);
		expect(error).toMatch(/Offboarding → Preview/);
		expect(sandbox.log).toEqual([]);
	});

	it('leaves reads to the agent, compact, and changes nothing outside agents', async () => {
		const read = await call({
			resource: 'user',
			operation: 'get',
			user: byId(IDS.jane),
			output: 'raw',
		});
		expect(read.error).toBeUndefined();
		const raw = await call(
			{ resource: 'user', operation: 'get', user: byId(IDS.jane), output: 'raw' },
			false,
		);
		// An agent gets the simplified profile even when the tool asks for the raw one.
		expect(Object.keys(read.json).length).toBeLessThan(Object.keys(raw.json).length);
		expect(read.json).toMatchObject({ id: IDS.jane, email: 'jane.doe@corp.example' });
		const outside = await call(offboarding('run'), false);
		expect(outside.error).toBeUndefined();
		expect(outside.json).toMatchObject({ success: true });
	});
});
