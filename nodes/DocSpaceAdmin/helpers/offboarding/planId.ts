import { createHash } from 'crypto';

import type { Plan } from './plan';

const PLAN_ID = /^plan-[0-9a-f]{24}$/;

/**
 * The id of a plan: a digest of who leaves, who receives, the settings and every step as Preview
 * planned it. Run computes it again from the portal as it is then: the same id means the same
 * person, the same choices and nothing changed since the Preview that returned it.
 */
export function planIdOf(plan: Plan): string {
	// Where Run files its report is Run's own choice, not part of the plan.
	const settings = { ...plan.settings, report: undefined };
	const digest = createHash('sha256')
		.update(
			JSON.stringify({
				user: plan.user.id,
				recipient: plan.recipient.id,
				settings,
				steps: plan.steps.map((s) => [s.step, s.status, s.detail]),
				blockers: plan.blockers,
			}),
		)
		.digest('hex');
	return `plan-${digest.slice(0, 24)}`;
}

export const isPlanId = (value: string) => PLAN_ID.test(value);
