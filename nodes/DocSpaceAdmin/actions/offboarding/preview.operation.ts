import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { explainPlan } from '../../helpers/offboarding/explain';
import { planIdOf } from '../../helpers/offboarding/planId';
import { budgetSummary, runBudget } from '../../helpers/offboarding/budget';
import type { Plan } from '../../helpers/offboarding/plan';
import { buildPlan, planSummary } from '../../helpers/offboarding/plan';
import { SharedReads } from '../../helpers/offboarding/sharedReads';
import { DEFAULT_WAIT } from '../../helpers/poller/waitSettings';
import { mapWithLimit } from '../../helpers/parallel';
import { readOffboardingInput } from './input';
import { offboardingProperties } from './offboarding.descriptions';
import { showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Preview only reads: it shows what Run would do, step by step, and changes nothing',
		name: 'previewNotice',
		type: 'notice',
		default: '',
	},
	...offboardingProperties(false),
];

export const description = showOnlyFor('offboarding', 'preview', properties);

/** Reads only, so several previews may run side by side (DocSpace allows far more parallel reads than writes). */
const PREVIEWS_AT_ONCE = 5;

/**
 * Many leavers: what is the same for all of them is read once, for this execution only, and
 * every item carries the budget of running all that can run.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndices: number[],
): Promise<Array<IDataObject[] | Error>> {
	const reads = new SharedReads(itemIndices.length);
	const plans = await mapWithLimit(
		itemIndices.length,
		PREVIEWS_AT_ONCE,
		async (position) =>
			await buildPlan(
				{ ctx: this, itemIndex: itemIndices[position], wait: DEFAULT_WAIT, reads },
				readOffboardingInput(this, itemIndices[position]),
			),
	);
	const runnable = plans.filter((p): p is Plan => !(p instanceof Error) && !p.blockers.length);
	const budget = budgetSummary(runBudget(runnable));
	return plans.map((plan) => (plan instanceof Error ? plan : [{ ...previewOf(plan), budget }]));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// Preview starts no job, so it never waits for one.
	const plan = await buildPlan(
		{ ctx: this, itemIndex, wait: DEFAULT_WAIT },
		readOffboardingInput(this, itemIndex),
	);
	return [previewOf(plan)];
}

function previewOf(plan: Plan): IDataObject {
	return {
		...planSummary(plan),
		canRun: plan.blockers.length === 0,
		blockers: plan.blockers,
		plan: plan.steps.map((s, i) => ({
			order: i + 1,
			step: s.step,
			willRun: s.status === 'pending',
			status: s.status,
			detail: s.detail,
		})),
		warnings: plan.warnings,
		message: explainPlan(plan),
		planId: planIdOf(plan),
	};
}
