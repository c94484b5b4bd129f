import { csvRecords, decodeText } from '../../nodes/DocSpaceAdmin/helpers/csv';
import type { LeaverDefaults, LeaverRow } from '../../nodes/DocSpaceAdmin/helpers/leavers';
import { LeaversFileError, readLeavers } from '../../nodes/DocSpaceAdmin/helpers/leavers';

const DEFAULTS: LeaverDefaults = { recipientEmail: 'manager@corp.example', finalStep: 'keep' };
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The bytes Excel writes for "CSV UTF-8 (Comma delimited)" in a locale whose list separator is `;`. */
const excelUtf8 = (lines: string[]) =>
	Buffer.concat([BOM, Buffer.from(lines.join('\r\n') + '\r\n')]);
/** "Unicode Text": UTF-16 LE with a byte order mark, tab-separated, CRLF. */
const unicodeText = (lines: string[]) =>
	Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le')]);
const plain = (text: string) => Buffer.from(text);

const read = (bytes: Uint8Array, defaults = DEFAULTS) => readLeavers(bytes, defaults);
const problems = (rows: LeaverRow[]) =>
	Object.fromEntries(rows.filter((r) => !r.valid).map((r) => [r.row, r.problem]));
const good = (rows: LeaverRow[]) => rows.filter((r) => r.valid).map((r) => [r.row, r.email]);

describe('CSV records', () => {
	it('keeps quoted separators, doubled quotes and line breaks, and counts lines as the file has them', () => {
		const text = 'a;"b;c";"say ""hi"""\r\n"two\r\nlines";x\rlone CR;y\nlast';
		expect([...csvRecords(text, ';')]).toEqual([
			{ line: 1, cells: ['a', 'b;c', 'say "hi"'] },
			{ line: 2, cells: ['two\r\nlines', 'x'] },
			{ line: 4, cells: ['lone CR', 'y'] },
			{ line: 5, cells: ['last'] },
		]);
	});

	it('drops spaces around a quoted field and keeps a tab inside one when tab separates', () => {
		expect([...csvRecords('  "a b" \t"c\td"\t e ', '\t')]).toEqual([
			{ line: 1, cells: ['a b', 'c\td', ' e '] },
		]);
	});

	it('says when a quoted field is never closed', () => {
		expect([...csvRecords('a,"open\nb,c\n', ',')]).toEqual([
			{ line: 1, cells: ['a', 'open\nb,c\n'], unclosedQuote: true },
		]);
	});
});

describe('decoding', () => {
	it.each([
		['UTF-8 with a BOM', Buffer.concat([BOM, plain('é,ü')])],
		['UTF-8 without one', plain('é,ü')],
		[
			'UTF-16 LE with a BOM',
			Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('é,ü', 'utf16le')]),
		],
		['UTF-16 LE without one', Buffer.from('é,ü', 'utf16le')],
		[
			'UTF-16 BE with a BOM',
			Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('é,ü', 'utf16le').swap16()]),
		],
		['Windows-1252 (Excel’s plain CSV)', Buffer.from([0xe9, 0x2c, 0xfc])],
	])('reads %s', (_, bytes) => {
		expect(decodeText(bytes)).toBe('é,ü');
	});
});

