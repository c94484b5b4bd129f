import type { IDataObject } from 'n8n-workflow';

import type { StepReport } from './run';
import { STEPS } from './steps';
import { BOOKKEEPING_STEPS } from './types';

/** How a step ended, in the words of the report's reader. */
const OUTCOME: Record<StepReport['status'], string> = {
	done: 'Done',
	alreadyDone: 'Already done before',
	skipped: 'Not needed',
	failed: 'Failed',
};

export function escapeHtml(value: unknown): string {
	return String(value ?? '').replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
	);
}

const titleOf = (step: string) => STEPS.find((s) => s.name === step)?.title ?? step;
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const list = (items: string[]) =>
	`<ul>${items.map((i) => `<li>${escapeHtml(sentence(i))}</li>`).join('')}</ul>`;

/** "6 December 2026, 22:05 (Europe/Berlin)": the time in the workflow's zone, the zone named. */
export function readableTime(at: Date, timeZone: string): string {
	const zone = timeZone || 'UTC';
	const text = new Intl.DateTimeFormat('en-GB', {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: zone,
	}).format(at);
	return `${text} (${zone})`;
}

/** The summary in sentences a manager reads first: the outcome, the changes, who opens the archive, what needs a person. */
function summary(report: IDataObject, steps: StepReport[], when: string): string {
	const user = (report.user ?? {}) as IDataObject;
	const recipient = (report.recipient ?? {}) as IDataObject;
	const name = escapeHtml(user.displayName ?? user.email ?? user.id);
	const parts: string[] = [
		report.success === false
			? `<p class="failed"><strong>Stopped on ${escapeHtml(when)} at “${escapeHtml(titleOf(String(report.failedStep)))}”: ${escapeHtml(report.failureReason)}</strong> Nothing after that step was done.</p>`
			: `<p><strong>Completed on ${escapeHtml(when)}.</strong> ${name}’s rooms and shared files are now ${escapeHtml(recipient.displayName ?? recipient.email)}’s.</p>`,
	];
	const changed = steps.filter((s) => s.status === 'done' && !BOOKKEEPING_STEPS.has(s.step));
	parts.push(
		changed.length
			? `<p>What this run changed:</p>${list(changed.map((s) => s.detail))}`
			: '<p>This run changed nothing.</p>',
	);
	const archive = report.archive as
		| { room?: IDataObject; visibleTo?: Array<{ name: string; role: string }> }
		| undefined;
	if (archive?.room)
		parts.push(
			`<p>Who can open the archived workspace in “${escapeHtml(archive.room.title)}”: ${escapeHtml(
				(archive.visibleTo ?? []).map((v) => `${v.name} (${v.role})`).join(', '),
			)}.</p>`,
		);
	const before = steps.filter((s) => s.status === 'alreadyDone');
	if (before.length)
		parts.push(`<p>Already done before this run:</p>${list(before.map((s) => s.detail))}`);
	const warnings = (report.warnings ?? []) as string[];
	if (warnings.length) parts.push(`<p>Needs a person:</p>${list(warnings)}`);
	return parts.join('\n');
}

/** The report as a person reads it: a summary in sentences, then each step by its title with what was checked afterwards. */
export function reportHtml(
	report: IDataObject,
	steps: StepReport[],
	finishedAt: Date,
	timeZone: string,
): string {
	const user = (report.user ?? {}) as IDataObject;
	const name = escapeHtml(user.displayName ?? user.email ?? user.id ?? 'user');
	const when = readableTime(finishedAt, timeZone);
	const rows = steps.map((s) => {
		const what = s.error
			? `${escapeHtml(s.detail)} <span class="failed">${escapeHtml(s.error)}</span>`
			: escapeHtml(s.detail);
		return `<tr class="${escapeHtml(s.status)}"><td>${escapeHtml(titleOf(s.step))}</td><td>${OUTCOME[s.status] ?? escapeHtml(s.status)}</td><td>${what}</td><td>${escapeHtml(s.readBack ?? '')}</td></tr>`;
	});
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Offboarding of ${name}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:62rem;color:#222;line-height:1.45}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.35rem .55rem;text-align:left;vertical-align:top}th{background:#f3f3f3}.failed{color:#b00020}tr.skipped,tr.alreadyDone{color:#666}</style></head>
<body>
<h1>Offboarding of ${name}</h1>
<p>${escapeHtml(user.email)}</p>
${summary(report, steps, when)}
<h2>Step by step</h2>
<table><tr><th>Step</th><th>Outcome</th><th>What happened</th><th>Checked afterwards</th></tr>
${rows.join('\n')}
</table>
</body></html>
`;
}
