import {
	budgetMessage,
	runBudget,
	runCost,
} from '../../nodes/DocSpaceAdmin/helpers/offboarding/budget';
import type { Plan } from '../../nodes/DocSpaceAdmin/helpers/offboarding/plan';
import { overTodaysWrites } from '../../nodes/DocSpaceAdmin/helpers/offboarding/runMany';
import { STEPS } from '../../nodes/DocSpaceAdmin/helpers/offboarding/steps';
import { state } from '../harness/steps';

/** Jane's plan with these steps still to do (the others already done). */
const plan = (pending: string[]): Plan => ({
	...state(),
	steps: STEPS.map((s) => ({
		step: s.name,
		status: pending.includes(s.name) ? 'pending' : 'alreadyDone',
		detail: '',
	})),
	warnings: [],
	blockers: [],
});

/** A leaver with a workspace: disable, reassign, archive room, its members, the move, the audit. */
const WITH_WORKSPACE = [
	'disable',
	'reassign',
	'createArchiveRoom',
	'archiveAccess',
	'moveWorkspace',
	'auditSummary',
];

describe('The budget of a run of many offboardings', () => {
	it('counts each pending step once with its read-back, and disables in lists of 100', () => {
		expect(runCost(plan(WITH_WORKSPACE))).toEqual({ reads: 18, writes: 4, dailyWrites: 4 });
		expect(runCost(plan([]))).toEqual({ reads: 3, writes: 0, dailyWrites: 0 });
		const budget = runBudget(Array.from({ length: 250 }, () => plan(WITH_WORKSPACE)));
		// 4 writes each, and 3 lists of disables.
		expect(budget).toMatchObject({
			leavers: 250,
			writes: 1003,
			dailyWrites: 1003,
			requests: 250 * 18 + 1003,
			fitsInADay: true,
			days: [{ leavers: 250, dailyWrites: 1003 }],
			limits: { requestsPerMinute: 1500, writesInFlight: 15, writesPerDay: 10_000 },
		});
		expect(budget.minutesAtLimit).toBe(3.7);
		expect(budgetMessage(budget)).toBe(
			"Running 250 offboardings takes about 5,503 requests to DocSpace, 1,003 of them writes (1,003 count against the day's 10,000): at least 3.7 minutes at DocSpace's limit of 1,500 requests a minute, plus the time DocSpace takes to hand over data and move folders. It fits in one day's write allowance (if this account makes no other writes today).",
		);
	});

	it('splits a run that does not fit in a day into days, in the leavers’ order', () => {
		const withReports = [...WITH_WORKSPACE, 'storeReport'];
		const budget = runBudget(Array.from({ length: 3000 }, () => plan(withReports)));
		expect(budget.fitsInADay).toBe(false);
		expect(budget.days.map((d) => d.leavers)).toEqual([1661, 1339]);
		expect(budget.days[0].dailyWrites).toBeLessThanOrEqual(10_000);
		expect(budgetMessage(budget)).toContain(
			"It does not fit in one day's write allowance: this run offboards the first 1,661 and refuses the other 1,339 before changing anything for them; run those on the next day (1,339).",
		);
		// Run refuses the leavers past the first day before it changes anything.
		const node = { name: 'DocSpace Admin', type: 'docSpaceAdmin', parameters: {} };
		const refused = overTodaysWrites(
			{ getNode: () => node } as never,
			Array.from({ length: 3000 }, (_, itemIndex) => ({ itemIndex, plan: plan(withReports) })),
		);
		expect([...refused.keys()]).toEqual(Array.from({ length: 1339 }, (_, i) => 1661 + i));
		expect(refused.get(1661)!.message).toBe("Over today's DocSpace write allowance [item 1661]");
		expect((refused.get(1661) as Error & { description: string }).description).toMatch(
			/Run this item again tomorrow\. Nothing was changed for it\.$/,
		);
	});
});