describe('a leavers file as Excel saves it', () => {
	const excel = excelUtf8([
		'Email;Recipient Email;Workspace Folder ID;Final Step;Name',
		'jane.doe@corp.example;bob.brown@corp.example;1203;keep;"Doe; Jane"',
		'paula@corp.example;;;deleteProfile;"Paula ""PJ""',
		'Second line of her name"',
		'ann@corp.example;;;;Ann',
	]);

	it('reads BOM, CRLF, `;`, spaced and capitalised headers, and a quoted name over two lines', () => {
		const rows = read(excel);
		expect(rows).toEqual([
			{
				row: 2,
				email: 'jane.doe@corp.example',
				recipientEmail: 'bob.brown@corp.example',
				workspaceFolderId: '1203',
				finalStep: 'keep',
				valid: true,
				otherColumns: { Name: 'Doe; Jane' },
			},
			{
				row: 3,
				email: 'paula@corp.example',
				recipientEmail: 'manager@corp.example',
				workspaceFolderId: '',
				finalStep: 'deleteProfile',
				valid: true,
				otherColumns: { Name: 'Paula "PJ"\r\nSecond line of her name' },
			},
			// The row after a value over two lines is numbered by the line it is on.
			expect.objectContaining({
				row: 5,
				email: 'ann@corp.example',
				finalStep: 'keep',
				valid: true,
			}),
		]);
	});

	it('reads the same sheet saved as Unicode text (UTF-16, tabs) and as plain CSV (commas, LF)', () => {
		const lines = ['email,recipientEmail', 'jane.doe@corp.example,', 'paula@corp.example,'];
		const expected = [
			[2, 'jane.doe@corp.example'],
			[3, 'paula@corp.example'],
		];
		expect(good(read(unicodeText(lines.map((l) => l.replace(',', '\t')))))).toEqual(expected);
		expect(good(read(plain(lines.join('\n'))))).toEqual(expected);
		expect(good(read(plain(lines.join('\r'))))).toEqual(expected);
	});

	it('follows Excel’s `sep=` line, which counts as row 1', () => {
		const rows = read(plain('sep=|\r\nemail|finalStep\r\njane@corp.example|removeData\r\n'));
		expect(rows).toEqual([
			expect.objectContaining({ row: 3, finalStep: 'removeData', valid: true }),
		]);
	});

	it.each([
		[' EMAIL ', 'recipient_email', 'Final-Step'],
		['E-Mail', 'Recipient', 'finalstep'],
		['email address', 'RECIPIENT EMAIL', 'final step'],
	])('reads the headers %j, %j, %j', (email, recipient, finalStep) => {
		const rows = read(
			plain(`${email},${recipient},${finalStep}\njane@corp.example,bob@corp.example,removeData\n`),
		);
		expect(rows).toEqual([
			expect.objectContaining({
				email: 'jane@corp.example',
				recipientEmail: 'bob@corp.example',
				finalStep: 'removeData',
				valid: true,
			}),
		]);
	});

	it('trims spaces around values, skips blank lines and rows of empty cells, and keeps counting them', () => {
		const rows = read(
			excelUtf8([
				'',
				'email;recipientEmail;workspaceFolderId;finalStep',
				'  jane@corp.example ;  bob@corp.example;  1203 ; keep ',
				'',
				';;;',
				'   ',
				'ann@corp.example;;;',
			]),
		);
		expect(
			rows.map((r) => [r.row, r.email, r.recipientEmail, r.workspaceFolderId, r.finalStep]),
		).toEqual([
			[3, 'jane@corp.example', 'bob@corp.example', '1203', 'keep'],
			[7, 'ann@corp.example', 'manager@corp.example', '', 'keep'],
		]);
	});
});

