import type { IDataObject } from 'n8n-workflow';

import { sentence } from '../names';
import type { StepReport } from './run';
import { STEPS } from './steps';
import { BOOKKEEPING_STEPS } from './types';

export const titleOf = (step: string) => STEPS.find((s) => s.name === step)?.title ?? step;

/** "6 December 2026 at 22:05 (Europe/Berlin)": the time in the workflow's zone, the zone named. */
export function readableTime(at: Date, timeZone: string): string {
	const zone = timeZone || 'UTC';
	const text = new Intl.DateTimeFormat('en-GB', {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: zone,
	}).format(at);
	return `${text} (${zone})`;
}

/** What a person reads first about a run, as plain sentences; the HTML report and Run's `message` render it. */
export interface RunSummary {
	/** "Completed on …. Jane Doe’s rooms … are now Bob Brown’s." or "Stopped on … at “…”: …". */
	outcome: string;
	failed: boolean;
	changed: string[];
	/** Who can open the archived workspace, in one sentence. */
	viewers?: string;
	alreadyDone: string[];
	needsAPerson: string[];
}

export function runSummary(report: IDataObject, steps: StepReport[], when: string): RunSummary {
	const user = (report.user ?? {}) as IDataObject;
	const recipient = (report.recipient ?? {}) as IDataObject;
	const name = String(user.displayName ?? user.email ?? user.id);
	const failed = report.success === false;
	const archive = report.archive as
		| { room?: IDataObject; visibleTo?: Array<{ name: string; role: string }> }
		| undefined;
	return {
		failed,
		outcome: failed
			? `Stopped on ${when} at “${titleOf(String(report.failedStep))}”: ${sentence(String(report.failureReason))} Nothing after that step was done.`
			: `Completed on ${when}. ${name}’s rooms and shared files are now ${String(recipient.displayName ?? recipient.email)}’s.`,
		changed: steps
			.filter((s) => s.status === 'done' && !BOOKKEEPING_STEPS.has(s.step))
			.map((s) => sentence(s.detail)),
		viewers: archive?.room
			? `Who can open the archived workspace in “${String(archive.room.title)}”: ${(archive.visibleTo ?? []).map((v) => `${v.name} (${v.role})`).join(', ')}.`
			: undefined,
		alreadyDone: steps.filter((s) => s.status === 'alreadyDone').map((s) => sentence(s.detail)),
		needsAPerson: ((report.warnings ?? []) as string[]).map(sentence),
	};
}

/** The summary as plain text, for a chat or an e-mail. */
export function runMessage(report: IDataObject, steps: StepReport[], when: string): string {
	const user = (report.user ?? {}) as IDataObject;
	const s = runSummary(report, steps, when);
	const section = (title: string, items: string[]) =>
		items.length ? ['', title, ...items.map((i) => `- ${i}`)] : [];
	return [
		`Offboarding of ${String(user.displayName ?? user.email ?? user.id)}${user.email ? ` (${String(user.email)})` : ''}: ${s.outcome}`,
		...(s.changed.length
			? section('What this run changed:', s.changed)
			: ['', 'This run changed nothing.']),
		...(s.viewers ? ['', s.viewers] : []),
		...section('Already done before this run:', s.alreadyDone),
		...section('Needs a person:', s.needsAPerson),
	].join('\n');
}
