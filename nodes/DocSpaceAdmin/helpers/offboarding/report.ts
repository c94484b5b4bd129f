import type { IDataObject } from 'n8n-workflow';

import { nameOfLeaver, reportHtml } from './reportHtml';
import type { StepReport } from './run';

/** A report kept as a file: a CSV of the steps and a readable HTML summary. */
export interface ReportFile {
	fileName: string;
	mimeType: string;
	content: string;
}

/** Enough of the user ID to tell two people of the same name apart in a file name. */
const ID_PREFIX_LENGTH = 8;

export const COLUMNS = [
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

/** A CSV file's text: the header, then one line per row, every cell quoted. */
export const csvText = (header: readonly string[], rows: unknown[][]) =>
	[header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n') + '\r\n';

/** Each step's cells, in the order of `COLUMNS`. */
export const stepCells = (steps: StepReport[]): unknown[][] =>
	steps.map((s, i) => [i + 1, s.step, s.status, s.detail, s.error, s.durationSeconds, s.readBack]);

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

/** The CSV keeps machine-friendly columns; the HTML is for a person (./reportHtml). */
export function reportFiles(
	summary: IDataObject,
	steps: StepReport[],
	finishedAt: Date,
	timeZone: string,
): { csv: ReportFile; html: ReportFile } {
	const user = (summary.user ?? {}) as IDataObject;
	const name = nameOfLeaver(summary);
	// One name per leaver (their ID tells namesakes apart): a rerun stores a new version of the same files.
	const base = `offboarding-${slug(name)}-${String(user.id ?? '').slice(0, ID_PREFIX_LENGTH)}`;
	const csv = csvText(COLUMNS, stepCells(steps));

	const html = reportHtml(summary, steps, finishedAt, timeZone);
	return {
		csv: { fileName: `${base}.csv`, mimeType: 'text/csv', content: csv },
		html: { fileName: `${base}.html`, mimeType: 'text/html', content: html },
	};
}