describe('bad rows are named by their row and reason, the good ones still come out', () => {
	const file = [
		'email,recipientEmail,workspaceFolderId,finalStep',
		'jane@corp.example,bob@corp.example,,keep', // 2
		'short@corp.example,bob@corp.example,', // 3
		'long@corp.example,"Brown, Bob",bob@corp.example,,keep', // 4
		',bob@corp.example,,keep', // 5
		'not-an-email,,,keep', // 6
		'keep1@corp.example,,,Keep', // 7
		'no@corp.example,,,no', // 8
		'none@corp.example,,,none', // 9
		'JANE@Corp.Example,,,deleteProfile', // 10
		'bad.recipient@corp.example,bob,,keep', // 11
		'bad.folder@corp.example,,12a,keep', // 12
		'trailing@corp.example,,,removeData,,', // 13
		'paula@corp.example,,,', // 14
	].join('\n');

	it('lists each problem and lets every good row through', () => {
		const rows = read(plain(file));
		expect(rows).toHaveLength(13);
		expect(problems(rows)).toEqual({
			3: 'missing columns: the row has 3 columns, the header has 4',
			4: 'extra columns: the row has 5 columns, the header has 4 (is there an unquoted comma in a value?)',
			5: 'empty email',
			6: 'invalid email "not-an-email"',
			7: 'unknown finalStep "Keep" (write exactly keep, deleteProfile, removeData, or leave it empty for keep)',
			8: 'unknown finalStep "no" (write exactly keep, deleteProfile, removeData, or leave it empty for keep)',
			9: 'unknown finalStep "none" (write exactly keep, deleteProfile, removeData, or leave it empty for keep)',
			10: 'repeats row 2',
			11: 'invalid recipientEmail "bob"',
			12: 'invalid workspaceFolderId "12a" (a folder ID is a whole number)',
		});
		expect(good(rows)).toEqual([
			[2, 'jane@corp.example'],
			[13, 'trailing@corp.example'],
			[14, 'paula@corp.example'],
		]);
	});

	it('never falls back to a destructive step: a refused row keeps the value it had', () => {
		const rows = read(plain(file), { recipientEmail: '', finalStep: 'removeData' });
		const keep = rows.find((r) => r.row === 7)!;
		expect(keep).toMatchObject({ valid: false, finalStep: 'Keep' });
		expect(rows.find((r) => r.row === 14)).toMatchObject({
			valid: false,
			finalStep: 'removeData',
			problem: 'empty recipientEmail and no default recipient',
		});
	});

	it('names the row a quoted value that never closes starts on', () => {
		const rows = read(
			plain(
				'email,finalStep\njane@corp.example,keep\n"ann@corp.example,keep\nbob@corp.example,keep\n',
			),
		);
		expect(good(rows)).toEqual([[2, 'jane@corp.example']]);
		expect(problems(rows)).toEqual({
			3: 'a quoted value that starts in this row is never closed, so the rest of the file was read into it',
		});
	});
});

describe('files that cannot be read say why', () => {
	const fileError = (bytes: Uint8Array) => {
		try {
			read(bytes);
		} catch (error) {
			expect(error).toBeInstanceOf(LeaversFileError);
			return { message: (error as Error).message, hint: (error as LeaversFileError).hint };
		}
		throw new Error('The file was read');
	};

	it.each([
		['an empty file', plain(''), /^The file has no rows$/],
		['blank lines only', excelUtf8(['', ';;', '']), /^The file has no rows$/],
		[
			'no header',
			plain('jane@corp.example,bob@corp.example\n'),
			/no email column: its first row \(row 1\) reads "jane@corp.example,bob@corp.example"/,
		],
		[
			'an Excel workbook',
			Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]),
			/an Excel workbook \(\.xlsx\)/,
		],
		[
			'two email columns',
			plain('Email,recipient,E-mail\n'),
			/Columns 1 \("Email"\) and 3 \("E-mail"\) are both read as email/,
		],
	])('%s', (_, bytes, message) => {
		const { message: actual, hint } = fileError(bytes);
		expect(actual).toMatch(message);
		expect(hint.length).toBeGreaterThan(20);
	});
});

describe('10,000 rows', () => {
	it('are read in one pass with modest memory', () => {
		const ROWS = 10_000;
		const lines = ['Email;Recipient Email;Workspace Folder ID;Final Step;Name'];
		for (let i = 0; i < ROWS; i++)
			lines.push(
				`leaver.${i}@corp.example;;${i % 3 ? '' : 1200 + i};${i % 100 === 99 ? 'Keep' : 'keep'};"Leaver, ${i}"`,
			);
		const bytes = excelUtf8(lines);
		global.gc?.();
		const heapBefore = process.memoryUsage().heapUsed;
		const started = process.hrtime.bigint();
		const rows = read(bytes);
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
		expect(rows).toHaveLength(ROWS);
		expect(rows.filter((r) => !r.valid)).toHaveLength(ROWS / 100);
		expect(rows.at(-1)).toMatchObject({ row: ROWS + 1, email: `leaver.${ROWS - 1}@corp.example` });
		// Measured, not asserted: timings depend on the machine.
		console.log(
			`10,000 rows (${(bytes.length / 1024).toFixed(0)} KiB): ${ms.toFixed(0)} ms, heap +${heapMb.toFixed(1)} MiB`,
		);
	});
});
