import type { IDataObject } from 'n8n-workflow';

import type { StepReport } from './run';
import { readableTime, runSummary, titleOf } from './runSummary';

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

const list = (items: string[]) =>
	`<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;

/** The summary in sentences a manager reads first: the outcome, the changes, who opens the archive, what needs a person. */
function summary(report: IDataObject, steps: StepReport[], when: string): string {
	const s = runSummary(report, steps, when);
	const [headline, ...rest] = s.outcome.split(/(?<=\.) /);
	const parts = [
		s.failed
			? `<p class="failed"><strong>${escapeHtml(s.outcome)}</strong></p>`
			: `<p><strong>${escapeHtml(headline)}</strong> ${escapeHtml(rest.join(' '))}</p>`,
		s.changed.length
			? `<p>What this run changed:</p>${list(s.changed)}`
			: '<p>This run changed nothing.</p>',
	];
	if (s.viewers) parts.push(`<p>${escapeHtml(s.viewers)}</p>`);
	if (s.alreadyDone.length)
		parts.push(`<p>Already done before this run:</p>${list(s.alreadyDone)}`);
	if (s.needsAPerson.length) parts.push(`<p>Needs a person:</p>${list(s.needsAPerson)}`);
	return parts.join('\n');
}

const STYLE =
	'body{font-family:system-ui,sans-serif;margin:2rem;max-width:62rem;color:#222;line-height:1.45}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.35rem .55rem;text-align:left;vertical-align:top}th{background:#f3f3f3}.failed{color:#b00020}tr.skipped,tr.alreadyDone{color:#666}';

/** A page of the reports: its title and its body. */
export const htmlPage = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;

/** The leaver a report is about, by name (else e-mail, else id). */
export const nameOfLeaver = (report: IDataObject) => {
	const user = (report.user ?? {}) as IDataObject;
	return String(user.displayName ?? user.email ?? user.id ?? 'user');
};

/** One leaver's offboarding: the summary in sentences, then each step; `level` of its heading (1 alone, 2 in a run's report). */
export function leaverSection(
	report: IDataObject,
	steps: StepReport[],
	when: string,
	level: 1 | 2,
): string {
	const user = (report.user ?? {}) as IDataObject;
	const rows = steps.map((s) => {
		const what = s.error
			? `${escapeHtml(s.detail)} <span class="failed">${escapeHtml(s.error)}</span>`
			: escapeHtml(s.detail);
		return `<tr class="${escapeHtml(s.status)}"><td>${escapeHtml(titleOf(s.step))}</td><td>${OUTCOME[s.status] ?? escapeHtml(s.status)}</td><td>${what}</td><td>${escapeHtml(s.readBack ?? '')}</td></tr>`;
	});
	return `<h${level}>Offboarding of ${escapeHtml(nameOfLeaver(report))}</h${level}>
<p>${escapeHtml(user.email)}</p>
${summary(report, steps, when)}
<h${level + 1}>Step by step</h${level + 1}>
<table><tr><th>Step</th><th>Outcome</th><th>What happened</th><th>Checked afterwards</th></tr>
${rows.join('\n')}
</table>`;
}

/** The report as a person reads it: a summary in sentences, then each step by its title with what was checked afterwards. */
export function reportHtml(
	report: IDataObject,
	steps: StepReport[],
	finishedAt: Date,
	timeZone: string,
): string {
	return htmlPage(
		`Offboarding of ${nameOfLeaver(report)}`,
		leaverSection(report, steps, readableTime(finishedAt, timeZone), 1),
	);
}
