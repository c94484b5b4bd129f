import type { IDataObject } from 'n8n-workflow';

import type { ReportFile } from './report';
import { COLUMNS, csvText, stepCells } from './report';
import { escapeHtml, htmlPage, leaverSection } from './reportHtml';
import type { StepReport } from './run';
import { readableTime } from './runSummary';

/** One leaver's part of a run: its report and steps. */
export interface LeaverReport {
	report: IDataObject;
	steps: StepReport[];
}

const who = (report: IDataObject) => (report.user ?? {}) as IDataObject;

/**
 * One report for a run of many leavers, instead of two files each: a CSV with a row per leaver
 * and step, and an HTML page with each leaver's summary and steps, in the items' order.
 */
export function runReportFiles(
	leavers: LeaverReport[],
	finishedAt: Date,
	timeZone: string,
): { csv: ReportFile; html: ReportFile } {
	const rows = leavers.flatMap(({ report, steps }) =>
		stepCells(steps).map((cells) => [
			String(who(report).displayName ?? who(report).email ?? ''),
			String(who(report).id ?? ''),
			...cells,
		]),
	);
	const when = readableTime(finishedAt, timeZone);
	const title = `Offboarding of ${leavers.length} people, ${when}`;
	const sections = leavers.map(({ report, steps }) => leaverSection(report, steps, when, 2));
	// One name per run: stored again, a run of the same minute adds a version instead of a copy.
	const base = `offboarding-run-${finishedAt.toISOString().slice(0, 16).replace(/[-:T]/g, '')}-${leavers.length}-people`;
	return {
		csv: {
			fileName: `${base}.csv`,
			mimeType: 'text/csv',
			content: csvText(['leaver', 'userId', ...COLUMNS], rows),
		},
		html: {
			fileName: `${base}.html`,
			mimeType: 'text/html',
			content: htmlPage(title, `<h1>${escapeHtml(title)}</h1>\n${sections.join('\n')}`),
		},
	};
}
