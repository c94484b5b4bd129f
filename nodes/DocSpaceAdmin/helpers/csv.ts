/**
 * CSV as spreadsheets and HR tools save it: any of the usual encodings, `,` `;` or tab between
 * fields, CRLF, LF or CR between lines, fields quoted RFC 4180 style. Each record keeps the line
 * it starts on, so a problem can be shown by the row number the file's author sees.
 */

export interface CsvRecord {
	/** The line the record starts on (1-based; a quoted field may carry it over several lines). */
	line: number;
	cells: string[];
	/** A quoted field was still open at the end of the file: it swallowed every line after it. */
	unclosedQuote?: boolean;
}

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** What a file that is not text at all starts with, and what to tell the person who chose it. */
const NOT_TEXT: Array<{ magic: number[]; what: string }> = [
	{ magic: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or another ZIP file' },
	{ magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls)' },
	{ magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What the file seems to be when its bytes are not text at all (a workbook, a PDF). */
export function notTextReason(bytes: Uint8Array): string | undefined {
	const binary = NOT_TEXT.find((t) => startsWith(bytes, t.magic));
	return binary && `The file is ${binary.what}, not a CSV or text file`;
}

/**
 * The file's text. A byte order mark decides (Excel's "CSV UTF-8" writes one, "Unicode Text"
 * writes UTF-16 LE); UTF-16 without one is recognised by its zero bytes; anything else is UTF-8,
 * or Windows-1252 when it is not valid UTF-8 (Excel's plain "CSV" on Windows).
 */
export function decodeText(bytes: Uint8Array): string {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return buffer.subarray(3).toString('utf8');
	if (startsWith(bytes, [0xff, 0xfe])) return utf16le(buffer.subarray(2));
	if (startsWith(bytes, [0xfe, 0xff]))
		return utf16le(Buffer.from(evenLength(buffer.subarray(2))).swap16());
	if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return utf16le(buffer);
	if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0)
		return utf16le(Buffer.from(evenLength(buffer)).swap16());
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
	} catch {
		return new TextDecoder('windows-1252').decode(buffer);
	}
}

const evenLength = (buffer: Buffer) => buffer.subarray(0, buffer.length - (buffer.length % 2));
const utf16le = (buffer: Buffer) => evenLength(buffer).toString('utf16le');

/** Excel's own hint line, `sep=;`, that names the separator of the lines after it. */
const SEP_HINT = /^"?sep=(.)"?[ \t]*(?:\r\n|\r|\n|$)/i;

/** The separator a `sep=` first line names and where the records start after it, if it has one. */
export function separatorHint(text: string): { delimiter: string; offset: number } | undefined {
	const match = SEP_HINT.exec(text);
	return match ? { delimiter: match[1], offset: match[0].length } : undefined;
}

/** Line breaks in a piece of text: CRLF counts once, a lone CR or LF once. */
function lineBreaks(text: string, from: number, to: number): number {
	let count = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
	}
	return count;
}

const CR = 13;
const LF = 10;
const QUOTE = '"';

/** Spaces or tabs (unless tab is the separator) that may stand around a quoted field. */
const isPadding = (c: string, delimiter: string) => (c === ' ' || c === '\t') && c !== delimiter;

/**
 * Every record of the text, blank lines included (as one empty cell), in order. Spaces around a
 * quoted field are dropped; anything after its closing quote is kept, as Excel reads it.
 */
export function* csvRecords(
	text: string,
	delimiter: string,
	offset = 0,
	firstLine = 1,
): Generator<CsvRecord> {
	let i = offset;
	let line = firstLine;
	const end = text.length;
	while (i < end) {
		const record: CsvRecord = { line, cells: [] };
		for (;;) {
			let j = i;
			while (j < end && isPadding(text[j], delimiter)) j++;
			let value = '';
			if (text[j] === QUOTE) {
				const quoted = readQuoted(text, j + 1);
				line += lineBreaks(text, j + 1, quoted.end);
				if (quoted.unclosed) record.unclosedQuote = true;
				value = quoted.value;
				i = quoted.end;
				const rest = unquotedUntil(text, i, delimiter);
				value += rest.trim() === '' ? '' : rest;
				i += rest.length;
			} else {
				value = unquotedUntil(text, i, delimiter);
				i += value.length;
			}
			record.cells.push(value);
			if (i < end && text[i] === delimiter) {
				i++;
				continue;
			}
			if (i < end) {
				i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
				line++;
			}
			break;
		}
		yield record;
	}
}

/** A quoted field from just after its opening quote: its value and where reading goes on. */
function readQuoted(text: string, from: number): { value: string; end: number; unclosed: boolean } {
	let value = '';
	let i = from;
	for (;;) {
		const close = text.indexOf(QUOTE, i);
		if (close < 0) return { value: value + text.slice(i), end: text.length, unclosed: true };
		value += text.slice(i, close);
		if (text[close + 1] === QUOTE) {
			value += QUOTE;
			i = close + 2;
			continue;
		}
		return { value, end: close + 1, unclosed: false };
	}
}

/** The text from `from` up to the next separator or line break. */
function unquotedUntil(text: string, from: number, delimiter: string): string {
	let i = from;
	while (i < text.length) {
		const c = text[i];
		if (c === delimiter || c === '\n' || c === '\r') break;
		i++;
	}
	return text.slice(from, i);
}
