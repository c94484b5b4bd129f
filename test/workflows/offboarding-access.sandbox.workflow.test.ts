import type { INodeExecutionData } from 'n8n-workflow';

import { CLIENT_IDS, IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

const current = useSandbox({ speed: { taskStepMs: 30, fileOpMs: 60 } });
let sandbox: Sandbox;
let engineering: string;
beforeEach(() => {
	sandbox = current();
	const state = sandbox.state;
	engineering = state.ids['group:engineering'];
	// Jane manages Engineering, and is a member of two rooms she does not own.
	state.groups.find((g) => g.id === engineering)!.managerId = IDS.jane;
	state.entry(state.folders['room:workspaces'])!.shares[IDS.jane] = 10;
	state.entry(state.folders['room:hr'])!.shares[IDS.jane] = 2;
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function offboarding(operation: 'preview' | 'run', extra: Record<string, unknown> = {}) {
	return {
		resource: 'offboarding',
		operation,
		user: byId(IDS.jane),
		recipient: byId(IDS.bob),
		workspaceFolderId: '',
		finalStep: 'keep',
		report: { attachFiles: false },
		...extra,
	};
}

async function runItems(
	parameters: Record<string, unknown>,
	input = [{}],
): Promise<INodeExecutionData[]> {
	const { output, errors } = await runWorkflow(
		singleNodeWorkflow(parameters, input, { continueOnFail: true }),
		sandboxCredentials(sandbox) as never,
	);
	expect(errors).toEqual({});
	return output['DocSpace Admin'];
}
const run = async (parameters: Record<string, unknown>) => jsonOf(await runItems(parameters))[0];
const step = (report: Record<string, unknown>, name: string) =>
	(report.steps as Array<{ step: string; status: string; detail: string }>).find(
		(s) => s.step === name,
	)!;
const planned = (preview: Record<string, unknown>, name: string) =>
	(preview.plan as Array<{ step: string; status: string; detail: string }>).find(
		(s) => s.step === name,
	)!;

describe('Offboarding: every door the leaver could still open', () => {
	it('Preview lists the groups, the rooms (and why some stay), the API keys and OAuth apps, and writes nothing', async () => {
		const preview = await run(offboarding('preview'));
		expect(sandbox.writes()).toEqual([]);
		expect(preview).toMatchObject({
			canRun: true,
			groups: [{ id: engineering, name: 'Engineering', manages: true }],
			managedGroups: [{ id: engineering, name: 'Engineering' }],
			rooms: [
				{ title: 'Company Workspaces', willLeave: true },
				{
					title: 'HR Policies',
					willLeave: false,
					reason: 'the credential’s user is not a room manager there',
				},
			],
			apiKeys: [{ name: 'Jane scripts' }],
			oauthApps: [{ id: CLIENT_IDS.jane, name: 'Jane report exporter' }],
		});
		expect(planned(preview, 'leaveGroups').detail).toBe(
			'Make Bob Brown manager of "Engineering", then remove Jane Doe from "Engineering"',
		);
		expect(planned(preview, 'leaveRooms').detail).toBe('Remove Jane Doe from "Company Workspaces"');
		expect(planned(preview, 'revokeKeysAndApps').detail).toBe(
			'Revoke 1 API key(s) ("Jane scripts") and delete 1 OAuth app(s) ("Jane report exporter") of Jane Doe',
		);
		expect(preview.warnings).toEqual([
			expect.stringContaining(
				'Jane Doe stays a member of "HR Policies" (the credential’s user is not a room manager there)',
			),
			expect.stringContaining('revoke the consents the leaver gave to OAuth apps'),
		]);
	});

	it('Run closes them, hands the managed group over, and a second run changes nothing', async () => {
		const report = await run(offboarding('run'));
		expect(report).toMatchObject({ success: true });
		const state = sandbox.state;
		const group = state.groups.find((g) => g.id === engineering)!;
		expect(group.managerId).toBe(IDS.bob);
		expect(state.user(IDS.jane)!.groups).not.toContain(engineering);
		expect(state.entry(state.folders['room:workspaces'])!.shares[IDS.jane]).toBeUndefined();
		expect(state.entry(state.folders['room:hr'])!.shares[IDS.jane]).toBe(2);
		expect(state.apiKeys.some((k) => k.userId === IDS.jane)).toBe(false);
		expect(state.clients.some((c) => c.clientId === CLIENT_IDS.jane)).toBe(false);
		expect(step(report, 'leaveRooms').detail).toBe(
			'Jane Doe removed from "Company Workspaces"; still a member of "HR Policies" (the credential’s user is not a room manager there)',
		);
		// The new manager is set before the leaver leaves: DocSpace keeps a removed member as manager otherwise.
		const writes = sandbox.writes().map((r) => `${r.method} ${r.path}`);
		expect(writes.indexOf(`PUT /group/${engineering}/manager`)).toBeLessThan(
			writes.indexOf(`DELETE /group/${engineering}/members`),
		);

		sandbox.log.length = 0;
		const again = await run(offboarding('run'));
		expect(sandbox.writes()).toEqual([]);
		expect(again).toMatchObject({ success: true, changed: false });
		expect([
			step(again, 'leaveGroups').status,
			step(again, 'leaveRooms').status,
			step(again, 'revokeKeysAndApps').status,
		]).toEqual(['alreadyDone', 'skipped', 'alreadyDone']);
	});

	it('keeps a form filler in the room unless told to remove them anyway', async () => {
		sandbox.state.entry(sandbox.state.folders['room:workspaces'])!.formRoles = [IDS.jane];
		const kept = await run(offboarding('run'));
		expect(step(kept, 'leaveRooms').detail).toContain(
			'still a member of "HR Policies" (the credential’s user is not a room manager there), "Company Workspaces" (fills in forms there',
		);
		expect(sandbox.state.entry(sandbox.state.folders['room:workspaces'])!.shares[IDS.jane]).toBe(
			10,
		);
		const forced = await run(offboarding('run', { removeFormFillers: true }));
		expect(step(forced, 'leaveRooms').status).toBe('done');
		expect(
			sandbox.state.entry(sandbox.state.folders['room:workspaces'])!.shares[IDS.jane],
		).toBeUndefined();
	});

	it('blocks a new group manager DocSpace would silently ignore', async () => {
		const preview = await run(
			offboarding('preview', { newGroupManagerId: sandbox.state.ids.gina }),
		);
		expect(preview.blockers).toEqual([
			'Gina Guest cannot manage groups: choose an active user who is not a guest as the new group manager.',
		]);
	});

	it('attaches the report as a CSV and an HTML file, and stores them in the archive room', async () => {
		const [item] = await runItems(
			offboarding('run', {
				workspaceFolderId: String(sandbox.state.folders['workspace:jane']),
				report: { attachFiles: true, storeIn: 'archiveRoom' },
			}),
		);
		const csv = Buffer.from(item.binary!.reportCsv.data, 'base64').toString('utf8');
		expect(item.binary!.reportCsv).toMatchObject({
			mimeType: 'text/csv',
			fileName: `offboarding-jane-doe-${IDS.jane.slice(0, 8)}.csv`,
		});
		expect(csv.split('\r\n')[0]).toBe('order,step,status,detail,error,durationSeconds');
		expect(csv).toContain('"1","disable","done","Jane Doe disabled; sessions ended","",');
		const html = Buffer.from(item.binary!.reportHtml.data, 'base64').toString('utf8');
		expect(html).toContain('<h1>Offboarding of Jane Doe</h1>');
		expect(html).toContain('Bob Brown (room manager)');
		const stored = item.json.storedReport as { files: Array<{ id: number; title: string }> };
		const room = sandbox.state.entries.find((e) => e.title === `Archive – Jane Doe (${IDS.jane})`)!;
		expect(stored.files.map((f) => sandbox.state.entry(f.id)!.parentId)).toEqual([
			room.id,
			room.id,
		]);
		// The stored report is the run up to storing it; the attached one goes on to the end.
		const storedCsv = String(sandbox.state.entry(stored.files[0].id)!.content);
		expect(csv.startsWith(storedCsv)).toBe(true);
		expect(storedCsv).toContain('"auditSummary","done"');
	});

	it('stores the report before the room goes to the Archive, and a rerun adds versions, not copies', async () => {
		const workspaceFolderId = String(sandbox.state.folders['workspace:jane']);
		const first = await run(
			offboarding('run', {
				workspaceFolderId,
				report: { attachFiles: false, storeIn: 'archiveRoom' },
			}),
		);
		expect(first.success).toBe(true);
		const room = sandbox.state.entries.find((e) => e.title === `Archive – Jane Doe (${IDS.jane})`)!;
		const reports = () =>
			sandbox.state
				.children(room.id)
				.filter((e) => e.kind === 'file' && /\.(csv|html)$/.test(e.title));
		expect(reports().map((f) => [f.title, f.version])).toEqual([
			[`offboarding-jane-doe-${IDS.jane.slice(0, 8)}.csv`, 1],
			[`offboarding-jane-doe-${IDS.jane.slice(0, 8)}.html`, 1],
		]);

		const second = await run(
			offboarding('run', {
				workspaceFolderId,
				archiveTheRoom: true,
				report: { attachFiles: false, storeIn: 'archiveRoom' },
			}),
		);
		expect(second).toMatchObject({ success: true, storedReport: { folderId: room.id } });
		const steps = (second.steps as Array<{ step: string; status: string }>).map(
			(s) => `${s.step}:${s.status}`,
		);
		expect(steps.slice(-2)).toEqual(['storeReport:done', 'archiveTheRoom:done']);
		expect(room.parentId).toBe(sandbox.state.folders.archiveRoot);
		expect(reports().map((f) => [f.title, f.version])).toEqual([
			[`offboarding-jane-doe-${IDS.jane.slice(0, 8)}.csv`, 2],
			[`offboarding-jane-doe-${IDS.jane.slice(0, 8)}.html`, 2],
		]);

		// Once the room is in the Archive, which accepts no new file, a rerun says so and writes nothing.
		const writes = sandbox.writes().length;
		const third = await run(
			offboarding('run', {
				workspaceFolderId,
				archiveTheRoom: true,
				report: { attachFiles: false, storeIn: 'archiveRoom' },
			}),
		);
		expect(third).toMatchObject({ success: true, changed: false });
		expect(third.warnings).toContain(
			`The report cannot be stored in "Archive – Jane Doe (${IDS.jane})": it is in DocSpace’s Archive. Store it in a folder, or restore the room first.`,
		);
		expect(sandbox.writes()).toHaveLength(writes);
	});

	it('refuses to start when the report has nowhere to go, before changing anything', async () => {
		const refused = await run(offboarding('run', { report: { storeIn: 'folder', folderId: '' } }));
		expect(refused.error).toBe("Missing value in the parameter 'Report Folder ID' [item 0]");
		expect(sandbox.writes()).toEqual([]);
	});

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
