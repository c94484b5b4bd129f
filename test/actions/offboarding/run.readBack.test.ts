import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../../harness/runWorkflow';
import { sandboxCredentials, useSandbox } from '../../harness/sandbox';

// Offboarding → Run reads the portal back after each step it ran, and a step whose read-back
// disagrees with what DocSpace answered is a failure with what was found.
const current = useSandbox({ speed: { taskStepMs: 20, fileOpMs: 40 } });
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
	const state = sandbox.state;
	// Jane manages Engineering and is a member of it.
	state.groups.find((g) => g.id === state.ids['group:engineering'])!.managerId = IDS.jane;
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const run = async (extra: Record<string, unknown> = {}) => {
	const { output, errors } = await runWorkflow(
		singleNodeWorkflow(
			{
				resource: 'offboarding',
				operation: 'run',
				user: byId(IDS.jane),
				recipient: byId(IDS.bob),
				workspaceFolderId: String(sandbox.state.folders['workspace:jane']),
				archiveInto: 'newRoom',
				archiveRoomTitle: '',
				readOnlyGroupId: sandbox.state.ids['group:hr'],
				finalStep: 'deleteProfile',
				report: { attachFiles: false },
				...extra,
			},
			[{}],
			{ continueOnFail: true },
		),
		sandboxCredentials(sandbox) as never,
	);
	expect(errors).toEqual({});
	return jsonOf(output['DocSpace Admin'])[0] as {
		success: boolean;
		failedStep?: string;
		failureReason?: string;
		steps: Array<{ step: string; status: string; readBack?: string; error?: string }>;
	};
};
const readBacks = (report: Awaited<ReturnType<typeof run>>) =>
	Object.fromEntries(report.steps.filter((s) => s.readBack).map((s) => [s.step, s.readBack]));

describe('Offboarding → Run reads back what it claims', () => {
	it('records, for each step it ran, what the portal shows afterwards', async () => {
		const report = await run();
		expect(report.success).toBe(true);
		const room = `Archive – Jane Doe (${IDS.jane})`;
		expect(readBacks(report)).toEqual({
			disable: 'the profile is disabled (status 2); the status change ended its sessions',
			reassign: 'Jane Doe owns no room and shares no file any more',
			leaveGroups: 'Jane Doe is in none of those groups and manages none',
			revokeKeysAndApps:
				'no API key of Jane Doe is listed any more; no OAuth app of Jane Doe is listed any more',
			createArchiveRoom: `the room "${room}" exists; its title carries the leaver's user ID`,
			archiveAccess: expect.stringMatching(/^the room's members: .*Bob Brown.*HR/),
			moveWorkspace: `"Workspace – Jane Doe" is in "${room}"`,
			finalize: `no profile has the ID ${IDS.jane} any more`,
		});
	});

	it('fails a step DocSpace answered as done but did not do, and changes nothing after it', async () => {
		// The portal answers the removal from the group with success and keeps Jane in it.
		sandbox.faults.push({ method: 'DELETE', path: '^/group/[^/]+/members$', status: 200 });
		const report = await run();
		expect(report).toMatchObject({ success: false, failedStep: 'leaveGroups' });
		expect(report.failureReason).toMatch(/^Read back, DocSpace shows Jane Doe still in "/);
		const status = Object.fromEntries(report.steps.map((s) => [s.step, s.status]));
		expect(status).toMatchObject({
			disable: 'done',
			reassign: 'done',
			leaveGroups: 'failed',
			createArchiveRoom: 'skipped',
			moveWorkspace: 'skipped',
			finalize: 'skipped',
		});
		expect(sandbox.state.user(IDS.jane)).toBeDefined();
	});
});
