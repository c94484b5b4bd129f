import type { CsvRecord, Delimiter } from './csv';
import { csvRecords, decodeText, DELIMITERS, notTextReason, separatorHint } from './csv';
import { emailProblem, idProblem } from './ids';
import type { FinalStep } from './offboarding/types';
import { FINAL_STEPS } from './offboarding/types';

/**
 * A leavers file: a header row naming the columns, then one leaver a row. Every row is checked
 * here, so a bad one is named by its row in the file and never reaches DocSpace.
 */

export const LEAVER_COLUMNS = [
	'email',
	'recipientEmail',
	'workspaceFolderId',
	'finalStep',
] as const;
type LeaverColumn = (typeof LEAVER_COLUMNS)[number];

/** Header names as people write them, after lower-casing and dropping spaces, `_`, `-` and `.`. */
const COLUMN_NAMES: Record<string, LeaverColumn> = {
	email: 'email',
	emailaddress: 'email',
	useremail: 'email',
	recipientemail: 'recipientEmail',
	recipient: 'recipientEmail',
	recipientemailaddress: 'recipientEmail',
	workspacefolderid: 'workspaceFolderId',
	workspacefolder: 'workspaceFolderId',
	finalstep: 'finalStep',
};

export interface LeaverDefaults {
	recipientEmail: string;
	finalStep: FinalStep;
}

export interface LeaverRow {
	/** The row (line) of the file the leaver's record starts on; the header is row 1. */
	row: number;
	email: string;
	/** The row's recipient, or the default when its cell is empty. */
	recipientEmail: string;
	workspaceFolderId: string;
	/** The row's final step, or the default when its cell is empty. */
	finalStep: string;
	valid: boolean;
	problem?: string;
	/** Columns the file has beyond the leaver's own, by their heading (e.g. a name or a department). */
	otherColumns?: Record<string, string>;
}

/** Why a whole file cannot be read, and what to do about it. */
export class LeaversFileError extends Error {
	constructor(
		message: string,
		readonly hint: string,
	) {
		super(message);
	}
}

const HEADER_HINT =
	'The first row must name the columns: email (required), recipientEmail, workspaceFolderId, finalStep. Save the sheet as "CSV UTF-8" (or CSV, or Unicode text).';
const SHOWN_CELL_LENGTH = 60;

const shown = (value: string) =>
	JSON.stringify(
		value.length > SHOWN_CELL_LENGTH ? `${value.slice(0, SHOWN_CELL_LENGTH - 3)}...` : value,
	);
const normalised = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[\s_.-]+/g, '');
const isBlank = (record: CsvRecord) => record.cells.every((c) => c.trim() === '');
/** Blank under any separator: a row of `;;;` read with `,` is one cell of separators. */
const isBlankLine = (record: CsvRecord) =>
	record.cells.every((c) =>
		c.split('').every((ch) => ch.trim() === '' || DELIMITERS.includes(ch as Delimiter)),
	);

interface Header {
	line: number;
	/** Where each leaver column is, by index of the cells. */
	columns: Partial<Record<LeaverColumn, number>>;
	/** Other columns with a heading, by index. */
	others: Array<{ index: number; name: string }>;
	/** Cells up to the last one with a heading: fewer is a missing column, a value beyond is an extra one. */
	width: number;
}

function readHeader(record: CsvRecord): Header {
	const header: Header = { line: record.line, columns: {}, others: [], width: 0 };
	record.cells.forEach((cell, index) => {
		const name = cell.trim();
		if (name) header.width = index + 1;
		const column = COLUMN_NAMES[normalised(name)];
		if (!column) {
			if (name) header.others.push({ index, name });
			return;
		}
		const earlier = header.columns[column];
		if (earlier !== undefined)
			throw new LeaversFileError(
				`Columns ${earlier + 1} (${shown(record.cells[earlier].trim())}) and ${index + 1} (${shown(name)}) are both read as ${column}`,
				'Keep one of them, or rename the other to something the node does not read.',
			);
		header.columns[column] = index;
	});
	return header;
}

/** The first non-blank record, read with the separator under which it names an email column. */
function findHeader(text: string): {
	header: Header;
	delimiter: string;
	offset: number;
	firstLine: number;
} {
	const hint = separatorHint(text);
	const candidates: readonly string[] = hint ? [hint.delimiter] : DELIMITERS;
	const offset = hint?.offset ?? 0;
	const firstLine = hint ? 2 : 1;
	let best: { header: Header; delimiter: string; known: number } | undefined;
	let firstRecord: CsvRecord | undefined;
	for (const delimiter of candidates) {
		const record = firstNonBlank(csvRecords(text, delimiter, offset, firstLine));
		if (!record) continue;
		firstRecord ??= record;
		const header = readHeader(record);
		const known = Object.keys(header.columns).length;
		if (header.columns.email !== undefined && (!best || known > best.known))
			best = { header, delimiter, known };
	}
	if (!firstRecord) throw new LeaversFileError('The file has no rows', HEADER_HINT);
	if (!best)
		throw new LeaversFileError(
			`The file has no email column: its first row (row ${firstRecord.line}) reads ${shown(firstRecord.cells.join(candidates[0]))}`,
			HEADER_HINT,
		);
	return { header: best.header, delimiter: best.delimiter, offset, firstLine };
}

