import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { API_KEYS, IDS } from '../../sandbox/seed';
import { byId, runItems as runNodeItems } from './operations';
import { jsonOf } from './runWorkflow';
import { sandboxCredentials, useSandbox } from './sandbox';

// What the tests of Offboarding → Preview and → Run share (test/actions/offboarding/): two settings of
// the sandbox, each with its Offboarding parameters and its way of running the node.

type Parameters = Record<string, unknown>;
type Operation = 'preview' | 'run';

/** Fast jobs: a reassignment takes 9 × 30 ms. */
const SPEED = { speed: { taskStepMs: 30, fileOpMs: 60 } };

export const ARCHIVE_TITLE = `Archive – Jane Doe (${IDS.jane})`;

/** Each step's status in a Run report, by step name. */
export const statuses = (report: Record<string, unknown>) =>
	Object.fromEntries(
		(report.steps as Array<{ step: string; status: string }>).map((s) => [s.step, s.status]),
	);
/** A Preview's plan as `step:status`, in order. */
export const plannedSteps = (preview: Record<string, unknown>) =>
	(preview.plan as Array<{ step: string; status: string }>).map((s) => `${s.step}:${s.status}`);
/** One step of a Run report. */
export const reportedStep = (report: Record<string, unknown>, name: string) =>
	(report.steps as Array<{ step: string; status: string; detail: string; readBack?: string }>).find(
		(s) => s.step === name,
	)!;
/** One step of a Preview's plan. */
export const plannedStep = (preview: Record<string, unknown>, name: string) =>
	(preview.plan as Array<{ step: string; status: string; detail: string }>).find(
		(s) => s.step === name,
	)!;

/**
 * Jane leaves for Bob; her workspace goes into a new archive room the HR group may read. A colleague
 * (Liam) can see her workspace today, through the team room it sits in.
 */
export function useArchiveOffboarding() {
	const current = useSandbox(SPEED);
	beforeEach(() => {
		const sandbox = current();
		const workspaces = sandbox.state.entry(sandbox.state.folders['room:workspaces'])!;
		workspaces.shares[sandbox.state.ids.liam] = 10;
	});
	return {
		current,
		offboarding: (operation: Operation, extra: Parameters = {}) => {
			const { state } = current();
			return {
				resource: 'offboarding',
				operation,
				user: byId(IDS.jane),
				recipient: byId(IDS.bob),
				workspaceFolderId: String(state.folders['workspace:jane']),
				archiveInto: 'newRoom',
				archiveRoomTitle: '',
				readOnlyGroupId: state.ids['group:hr'],
				archiveTheRoom: false,
				finalStep: 'keep',
				report: { attachFiles: false },
				...extra,
			};
		},
		/** The first item's JSON of a run with the API key `apiKey`. */
		run: async (parameters: Parameters, apiKey = API_KEYS.owner): Promise<IDataObject> =>
			jsonOf(await runNodeItems(parameters, [{}], sandboxCredentials(current(), { apiKey })))[0],
		archiveRoom: () => {
			const { state } = current();
			return state.entries.find((e) => e.title === ARCHIVE_TITLE && state.isRoom(e));
		},
	};
}

/**
 * Jane leaves for Bob, without a workspace folder. She manages Engineering, and is a member of two
 * rooms she does not own ("Company Workspaces" as room manager, "HR Policies" as viewer).
 */
export function useAccessOffboarding() {
	const current = useSandbox(SPEED);
	beforeEach(() => {
		const { state } = current();
		const engineering = state.ids['group:engineering'];
		state.groups.find((g) => g.id === engineering)!.managerId = IDS.jane;
		state.entry(state.folders['room:workspaces'])!.shares[IDS.jane] = 10;
		state.entry(state.folders['room:hr'])!.shares[IDS.jane] = 2;
	});
	const runItems = (parameters: Parameters, input = [{}]): Promise<INodeExecutionData[]> =>
		runNodeItems(parameters, input, sandboxCredentials(current()));
	return {
		current,
		offboarding: (operation: Operation, extra: Parameters = {}) => ({
			resource: 'offboarding',
			operation,
			user: byId(IDS.jane),
			recipient: byId(IDS.bob),
			workspaceFolderId: '',
			finalStep: 'keep',
			report: { attachFiles: false },
			...extra,
		}),
		runItems,
		/** The first item's JSON of a run on one empty item. */
		run: async (parameters: Parameters) => jsonOf(await runItems(parameters))[0],
	};
}
