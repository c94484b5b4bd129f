import { sentence } from '../names';
import type { Plan } from './plan';
import { STEPS } from './steps';
import { nameOf } from './steps/step';

/** Who will be able to open the archived workspace, in one sentence; undefined without one. */
function archiveViewers(plan: Plan): string | undefined {
	const { archive } = plan;
	if (!archive.workspace || !archive.room) return undefined;
	const people = archive.visibleTo
		.filter((v) => v.kind !== 'docSpaceAdmins')
		.map((v) => `${v.name} (${v.role})`);
	const admins = archive.visibleTo.some((v) => v.kind === 'docSpaceAdmins');
	const who = [...people, ...(admins ? ['every DocSpace admin'] : [])].join(', ');
	return `Who will be able to open "${archive.workspace.title}" in the room "${archive.room.title}": ${who}.`;
}

/** What is erased for good, in words: the part an approver must not miss. */
function erased(plan: Plan): string {
	if (plan.deletedOn) return 'Nothing more is erased: the profile was deleted before.';
	const name = nameOf(plan.user);
	switch (plan.settings.finalStep) {
		case 'deleteProfile':
			return `Erased for good: the profile of ${name}, and the files in their "My documents" they never shared.`;
		case 'removeData':
			return `Erased for good: every personal document of ${name}, then their profile.`;
		default:
			return `Nothing is erased: the profile of ${name} is kept, disabled.`;
	}
}

/**
 * The plan in sentences, for the person who approves it: who leaves, who receives what, who
 * will open the archive, what is erased, what was already done, and every warning in words.
 */
export function explainPlan(plan: Plan): string {
	const { user, recipient } = plan;
	const lines: string[] = [
		`${nameOf(user)}${user.email ? ` (${user.email})` : ''} leaves. ${nameOf(recipient)} receives what they hand over.`,
	];
	if (plan.blockers.length)
		lines.push('', 'This offboarding cannot run yet:', ...plan.blockers.map((b) => `- ${b}`));
	const pending = plan.steps.filter((s) => s.status === 'pending');
	const changes = pending.some((s) => STEPS.find((step) => step.name === s.step)?.destructive);
	lines.push(
		'',
		changes ? 'What will happen, in this order:' : 'Nothing is left to change; Run would only:',
		...pending.map((s, i) => `${i + 1}. ${sentence(s.detail)}`),
	);
	const viewers = archiveViewers(plan);
	lines.push('', ...(viewers ? [viewers] : []), erased(plan));
	const done = plan.steps.filter((s) => s.status === 'alreadyDone');
	if (done.length)
		lines.push('', 'Already done before this run:', ...done.map((s) => `- ${sentence(s.detail)}`));
	if (plan.warnings.length)
		lines.push('', 'Please note:', ...plan.warnings.map((w) => `- ${sentence(w)}`));
	return lines.join('\n');
}
