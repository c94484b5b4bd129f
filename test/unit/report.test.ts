import { readableTime, runMessage } from '../../nodes/DocSpaceAdmin/helpers/offboarding/runSummary';
import { reportHtml } from '../../nodes/DocSpaceAdmin/helpers/offboarding/reportHtml';
import type { IDataObject } from 'n8n-workflow';

import { csvRecords } from '../../nodes/DocSpaceAdmin/helpers/csv';
import { reportFiles } from '../../nodes/DocSpaceAdmin/helpers/offboarding/report';
import type { StepReport } from '../../nodes/DocSpaceAdmin/helpers/offboarding/run';

const FINISHED = new Date('2024-05-01T10:00:00.000Z');
const HEADER = ['order', 'step', 'status', 'detail', 'error', 'durationSeconds', 'readBack'];

/** Texts a portal user can choose (display name, room title, an error echoing them) that a spreadsheet would run. */
const HOSTILE = [
	'=HYPERLINK("http://evil","x")',
	'+1',
	'-2+3',
	'@SUM(A1)',
	'\t=1',
	'\r=1',
	'\n=1',
	'\r\n=1',
	'\u0000=1',
	'\u0007+1',
	'"=1',
	' =1',
	"'=1",
	'  "\'@x',
	'\u00a0=1',
	'\u200b=1',
	'\ufeff-1',
	'＝1+1',
	'＋1',
	'－1',
	'＠SUM(A1)',
	'=1,2;3"4\r\n=5',
];

/** Texts that are no formula, with the separators, quotes and line breaks names may hold. */
const BENIGN = [
	'Jane Doe disabled; sessions ended',
	'Smith, John',
	'Müller; Anna',
	'O"Brien "the boss"',
	'two\nlines',
	'two\r\nlines',
	'lone\rCR',
	'Ann-Marie=ok+fine@corp',
	'2024-05-01T10:00:00.000Z',
	'1201',
	'',
	'\u0000name',
	"'quoted'",
];

/**
 * A strict RFC 4180 reader: CRLF after every record, a quoted field ends at a lone quote and is
 * followed by a separator or the record's end; a quote inside an unquoted field is an error.
 */
