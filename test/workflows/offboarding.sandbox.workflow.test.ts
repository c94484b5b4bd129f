import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

const current = useSandbox({ speed: { taskStepMs: 30, fileOpMs: 60 } });
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
	// Someone else can see Jane's workspace before she leaves.
	sandbox.state.entry(sandbox.state.folders['workspace:jane'])!.shares[sandbox.state.ids.liam] = 10;
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function offboarding(operation: 'preview' | 'run', extra: Record<string, unknown> = {}) {
	return {
		resource: 'offboarding',
		operation,
		user: byId(IDS.jane),
		recipient: byId(IDS.bob),
		workspaceFolderId: String(sandbox.state.folders['workspace:jane']),
		archiveFolderId: String(sandbox.state.folders.archive),
		readOnlyGroupId: sandbox.state.ids['group:hr'],
		removeOtherAccess: true,
		finalStep: 'keep',
		...extra,
	};
}

async function run(parameters: Record<string, unknown>) {
	const { output, errors } = await runWorkflow(singleNodeWorkflow(parameters, [{}], { continueOnFail: true }), sandboxCredentials(sandbox) as never);
	expect(errors).toEqual({});
	return jsonOf(output['DocSpace Admin'])[0];
}

const statuses = (report: Record<string, unknown>) =>
	Object.fromEntries((report.steps as Array<{ step: string; status: string }>).map((s) => [s.step, s.status]));

describe('Offboarding → Preview', () => {
	it('returns the ordered plan with warnings and makes no write request', async () => {
		const preview = await run(offboarding('preview', { finalStep: 'deleteProfile' }));
		expect(sandbox.writes()).toEqual([]);
		expect(preview).toMatchObject({
			user: { id: IDS.jane, status: 'active', type: 'user' },
			recipient: { id: IDS.bob },
			canRun: true,
			blockers: [],
			workspace: { title: 'Workspace – Jane Doe' },
			archiveFolder: { title: 'Archive' },
		});
		expect((preview.ownedRooms as Array<{ title: string }>).map((r) => r.title)).toEqual(['Project Phoenix', 'Sales Deals']);
		expect((preview.plan as Array<{ step: string; status: string }>).map((s) => `${s.step}:${s.status}`)).toEqual([
			'disable:pending',
			'reassign:pending',
			'moveWorkspace:pending',
			'archiveAccess:pending',
			'finalize:pending',
			'auditSummary:pending',
		]);
		expect(preview.warnings).toEqual([expect.stringContaining('cannot be transferred by an admin')]);
	});

	it('names what blocks the plan', async () => {
		const preview = await run(offboarding('preview', { recipient: byId(sandbox.state.ids.liam) }));
		expect(preview.canRun).toBe(false);
		expect(preview.blockers).toEqual(['Liam Chen cannot receive data: choose an active DocSpace admin or room admin.']);
		const refused = await run(offboarding('run', { recipient: byId(sandbox.state.ids.liam) }));
		expect(refused.error).toBe('The offboarding cannot start [item 0]: Liam Chen cannot receive data: choose an active DocSpace admin or room admin.');
		expect(sandbox.writes()).toEqual([]);
	});
});

describe('Offboarding → Run', () => {
	it('offboards in the safe order, and a second run changes nothing', async () => {
		const report = await run(offboarding('run', { finalStep: 'deleteProfile' }));
		expect(report).toMatchObject({ success: true, changed: true });
		expect(statuses(report)).toEqual({
			disable: 'done',
			reassign: 'done',
			moveWorkspace: 'done',
			archiveAccess: 'done',
			finalize: 'done',
			auditSummary: 'done',
		});
		const state = sandbox.state;
		expect(state.user(IDS.jane)).toBeUndefined();
		expect(state.entry(state.folders['room:deals'])!.createdBy).toBe(IDS.bob);
		const workspace = state.entry(state.folders['workspace:jane'])!;
		expect(workspace.parentId).toBe(state.folders.archive);
		expect(workspace.shares).toEqual({ [IDS.bob]: 1, [state.ids['group:hr']]: 2 });
		// The order of the writes is the safe one: nothing is deleted before the transfer finished.
		const writes = sandbox.writes().map((r) => `${r.method} ${r.path}`);
		expect(writes).toEqual([
			'PUT /people/status/2',
			'POST /people/reassign/start',
			'PUT /files/fileops/move',
			`PUT /files/folder/${state.folders['workspace:jane']}/share`,
			`DELETE /people/${IDS.jane}`,
		]);
		const reassignDone = sandbox.log.findIndex((r) => r.path === `/people/reassign/progress/${IDS.jane}` && r.status === 200);
		expect(reassignDone).toBeGreaterThan(-1);
		expect(report.audit).toMatchObject({ available: true });

		sandbox.log.length = 0;
		const again = await run(offboarding('run', { finalStep: 'deleteProfile' }));
		expect(sandbox.writes()).toEqual([]);
		expect(again).toMatchObject({ success: true, changed: false });
		expect(statuses(again)).toEqual({
			disable: 'alreadyDone',
			reassign: 'alreadyDone',
			moveWorkspace: 'alreadyDone',
			archiveAccess: 'alreadyDone',
			finalize: 'alreadyDone',
			auditSummary: 'done',
		});
	});

	it('keeps the disabled profile when asked to, and is idempotent too', async () => {
		await run(offboarding('run'));
		expect(sandbox.state.user(IDS.jane)!.status).toBe(2);
		sandbox.log.length = 0;
		const again = await run(offboarding('run'));
		expect(sandbox.writes()).toEqual([]);
		expect(statuses(again)).toMatchObject({ disable: 'alreadyDone', reassign: 'alreadyDone', moveWorkspace: 'alreadyDone', archiveAccess: 'alreadyDone', finalize: 'skipped' });
	});

	it('stops every destructive step after a failed reassignment', async () => {
		sandbox.setJobFaults({ failTask: { queue: 'reassign', atPercent: 50, message: 'Storage quota exceeded' } });
		const report = await run(offboarding('run', { finalStep: 'removeData' }));
		expect(report).toMatchObject({ success: false, failedStep: 'reassign', failureReason: 'The reassignment failed [item 0]: Storage quota exceeded' });
		expect(statuses(report)).toEqual({
			disable: 'done',
			reassign: 'failed',
			moveWorkspace: 'skipped',
			archiveAccess: 'skipped',
			finalize: 'skipped',
			auditSummary: 'done',
		});
		const state = sandbox.state;
		expect(state.user(IDS.jane)!.status).toBe(2);
		expect(state.myDocuments(IDS.jane)).toBeDefined();
		expect(state.entry(state.folders['workspace:jane'])!.parentId).toBe(state.folders['room:workspaces']);
		expect(sandbox.writes().map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /people/status/2', 'POST /people/reassign/start']);
	});
});
