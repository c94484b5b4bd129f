import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Plan } from './plan';
import { planSummary } from './plan';
import type { BatchedSteps } from './runMany';
import type { Portal, StepName } from './steps';
import { STEPS } from './steps';
import { secondsSince } from '../values';
import { BOOKKEEPING_STEPS } from './types';

export interface StepReport {
	step: StepName;
	status: 'done' | 'alreadyDone' | 'skipped' | 'failed';
	detail: string;
	durationSeconds?: number;
	error?: string;
	/** What the portal showed when read back after the step. */
	readBack?: string;
}

/** The report of a run: the plan's summary as the steps left it, and each step's outcome. */
export function runReport(plan: Plan, steps: StepReport[], started: number): IDataObject {
	const failed = steps.find((s) => s.status === 'failed');
	const summary = planSummary(plan);
	const ran = (step: string) =>
		steps.some((s) => s.step === step && (s.status === 'done' || s.status === 'alreadyDone'));
	const status =
		ran('finalize') && plan.settings.finalStep !== 'keep'
			? 'deleted'
			: ran('disable')
				? 'disabled'
				: (summary.user as IDataObject).status;
	return {
		...summary,
		user: { ...(summary.user as IDataObject), status },
		success: !failed,
		changed: steps.some((s) => s.status === 'done' && !BOOKKEEPING_STEPS.has(s.step)),
		failedStep: failed?.step,
		failureReason: failed?.error,
		steps: steps as unknown as IDataObject[],
		warnings: plan.warnings,
		audit: plan.audit,
		durationSeconds: secondsSince(started),
	};
}

/** A plan with blockers starts nothing: the error says why, before any write. */
export function requireRunnable({ ctx, itemIndex }: Portal, plan: Plan): void {
	if (!plan.blockers.length) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`The offboarding cannot start [item ${itemIndex}]: ${plan.blockers[0]}`,
		{
			description: `${plan.blockers.join(' ')} Nothing was changed. Run Preview to see the whole plan.`,
			itemIndex,
		},
	);
}

/**
 * Carries out the plan in the only safe order. A failed step stops every destructive step after
 * it; the others (the audit summary reads only) still run.
 */
export async function runPlan(
	portal: Portal,
	plan: Plan,
	/** When the offboarding began (its plan included), for the report's duration. */
	started = Date.now(),
	/** Steps already carried out for many leavers at once (see runMany): their outcome here. */
	batched: BatchedSteps = {},
): Promise<{ steps: StepReport[]; report: IDataObject }> {
	requireRunnable(portal, plan);
	const reports: StepReport[] = [];
	plan.progress = () => ({
		report: runReport(plan, reports, started),
		steps: reports as unknown as IDataObject[],
	});
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
		const stepStarted = Date.now();
		try {
			const outcome = batched[step.name];
			if (outcome instanceof Error) throw outcome;
			const detail = outcome ?? (await step.run(portal, plan, planned));
			const readBack = await step.verify?.(portal, plan);
			reports.push({
				step: step.name,
				status: 'done',
				detail,
				durationSeconds: secondsSince(stepStarted),
				...(readBack ? { readBack } : {}),
			});
		} catch (error) {
			failed = step.name;
			reports.push({
				step: step.name,
				status: 'failed',
				detail: planned.detail,
				error: (error as Error).message,
				durationSeconds: secondsSince(stepStarted),
			});
		}
	}
	return { steps: reports, report: runReport(plan, reports, started) };
}
