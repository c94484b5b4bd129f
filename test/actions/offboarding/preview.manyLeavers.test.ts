import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox/server';
import { leaverItems, leaverOfEachItem } from '../../harness/bulk';
import { runItems } from '../../harness/operations';
import { sandboxCredentials, useSandbox } from '../../harness/sandbox';

const current = useSandbox({ limits: { perMinute: 1_000_000 } });
let sandbox: Sandbox;
beforeEach(() => (sandbox = current()));

const LEAVERS = 100;
/** Reads that do not grow with the leavers: the caller, recipient, groups, keys, apps, rooms and their members. */
const CONSTANT = 60;

const preview = leaverOfEachItem('preview');
const leaversWithWorkspaces = (count: number) => leaverItems(sandbox, count);

const previewOf = async (input: IDataObject[]) =>
	(await runItems(preview, input, sandboxCredentials(sandbox))).map((i) => i.json);

describe('Offboarding → Preview of many leavers', () => {
	it(`reads what all ${LEAVERS} leavers share once: at most 3 requests per leaver plus a constant, no writes`, async () => {
		const input = leaversWithWorkspaces(LEAVERS);
		const plans = await previewOf(input);
		expect(plans).toHaveLength(LEAVERS);
		expect(plans.every((p) => p.canRun === true)).toBe(true);
		expect(sandbox.writes()).toEqual([]);
		const perLeaver = (path: RegExp) => sandbox.log.filter((r) => path.test(r.path)).length;
		// Theirs alone: the profile, DocSpace's reassignment check (skipped for an owner of active
		// rooms), the workspace folder.
		expect(perLeaver(/^\/people\/email$/)).toBe(LEAVERS + 1);
		expect(perLeaver(/^\/files\/folder\/\d+$/)).toBe(LEAVERS);
		expect(perLeaver(/^\/people\/reassign\/necessary$/)).toBe(LEAVERS * 0.75);
		expect(sandbox.log.length).toBeLessThanOrEqual(3 * LEAVERS + CONSTANT);
		for (const path of [/^\/people\/(@|%40)self$/, /^\/keys$/, /^\/clients$/, /^\/group$/])
			expect(perLeaver(path)).toBe(1);
		// Every item carries the budget of running them all, the same for each.
		expect(plans[0].budget).toMatchObject({ leavers: LEAVERS, fitsInADay: true, days: [{}] });
		expect(plans[99].budget).toEqual(plans[0].budget);
		expect((plans[0].budget as IDataObject).message).toMatch(
			/^Running 100 offboardings takes about [\d,]+ requests to DocSpace, [\d,]+ of them writes .* It fits in one day's write allowance/,
		);
	});

	it('plans each leaver as a Preview of that leaver alone does, step by step and to the same planId', async () => {
		const input = leaversWithWorkspaces(12);
		const together = await previewOf(input);
		sandbox.log.length = 0;
		for (const position of [0, 1, 11]) {
			const [alone] = await previewOf([input[position]]);
			expect(together[position].plan).toEqual(alone.plan);
			expect(together[position].warnings).toEqual(alone.warnings);
			expect(together[position].planId).toBe(alone.planId);
		}
	});

	it('reads again in the next execution: what changed on the portal since shows in the next Preview', async () => {
		const input = leaversWithWorkspaces(5);
		const before = await previewOf(input);
		const revoke = (plan: IDataObject) =>
			(plan.plan as Array<{ step: string; status: string }>).find(
				(s) => s.step === 'revokeKeysAndApps',
			)!.status;
		expect(before.map(revoke)).toEqual(Array(5).fill('alreadyDone'));
		const third = sandbox.state.user(`c0ffee00-0000-4000-8000-${'2'.padStart(12, '0')}`)!;
		sandbox.state.apiKeys.push({
			...sandbox.state.apiKeys[0],
			id: 'f00dfeed-0000-4000-8000-000000000002',
			name: 'Leaver key',
			key: 'sk-leaver-key-2',
			userId: third.id,
		});
		sandbox.state.groups[0].managerId = third.id;
		const after = await previewOf(input);
		expect(after.map(revoke)).toEqual([
			'alreadyDone',
			'alreadyDone',
			'pending',
			'alreadyDone',
			'alreadyDone',
		]);
		expect(after[2].managedGroups).toEqual([
			{ id: sandbox.state.groups[0].id, name: sandbox.state.groups[0].name },
		]);
	});
});
