import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { explainPlan } from '../helpers/offboarding/explain';
import type { Plan } from '../helpers/offboarding/plan';
import { isPlanId, planIdOf } from '../helpers/offboarding/planId';

/** The operations that change or erase data: an AI agent gets them only through a previewed plan. */
const CHANGES: Record<string, string[]> = {
	user: [
		'changeType',
		'delete',
		'disable',
		'logOut',
		'removeFromGroup',
		'makeGroupManager',
		'update',
	],
	reassignment: ['start', 'terminate'],
	dataRemoval: ['start', 'terminate'],
	personalFolder: ['startDeletion'],
	folder: ['move', 'share'],
	room: ['archive', 'unarchive', 'changeOwner', 'setMemberAccess'],
};

/**
 * Whether an AI agent called the node as one of its tools: n8n runs the tool variant of a
 * `usableAsTool` node (type `…Tool`), and 2.x contexts also say so (`isToolExecution`).
 */
export function calledByAgent(ctx: IExecuteFunctions): boolean {
	const asTool = (ctx as { isToolExecution?: () => boolean }).isToolExecution;
	return ctx.getNode().type.endsWith('Tool') || (typeof asTool === 'function' && asTool.call(ctx));
}

/**
 * Refuses, before anything is sent, an operation that changes data when an agent calls it: the
 * safe path for an agent is Offboarding → Preview, a person's approval, then Run with its planId.
 */
export function refuseChangesByAgent(ctx: IExecuteFunctions, resource: string, operation: string) {
	if (!CHANGES[resource]?.includes(operation) || !calledByAgent(ctx)) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`Refused: an AI agent may not run "${resource} → ${operation}" directly, because it changes or erases data`,
		{
			description:
				'Use Offboarding → Preview for the person who leaves, tell the user what the plan does, and after their approval call Offboarding → Run with the planId the Preview returned.',
		},
	);
}

/**
 * Run goes ahead only on the plan a Preview returned: the id must be a plan id, and the plan Run
 * reads now must have the same id (the same person, recipient and settings; nothing changed since).
 */
export function requireSamePlan(
	ctx: IExecuteFunctions,
	plan: Plan,
	planId: string,
	itemIndex: number,
) {
	const fail = (message: string, description: string) => {
		throw new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, {
			description: `${description} Nothing was changed.`,
			itemIndex,
		});
	};
	if (!planId)
		fail(
			"Refused: the parameter 'Plan ID' is empty, and an AI agent may run an offboarding only on a previewed plan",
			'Call Offboarding → Preview with the same user, recipient and settings, tell the user what the plan does, and after their approval call Run with the planId the Preview returned.',
		);
	if (!isPlanId(planId))
		fail(
			`Refused: "${planId}" in the parameter 'Plan ID' is not an id a Preview returns`,
			'Use the planId field of an Offboarding → Preview output, unchanged.',
		);
	if (planIdOf(plan) !== planId)
		fail(
			"Refused: the parameter 'Plan ID' belongs to another plan: another person or recipient, other settings, or the portal changed since that Preview",
			'Call Offboarding → Preview again for this person, show the user the new plan, and run with its planId.',
		);
}

/** Words compared as a person reads them: spacing and line breaks aside. */
const asRead = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Run goes ahead only if the plan reads exactly as the text the approver saw: what a review step
 * shows is then what runs, even when an AI agent copied it there.
 */
export function requireSameMessage(
	ctx: IExecuteFunctions,
	plan: Plan,
	planMessage: string,
	itemIndex: number,
) {
	if (asRead(planMessage) === asRead(explainPlan(plan))) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`Refused: the parameter 'Plan Message' is not what the plan says now [item ${itemIndex}]`,
		{
			description:
				'Pass the message of the Preview unchanged, word for word; if the portal changed since, preview again and have the new plan approved. Nothing was changed.',
			itemIndex,
		},
	);
}