function parseCsv(text: string): Array<Array<{ value: string; quoted: boolean }>> {
	const records: Array<Array<{ value: string; quoted: boolean }>> = [];
	let i = 0;
	while (i < text.length) {
		const record: Array<{ value: string; quoted: boolean }> = [];
		for (;;) {
			let value = '';
			let quoted = false;
			if (text[i] === '"') {
				quoted = true;
				i++;
				for (;;) {
					if (i >= text.length) throw new Error('unclosed quote');
					if (text[i] === '"') {
						if (text[i + 1] === '"') {
							value += '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					value += text[i++];
				}
			} else {
				while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
					if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
					value += text[i++];
				}
			}
			record.push({ value, quoted });
			if (text[i] === ',') {
				i++;
				continue;
			}
			if (text.startsWith('\r\n', i)) {
				i += 2;
				break;
			}
			throw new Error(`expected a separator or CRLF at ${i}, got ${JSON.stringify(text[i])}`);
		}
		records.push(record);
	}
	return records;
}

const user = (displayName: string): IDataObject => ({
	user: { id: '3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f', displayName, email: 'jane@corp.example' },
	recipient: { displayName: 'Bob Brown', email: 'bob@corp.example' },
	success: true,
});

describe('offboarding CSV report', () => {
	const texts = [...HOSTILE, ...BENIGN];
	// Each text once as the start of a step's detail (as a display name opens "… is already disabled"),
	// once as the whole error; the seconds include a negative and a fraction the node could never mangle.
	const steps: StepReport[] = texts.map((text, i) => ({
		step: 'disable',
		status: i % 2 ? 'failed' : 'done',
		detail: text,
		error: text,
		durationSeconds: i % 3 === 0 ? -1.5 : i / 10,
	}));
	const { csv } = reportFiles(user(HOSTILE[0]), steps, FINISHED, 'UTC');
	const records = parseCsv(csv.content);

	it('is well-formed: the header, one record per step, a cell per column, CRLF row ends', () => {
		expect(csv.content.startsWith(`${HEADER.join(',')}\r\n`)).toBe(true);
		expect(csv.content.endsWith('\r\n')).toBe(true);
		expect(records).toHaveLength(texts.length + 1);
		expect(records[0].map((c) => c.value)).toEqual(HEADER);
		expect(records.every((r) => r.length === HEADER.length)).toBe(true);
	});

	it('quotes every data cell, so separators, quotes and line breaks stay inside it', () => {
		const unquoted = records
			.slice(1)
			.flatMap((r, row) => r.filter((c) => !c.quoted).map((c) => [row + 1, c.value]));
		expect(unquoted).toEqual([]);
	});

	it.each(HOSTILE.map((text) => [text]))(
		'defuses %j: a leading quote, then the text unchanged',
		(text) => {
			const row = records[1 + texts.indexOf(text)].map((c) => c.value);
			expect(row[3]).toBe(`'${text}`);
			expect(row[4]).toBe(`'${text}`);
		},
	);

	it.each(BENIGN.map((text) => [text]))('leaves %j as it is', (text) => {
		const row = records[1 + texts.indexOf(text)].map((c) => c.value);
		expect(row[3]).toBe(text);
		expect(row[4]).toBe(text);
	});

	it("keeps the node's own values as they are: order, step, status and seconds, negative too", () => {
		expect(records.slice(1).map((r) => r.map((c) => c.value)[0])).toEqual(
			texts.map((_, i) => String(i + 1)),
		);
		expect(records.slice(1).map((r) => [r[1].value, r[2].value, r[5].value])).toEqual(
			steps.map((s) => [s.step, s.status, String(s.durationSeconds)]),
		);
		expect(records[1][5].value).toBe('-1.5');
	});

	it('leaves a missing error, duration or read-back empty', () => {
		const { csv: plain } = reportFiles(
			user('Jane Doe'),
			[{ step: 'disable', status: 'done', detail: 'Jane Doe disabled; sessions ended' }],
			FINISHED,
			'UTC',
		);
		expect(plain.content).toBe(
			`${HEADER.join(',')}\r\n"1","disable","done","Jane Doe disabled; sessions ended","","",""\r\n`,
		);
	});

	it("reads back the same with the node's own CSV reader", () => {
		const cells = [...csvRecords(csv.content, ',')].map((r) => r.cells);
		expect(cells).toEqual(records.map((r) => r.map((c) => c.value)));
	});

	it('names the file without any character of a hostile display name that is not a word', () => {
		const { csv: file, html } = reportFiles(
			user('../..\\=HYPERLINK("http://evil","x")'),
			steps,
			FINISHED,
			'UTC',
		);
		expect(file.fileName).toMatch(/^offboarding-[\w-]+-[0-9a-f-]{8}\.csv$/);
		expect(html.fileName).toMatch(/^offboarding-[\w-]+-[0-9a-f-]{8}\.html$/);
	});
});

describe('offboarding HTML report', () => {
	const SCRIPT = '<script>alert(1)</script>';
	const IMG = '<img src=x onerror=alert(1)>';
	const ATTR = '" onmouseover="alert(1)';
	const SINGLE = "'><svg onload=alert(1)>";
	const AMP = 'Tom &amp; Jerry &lt;b&gt;';
	const summary: IDataObject = {
		user: { id: 'u1', displayName: SCRIPT, email: IMG },
		recipient: { displayName: ATTR },
		success: false,
		failedStep: SINGLE,
		failureReason: `Room ${IMG} is locked ${ATTR}`,
		archive: {
			room: { title: `Archive – ${SCRIPT}` },
			visibleTo: [{ name: IMG, role: SINGLE }],
		},
		warnings: [SCRIPT, AMP],
	};
	const steps: StepReport[] = [
		{ step: 'disable', status: 'done', detail: `${SCRIPT} disabled`, durationSeconds: 0.2 },
		{
			step: 'leaveRooms',
			// A status is the node's own, yet it goes into an attribute: it must not break out either.
			status: ATTR as StepReport['status'],
			detail: `Remove ${IMG} from ${SINGLE}`,
			error: `${ATTR}</td></tr></table>${SCRIPT}`,
		},
	];
	const html = reportFiles(summary, steps, FINISHED, 'UTC').html.content;
	const tags = html.match(/<[^>]*>/g) ?? [];

	it('has no tag but its own', () => {
		const names = new Set(tags.map((t) => /^<\/?([a-z0-9!]+)/i.exec(t)?.[1].toLowerCase()));
		expect([...names].sort()).toEqual(
			[
				'!doctype',
				'body',
				'h1',
				'h2',
				'head',
				'html',
				'li',
				'meta',
				'p',
				'span',
				'strong',
				'style',
				'table',
				'td',
				'th',
				'title',
				'tr',
				'ul',
			].sort(),
		);
		expect(html).not.toMatch(/<script|<img|<svg|<\/table><script/i);
	});

	it('has no attribute but its own, none broken out of by a quote', () => {
		const attributes = tags.flatMap((t) =>
			[...t.matchAll(/\s([a-z-]+)(?:=("[^"]*"|\S+))?/gi)].map((m) => [m[1], m[2] ?? '']),
		);
		const names = new Set(attributes.map(([name]) => name));
		expect([...names].sort()).toEqual(['charset', 'class', 'html', 'lang']);
	});

	it('shows every portal text, escaped', () => {
		expect(html).toContain('<title>Offboarding of &lt;script&gt;alert(1)&lt;/script&gt;</title>');
		expect(html).toContain('<h1>Offboarding of &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('&quot; onmouseover=&quot;alert(1)');
		expect(html).toContain('&#39;&gt;&lt;svg onload=alert(1)&gt;');
		expect(html).toContain('<tr class="&quot; onmouseover=&quot;alert(1)">');
		expect(html).toContain(
			'&quot; onmouseover=&quot;alert(1)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;',
		);
		expect(html).toContain('Archive – &lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('<li>Tom &amp;amp; Jerry &amp;lt;b&amp;gt;.</li>');
	});
});

describe('offboarding HTML report, as a manager reads it', () => {
	const report: IDataObject = {
		user: { id: 'u1', displayName: 'Jane Doe', email: 'jane.doe@corp.example' },
		recipient: { displayName: 'Bob Brown' },
		success: true,
		archive: {
			room: { title: 'Archive – Jane Doe (u1)' },
			visibleTo: [
				{ name: 'Bob Brown', role: 'room manager' },
				{ name: 'HR', role: 'viewer' },
			],
		},
		warnings: ['Private files in "My documents" are deleted with the profile'],
	};
	const steps: StepReport[] = [
		{
			step: 'disable',
			status: 'done',
			detail: 'Jane Doe disabled; sessions ended',
			readBack: 'the profile is disabled (status 2)',
		},
		{ step: 'leaveGroups', status: 'alreadyDone', detail: 'Jane Doe is in no group' },
		{ step: 'revokeKeysAndApps', status: 'skipped', detail: 'Not chosen' },
	];
	const html = reportHtml(report, steps, new Date('2026-12-06T21:05:00Z'), 'Europe/Berlin');
	const text = html
		.replace(/<style>[\s\S]*?<\/style>/, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');

	it('starts with a summary in sentences, the time in the workflow’s zone with the zone named', () => {
		expect(text).toContain(
			'Completed on 6 December 2026 at 22:05 (Europe/Berlin). Jane Doe’s rooms and shared files are now Bob Brown’s.',
		);
		expect(text).toContain('What this run changed: Jane Doe disabled; sessions ended.');
		expect(text).toContain(
			'Who can open the archived workspace in “Archive – Jane Doe (u1)”: Bob Brown (room manager), HR (viewer).',
		);
		expect(text).toContain('Already done before this run: Jane Doe is in no group.');
		expect(text).toContain('Needs a person: Private files in');
		expect(html.indexOf('Completed on')).toBeLessThan(html.indexOf('Step by step'));
	});

	it('lists the steps by their titles, in words, with what was checked afterwards, and no empty error column', () => {
		expect(text).toContain(
			'Disable the user and end their sessions Done Jane Doe disabled; sessions ended the profile is disabled (status 2)',
		);
		expect(text).toContain('Already done before');
		expect(text).not.toMatch(/leaveGroups|revokeKeysAndApps|alreadyDone|durationSeconds/);
		expect(html).not.toContain('<th>error</th>');
	});

	it('says where a failed run stopped, by the step’s title, first', () => {
		const failed = reportHtml(
			{
				...report,
				success: false,
				failedStep: 'leaveGroups',
				failureReason: 'Read back, DocSpace shows Jane Doe still in "HR"',
			},
			[
				{
					step: 'leaveGroups',
					status: 'failed',
					detail: 'Remove Jane Doe from "HR"',
					error: 'Read back, DocSpace shows Jane Doe still in "HR"',
				},
			],
			new Date('2026-12-06T21:05:00Z'),
			'UTC',
		);
		expect(failed).toMatch(
			/<body>\n<h1>[^<]*<\/h1>\n<p>[^<]*<\/p>\n<p class="failed"><strong>Stopped on 6 December 2026 at 21:05 \(UTC\) at “Leave their groups/,
		);
	});
});

describe('Run’s message, for a chat or an e-mail', () => {
	it('says the outcome first, then what changed, who opens the archive, what was done before and what needs a person', () => {
		const message = runMessage(
			{
				user: { id: 'u1', displayName: 'Jane Doe', email: 'jane.doe@corp.example' },
				recipient: { displayName: 'Bob Brown' },
				success: true,
				archive: {
					room: { title: 'Archive – Jane Doe (u1)' },
					visibleTo: [{ name: 'HR', role: 'viewer' }],
				},
				warnings: ['Ask Jane to move her private files'],
			},
			[
				{ step: 'disable', status: 'done', detail: 'Jane Doe disabled; sessions ended' },
				{ step: 'auditSummary', status: 'done', detail: '8 events by the user' },
				{ step: 'leaveGroups', status: 'alreadyDone', detail: 'Jane Doe is in no group' },
			],
			readableTime(new Date('2026-12-06T21:05:00Z'), 'Europe/Berlin'),
		);
		expect(message).toBe(
			[
				'Offboarding of Jane Doe (jane.doe@corp.example): Completed on 6 December 2026 at 22:05 (Europe/Berlin). Jane Doe’s rooms and shared files are now Bob Brown’s.',
				'',
				'What this run changed:',
				'- Jane Doe disabled; sessions ended.',
				'',
				'Who can open the archived workspace in “Archive – Jane Doe (u1)”: HR (viewer).',
				'',
				'Already done before this run:',
				'- Jane Doe is in no group.',
				'',
				'Needs a person:',
				'- Ask Jane to move her private files.',
			].join('\n'),
		);
	});
});
