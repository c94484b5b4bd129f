import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EMPLOYEE_STATUS } from '../../api/codes';
import { changeStatusOfItems } from '../statusBatch';
import { budgetMessage, runBudget } from './budget';
import type { Plan } from './plan';
import { isPending } from './plan';
import type { StepName } from './steps';
import { disabledDetail } from './steps/disable';
import { nameOf } from './steps/step';

/** A step carried out for many leavers at once, before their own runs: each one's outcome. */
export type BatchedSteps = Partial<Record<StepName, string | Error>>;

/** One leaver of a run of many: its item and its plan, every read made before anything changes. */
export interface PlannedLeaver {
	itemIndex: number;
	plan: Plan;
}

/**
 * A leaver who also receives another leaver's data (or groups) in the same run: the other's
 * reassignment would go to someone this run disables, which DocSpace refuses
 * (ReassignController.StartReassign: "Can not reassign data to user"), or would hand it on again.
 */
export function alsoReceiving(
	ctx: IExecuteFunctions,
	leavers: PlannedLeaver[],
): Map<number, Error> {
	const leaving = new Map(leavers.map(({ plan, itemIndex }) => [plan.user.id, itemIndex]));
	const refused = new Map<number, Error>();
	for (const { plan, itemIndex } of leavers) {
		const taker = [plan.recipient, plan.successor].find((u) => leaving.has(u.id));
		if (!taker) continue;
		refused.set(
			itemIndex,
			new NodeOperationError(
				ctx.getNode(),
				`${nameOf(taker)} leaves in this run too (item ${leaving.get(taker.id)}) [item ${itemIndex}]`,
				{
					description: `Choose a recipient (and new group manager) who stays for ${nameOf(plan.user)}, or offboard ${nameOf(taker)} in a later run. Nothing was changed for this item.`,
					itemIndex,
				},
			),
		);
	}
	return refused;
}

/**
 * The leavers past what one day's DocSpace writes allow, refused before anything changes for them,
 * so a run is never cut off halfway by the daily limit's 429s (see budget).
 */
export function overTodaysWrites(
	ctx: IExecuteFunctions,
	leavers: PlannedLeaver[],
): Map<number, Error> {
	const budget = runBudget(leavers.map((l) => l.plan));
	const refused = new Map<number, Error>();
	const today = budget.days[0]?.leavers ?? 0;
	for (const { itemIndex } of leavers.slice(today))
		refused.set(
			itemIndex,
			new NodeOperationError(
				ctx.getNode(),
				`Over today's DocSpace write allowance [item ${itemIndex}]`,
				{
					description: `${budgetMessage(budget)} Run this item again tomorrow. Nothing was changed for it.`,
					itemIndex,
				},
			),
		);
	return refused;
}

/**
 * Disables every leaver whose plan still has it to do in lists of 100, with User → Disable's own
 * batching (PUT people/status/2 takes many ids: UserController.UpdateUserStatus), instead of one
 * request each. Returns each leaver's outcome of the disable step, by position.
 */
export async function disableTogether(
	ctx: IExecuteFunctions,
	leavers: PlannedLeaver[],
): Promise<BatchedSteps[]> {
	const due = leavers.filter(({ plan }) => isPending(plan, 'disable'));
	const results = await changeStatusOfItems(
		ctx,
		due.map(({ itemIndex, plan }) => ({
			itemIndex,
			user: { id: plan.user.id },
			output: (user) => ({ id: user.id }),
		})),
		EMPLOYEE_STATUS.TERMINATED,
		true,
	);
	const outcome = new Map(
		due.map(({ plan }, i) => {
			const result = results[i];
			return [plan, result instanceof Error ? result : disabledDetail(plan.user)] as const;
		}),
	);
	return leavers.map(({ plan }) => (outcome.has(plan) ? { disable: outcome.get(plan) } : {}));
}
