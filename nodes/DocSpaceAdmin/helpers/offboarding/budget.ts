import type { IDataObject } from 'n8n-workflow';

import { DAILY_WRITE_LIMIT } from '../../transport/errors';
import { MAX_WRITES_IN_FLIGHT } from '../../transport/writeLimiter';
import type { Plan } from './plan';
import { isPending } from './plan';
import type { StepName } from './steps';
import { STEPS } from './steps';
import { MAX_IDS_PER_REQUEST } from '../statusBatch';

/** DocSpace's sliding window: requests of one user per minute, all methods (API notes §1.6). */
export const REQUESTS_PER_MINUTE = 1_500;
/** What Run reads again of each leaver before it changes anything (its plan, as Preview read it). */
const PLAN_READS = 3;
/** Progress reads while a job runs, on average (the poller starts short and follows the job). */
const JOB_POLLS = 3;

/** What a leaver's Run costs: reads, writes (POST/PUT/DELETE), and the writes that count against the day's limit (POST/PUT). */
export interface RunCost {
	reads: number;
	writes: number;
	dailyWrites: number;
}

const cost = (reads: number, posts = 0, deletes = 0): RunCost => ({
	reads,
	writes: posts + deletes,
	dailyWrites: posts,
});

/**
 * Each pending step's requests, with its read-back. Disable is not here: Run disables many leavers
 * in lists (see runMany), so its writes are counted once per list.
 */
const STEP_COSTS: Record<StepName, (plan: Plan) => RunCost> = {
	disable: () => cost(1),
	reassign: () => cost(JOB_POLLS + 2, 1),
	leaveGroups: ({ access }) => cost(2, access.managed.length, access.groups.length),
	leaveRooms: ({ access }) => cost(1, access.rooms.length),
	revokeKeysAndApps: ({ access }) =>
		cost(3 + (access.clients.length ? 1 : 0), 0, access.keys.length + access.clients.length),
	createArchiveRoom: () => cost(1, 1),
	archiveAccess: () => cost(1, 1),
	moveWorkspace: () => cost(JOB_POLLS + 2, 1),
	finalize: ({ settings }) =>
		settings.finalStep === 'removeData' ? cost(JOB_POLLS + 2, 1) : cost(2, 0, 1),
	auditSummary: () => cost(2),
	storeReport: () => cost(0, 2),
	archiveTheRoom: () => cost(JOB_POLLS + 1, 1),
};

/** The requests one leaver's Run will make, from its plan: the steps still to do, each with its read-back. */
export function runCost(plan: Plan): RunCost {
	const total = cost(PLAN_READS);
	STEPS.forEach((step, position) => {
		if (plan.steps[position].status !== 'pending') return;
		const part = STEP_COSTS[step.name](plan);
		total.reads += part.reads;
		total.writes += part.writes;
		total.dailyWrites += part.dailyWrites;
	});
	return total;
}

export interface Budget {
	leavers: number;
	requests: number;
	writes: number;
	/** POST and PUT: what DocSpace counts against the day's 10,000. */
	dailyWrites: number;
	/** The least time the run takes at DocSpace's per-minute limit (job waits come on top). */
	minutesAtLimit: number;
	limits: { requestsPerMinute: number; writesInFlight: number; writesPerDay: number };
	/** The leavers each day's allowance takes, in their order: one entry when the run fits in a day. */
	days: Array<{ leavers: number; dailyWrites: number }>;
	fitsInADay: boolean;
}

/** The budget of running every plan given (the ones that can run), in their order. */
export function runBudget(plans: Plan[]): Budget {
	const costs = plans.map(runCost);
	const lists = Math.ceil(
		plans.filter((plan) => isPending(plan, 'disable')).length / MAX_IDS_PER_REQUEST,
	);
	const sum = (pick: (c: RunCost) => number) => costs.reduce((s, c) => s + pick(c), 0);
	const writes = sum((c) => c.writes) + lists;
	const dailyWrites = sum((c) => c.dailyWrites) + lists;
	const requests = sum((c) => c.reads) + writes;
	const days: Budget['days'] = [];
	for (const { dailyWrites: leaverWrites } of costs) {
		const day = days.at(-1);
		if (day && day.dailyWrites + leaverWrites <= DAILY_WRITE_LIMIT - lists) {
			day.leavers++;
			day.dailyWrites += leaverWrites;
		} else days.push({ leavers: 1, dailyWrites: leaverWrites });
	}
	if (days[0]) days[0].dailyWrites += lists;
	return {
		leavers: plans.length,
		requests,
		writes,
		dailyWrites,
		minutesAtLimit: Math.round((requests / REQUESTS_PER_MINUTE) * 10) / 10,
		limits: {
			requestsPerMinute: REQUESTS_PER_MINUTE,
			writesInFlight: MAX_WRITES_IN_FLIGHT,
			writesPerDay: DAILY_WRITE_LIMIT,
		},
		days,
		fitsInADay: days.length <= 1,
	};
}

const figure = (value: number) => value.toLocaleString('en-US');

/** The budget in sentences, for the person who approves. */
export function budgetMessage(budget: Budget): string {
	const leavers = `${figure(budget.leavers)} ${budget.leavers === 1 ? 'offboarding' : 'offboardings'}`;
	const head = `Running ${leavers} takes about ${figure(budget.requests)} requests to DocSpace, ${figure(budget.writes)} of them writes (${figure(budget.dailyWrites)} count against the day's ${figure(budget.limits.writesPerDay)}): at least ${budget.minutesAtLimit} minutes at DocSpace's limit of ${figure(budget.limits.requestsPerMinute)} requests a minute, plus the time DocSpace takes to hand over data and move folders.`;
	if (budget.fitsInADay)
		return `${head} It fits in one day's write allowance (if this account makes no other writes today).`;
	const [today, ...later] = budget.days;
	return `${head} It does not fit in one day's write allowance: this run offboards the first ${figure(today.leavers)} and refuses the other ${figure(later.reduce((s, d) => s + d.leavers, 0))} before changing anything for them; run those on the next ${later.length === 1 ? 'day' : `${later.length} days`} (${later.map((d) => figure(d.leavers)).join(', then ')}).`;
}

export const budgetSummary = (budget: Budget): IDataObject => ({
	...budget,
	message: budgetMessage(budget),
});
