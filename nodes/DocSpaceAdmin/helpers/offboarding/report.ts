import type { IDataObject } from 'n8n-workflow';

import type { StepReport } from './run';

/** A report kept as a file: a CSV of the steps and a readable HTML summary. */
export interface ReportFile {
	fileName: string;
	mimeType: string;
	content: string;
}

/** Enough of the user ID to tell two people of the same name apart in a file name. */
const ID_PREFIX_LENGTH = 8;

const COLUMNS = [
	'order',
	'step',
	'status',
	'detail',
	'error',
	'durationSeconds',
	'readBack',
] as const;

/**
 * Portal text (names, titles, errors) opening with = + - @ (or full-width forms), a tab or a line
 * break, also after controls, spaces or quotes spreadsheets skip, could run as a formula: it gets a
 * leading `'` (OWASP "CSV Injection"). The node's own numbers (order, seconds) stay numbers.
 */
const FORMULA_START = /^[\p{Cc}\p{Cf}\p{Z}"'＂＇]*[=+\-@＝＋－＠\t\r\n]/u;

/** One cell, always quoted (RFC 4180), so `,` `;` quotes and line breaks in names keep the rows. */
function csvField(value: unknown): string {
	let text = value === undefined || value === null ? '' : String(value);
	const number = typeof value === 'number' && Number.isFinite(value);
	if (!number && FORMULA_START.test(text)) text = `'${text}`;
	return `"${text.replace(/"/g, '""')}"`;
}

function escapeHtml(value: unknown): string {
	return String(value ?? '').replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
	);
}

function slug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[^\w\s-]/g, '')
			.trim()
			.replace(/\s+/g, '-')
			.toLowerCase() || 'user'
	);
}

export function reportFiles(
	summary: IDataObject,
	steps: StepReport[],
	finishedAt: Date,
): { csv: ReportFile; html: ReportFile } {
	const user = (summary.user ?? {}) as IDataObject;
	const recipient = (summary.recipient ?? {}) as IDataObject;
	const name = String(user.displayName ?? user.email ?? user.id ?? 'user');
	// One name per leaver (their ID tells namesakes apart): a rerun stores a new version of the same files.
	const base = `offboarding-${slug(name)}-${String(user.id ?? '').slice(0, ID_PREFIX_LENGTH)}`;
	const rows = steps.map((s, i) => [
		i + 1,
		s.step,
		s.status,
		s.detail,
		s.error,
		s.durationSeconds,
		s.readBack,
	]);
	const csv =
		[COLUMNS.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n') + '\r\n';

	const archive = summary.archive as { room?: IDataObject; visibleTo?: IDataObject[] } | undefined;
	const warnings = (summary.warnings ?? []) as string[];
	const list = (items: string[]) =>
		items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '<p>None.</p>';
	const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Offboarding of ${escapeHtml(name)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}.failed{color:#b00020}</style></head>
<body>
<h1>Offboarding of ${escapeHtml(name)}</h1>
<p>${escapeHtml(user.email)} — finished ${escapeHtml(finishedAt.toISOString())}. Rooms and shared files went to ${escapeHtml(recipient.displayName ?? recipient.email)}.</p>
<p><strong>${summary.success ? 'Completed' : `Stopped at “${escapeHtml(summary.failedStep)}”: ${escapeHtml(summary.failureReason)}`}</strong></p>
<h2>Steps</h2>
<table><tr>${COLUMNS.map((c) => `<th>${c}</th>`).join('')}</tr>
${rows.map((r) => `<tr class="${escapeHtml(r[2])}">${r.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`).join('\n')}
</table>
${archive?.room ? `<h2>Archive room “${escapeHtml(archive.room.title)}”</h2>\n<p>Who can open the archived workspace:</p>\n${list((archive.visibleTo ?? []).map((v) => `${escapeHtml(v.name)} (${escapeHtml(v.role)})`))}` : ''}
<h2>Warnings</h2>
${list(warnings.map(escapeHtml))}
</body></html>
`;
	return {
		csv: { fileName: `${base}.csv`, mimeType: 'text/csv', content: csv },
		html: { fileName: `${base}.html`, mimeType: 'text/html', content: html },
	};
}
