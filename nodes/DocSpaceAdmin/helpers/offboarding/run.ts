import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Plan } from './plan';
import type { Portal, StepName } from './steps';
import { STEPS } from './steps';
import { secondsSince } from '../values';

export interface StepReport {
	step: StepName;
	status: 'done' | 'alreadyDone' | 'skipped' | 'failed';
	detail: string;
	durationSeconds?: number;
	error?: string;
}

/**
 * Carries out the plan in the only safe order. A failed step stops every destructive step after
 * it; the others (the audit summary reads only) still run.
 */
export async function runPlan(
	portal: Portal,
	plan: Plan,
): Promise<{ steps: StepReport[]; audit?: IDataObject }> {
	const { ctx, itemIndex } = portal;
	if (plan.blockers.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The offboarding cannot start [item ${itemIndex}]: ${plan.blockers[0]}`,
			{
				description: `${plan.blockers.join(' ')} Nothing was changed. Run Preview to see the whole plan.`,
				itemIndex,
			},
		);
	}
	const reports: StepReport[] = [];
	let failed: StepName | undefined;
	for (const [position, step] of STEPS.entries()) {
		const planned = plan.steps[position];
		if (planned.status !== 'pending') {
			reports.push({ step: step.name, status: planned.status, detail: planned.detail });
			continue;
		}
		if (failed && step.destructive) {
			reports.push({
				step: step.name,
				status: 'skipped',
				detail: `Not run: the step "${failed}" failed`,
			});
			continue;
		}
		const started = Date.now();
		try {
			const detail = await step.run(portal, plan, planned);
			reports.push({
				step: step.name,
				status: 'done',
				detail,
				durationSeconds: secondsSince(started),
			});
		} catch (error) {
			failed = step.name;
			reports.push({
				step: step.name,
				status: 'failed',
				detail: planned.detail,
				error: (error as Error).message,
				durationSeconds: secondsSince(started),
			});
		}
	}
	return { steps: reports, audit: plan.audit };
}
