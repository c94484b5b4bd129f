import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildPlan, planSummary } from '../../helpers/offboarding/plan';
import { runPlan } from '../../helpers/offboarding/run';
import { offboardingProperties } from './offboarding.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Runs, in this order: disable → reassign and wait → archive room: create it, add the recipient (and group), move the workspace in, optionally move it to the Archive → (optional) delete or erase → audit summary. Steps already done are skipped; if a step fails, nothing after it changes or deletes data.',
		name: 'runNotice',
		type: 'notice',
		default: '',
	},
	...offboardingProperties(true),
];

export const description = updateDisplayOptions({ show: { resource: ['offboarding'], operation: ['run'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const started = Date.now();
	const plan = await buildPlan(this, itemIndex);
	const { steps, audit } = await runPlan(this, plan, itemIndex);
	const failed = steps.find((s) => s.status === 'failed');
	const summary = planSummary(plan);
	// The summary was read before the run: report the user as the run left them.
	const ran = (step: string) => steps.some((s) => s.step === step && (s.status === 'done' || s.status === 'alreadyDone'));
	const status = ran('finalize') && plan.settings.finalStep !== 'keep' ? 'deleted' : ran('disable') ? 'disabled' : (summary.user as IDataObject).status;
	return [
		{
			...summary,
			user: { ...(summary.user as IDataObject), status },
			success: !failed,
			changed: steps.some((s) => s.status === 'done' && s.step !== 'auditSummary'),
			failedStep: failed?.step,
			failureReason: failed?.error,
			steps: steps as unknown as IDataObject[],
			warnings: plan.warnings,
			audit,
			durationSeconds: Math.round((Date.now() - started) / 100) / 10,
		},
	];
}