function firstNonBlank(records: Iterable<CsvRecord>): CsvRecord | undefined {
	for (const record of records) if (!isBlankLine(record)) return record;
	return undefined;
}

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** The problem of a row whose cells do not line up with the header, if they do not. */
function shapeProblem(record: CsvRecord, header: Header, delimiter: string): string | undefined {
	if (record.unclosedQuote)
		return 'a quoted value that starts in this row is never closed, so the rest of the file was read into it';
	let used = record.cells.length;
	while (used > 0 && record.cells[used - 1].trim() === '') used--;
	if (record.cells.length < header.width)
		return `missing columns: the row has ${record.cells.length} columns, the header has ${header.width}`;
	if (used > header.width) {
		const name = DELIMITER_NAMES[delimiter as Delimiter] ?? shown(delimiter);
		return `extra columns: the row has ${used} columns, the header has ${header.width} (is there an unquoted ${name} in a value?)`;
	}
	return undefined;
}

function cellProblems(row: LeaverRow, defaults: LeaverDefaults, repeats?: number): string[] {
	const problems: string[] = [];
	if (!row.email) problems.push('empty email');
	else if (emailProblem(row.email)) problems.push(`invalid email ${shown(row.email)}`);
	else if (repeats !== undefined) problems.push(`repeats row ${repeats}`);
	if (!row.recipientEmail) problems.push('empty recipientEmail and no default recipient');
	else if (emailProblem(row.recipientEmail))
		problems.push(`invalid recipientEmail ${shown(row.recipientEmail)}`);
	if (row.workspaceFolderId && idProblem('folder', row.workspaceFolderId))
		problems.push(
			`invalid workspaceFolderId ${shown(row.workspaceFolderId)} (a folder ID is a whole number)`,
		);
	if (!(FINAL_STEPS as readonly string[]).includes(row.finalStep))
		problems.push(
			`unknown finalStep ${shown(row.finalStep)} (write exactly ${FINAL_STEPS.join(', ')}, or leave it empty for ${defaults.finalStep})`,
		);
	return problems;
}

function fileText(bytes: Uint8Array): string {
	const notText = notTextReason(bytes);
	if (notText)
		throw new LeaversFileError(
			notText,
			'Open it in your spreadsheet and save it as "CSV UTF-8 (Comma delimited)", then upload that file.',
		);
	return decodeText(bytes);
}

/** One leaver per data row of the file, good and bad, in the file's order; blank rows are skipped. */
export function readLeavers(bytes: Uint8Array, defaults: LeaverDefaults): LeaverRow[] {
	const text = fileText(bytes);
	const { header, delimiter, offset, firstLine } = findHeader(text);
	const rows: LeaverRow[] = [];
	const firstRowOf = new Map<string, number>();
	const cellOf = (record: CsvRecord, column: LeaverColumn) => {
		const index = header.columns[column];
		return index === undefined ? '' : (record.cells[index] ?? '').trim();
	};
	for (const record of csvRecords(text, delimiter, offset, firstLine)) {
		if (record.line <= header.line || isBlank(record)) continue;
		const row: LeaverRow = {
			row: record.line,
			email: cellOf(record, 'email'),
			recipientEmail: cellOf(record, 'recipientEmail') || defaults.recipientEmail,
			workspaceFolderId: cellOf(record, 'workspaceFolderId'),
			finalStep: cellOf(record, 'finalStep') || defaults.finalStep,
			valid: true,
		};
		const key = row.email.toLowerCase();
		const repeats = firstRowOf.get(key);
		if (row.email && repeats === undefined) firstRowOf.set(key, row.row);
		const shape = shapeProblem(record, header, delimiter);
		const problems = shape ? [shape] : cellProblems(row, defaults, repeats);
		if (problems.length) Object.assign(row, { valid: false, problem: problems.join('; ') });
		if (header.others.length)
			row.otherColumns = Object.fromEntries(
				header.others.map(({ index, name }) => [name, (record.cells[index] ?? '').trim()]),
			);
		rows.push(row);
	}
	return rows;
}
