import type { IDataObject } from 'n8n-workflow';

import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { useSandbox } from '../harness/sandbox';
import type { TemplateRun } from '../harness/templates';
import { approvalMails, sandboxTemplate, submitDecision } from '../harness/templates';

// The bulk template fed with files as spreadsheets and HR tools save them, through its upload form's
// trigger: bad rows are named by their row in the file, nothing is done for them, every good row runs.
const current = useSandbox({
	speed: { taskStepMs: 1, fileOpMs: 1 },
	limits: { perMinute: 1_000_000, writesPerDay: 1_000_000 },
});
let sandbox: Sandbox;
beforeEach(() => (sandbox = current()));

const FORM = 'Upload the leavers list';
const BOM = '\ufeff';

const bulk = () => sandboxTemplate(sandbox, 'offboard-many-from-csv.json');

/** What the approver was asked (the mail's words) about which rows (the workflow's row list). */
const approvalRequest = (run: TemplateRun) => ({
	text: approvalMails(sandbox)[0]?.text ?? '',
	rows: run.output('All rows')[0]?.rows as IDataObject[],
});

/** What the Form Trigger emits for an uploaded file: its bytes under the field's label. */
const upload = (bytes: Buffer) => [
	{
		json: {},
		binary: {
			Leavers_CSV: {
				data: bytes.toString('base64'),
				mimeType: 'text/csv',
				fileName: 'leavers.csv',
			},
		},
	},
];
/** Excel's "CSV UTF-8" in a locale whose list separator is `;`: BOM, `;`, CRLF. */
const excelUtf8 = (lines: string[]) => Buffer.from(BOM + lines.join('\r\n') + '\r\n');

const touched = (id: string) =>
	sandbox.writes().filter((w) => JSON.stringify(w).includes(id)).length;

describe('Template: offboard many employees from a CSV — files as people save them', () => {
	it('reads Excel’s CSV UTF-8; names every bad row by its row in the file and runs every good one', async () => {
		const [ann, ben, cat, dan, eve] = sandbox.state.addLeavers(5);
		const jane = sandbox.state.user(IDS.jane)!;
		const bob = sandbox.state.user(IDS.bob)!.email;
		const run = bulk();
		await run.start(
			FORM,
			upload(
				excelUtf8([
					' E-Mail ;Recipient Email;Workspace folder ID;Final Step',
					`  ${jane.email} ;${bob};;keep`,
					`${ann.email};;;Keep`,
					`${jane.email.toUpperCase()};${bob};;keep`,
					`${ben.email};${bob}`,
					`${cat.email};${bob};;keep;surplus`,
					`"${dan.email}";"${bob}";;"deleteProfile"`,
					'',
					`${eve.email};;12x;`,
				]),
			),
		);
		expect(run.error()).toBeUndefined();
		// Only the good rows were previewed, and nothing was written.
		expect(run.output('Preview every row').map((p) => (p.user as IDataObject).email)).toEqual([
			jane.email,
			dan.email,
		]);
		expect(sandbox.writes()).toEqual([]);

		const request = approvalRequest(run);
		expect(request.text).toContain('Bulk offboarding: 2 of 7 rows can run.');
		expect(request.rows).toEqual([
			expect.objectContaining({ row: 2, email: jane.email, canRun: true }),
			expect.objectContaining({
				row: 3,
				email: ann.email,
				canRun: false,
				willDo: '',
				why: `Row 3 of the file: unknown finalStep "Keep" (write exactly keep, deleteProfile, removeData, or leave it empty for keep)`,
			}),
			expect.objectContaining({
				row: 4,
				canRun: false,
				why: 'Row 4 of the file: repeats row 2',
			}),
			expect.objectContaining({
				row: 5,
				canRun: false,
				why: 'Row 5 of the file: missing columns: the row has 2 columns, the header has 4',
			}),
			expect.objectContaining({
				row: 6,
				canRun: false,
				why: expect.stringMatching(/^Row 6 of the file: extra columns: the row has 5 columns/),
			}),
			expect.objectContaining({ row: 7, email: dan.email, canRun: true }),
			expect.objectContaining({
				row: 9,
				canRun: false,
				why: expect.stringContaining('invalid workspaceFolderId "12x"'),
			}),
		]);
		expect(request.text).toContain('SKIPPED (nothing is done for these rows):\n• 3. ');

		await run.resume(submitDecision('Approve'));
		expect(run.error()).toBeUndefined();
		expect(sandbox.state.user(jane.id)!.status).toBe(2);
		expect(sandbox.state.user(dan.id)).toBeUndefined();
		for (const leaver of [ann, ben, cat, eve]) {
			expect(touched(leaver.id)).toBe(0);
			expect(sandbox.state.user(leaver.id)!.status).toBe(1);
		}
		const done = sandbox.notifications.at(-1)!;
		expect(done.text).toContain(
			'Bulk offboarding finished: 2 offboarded, 0 already offboarded before (nothing changed), 0 failed, 5 skipped.',
		);
		expect((done.rows as IDataObject[]).map((r) => [r.row, r.outcome])).toEqual([
			[2, 'offboarded'],
			[3, 'skipped'],
			[4, 'skipped'],
			[5, 'skipped'],
			[6, 'skipped'],
			[7, 'offboarded'],
			[9, 'skipped'],
		]);
	});

	it('says why a file that is not a CSV cannot be read, and changes nothing', async () => {
		const run = bulk();
		await run.start(FORM, upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])));
		expect(run.error()).toBeUndefined();
		expect(run.ran('Preview every row')).toBe(true);
		expect(sandbox.log.filter((r) => r.path !== '/authentication')).toEqual([]);
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.notifications).toEqual([
			expect.objectContaining({
				success: false,
				text: expect.stringMatching(
					/^Bulk offboarding was not run: the file cannot be read\. The file is an Excel workbook \(\.xlsx\)/,
				),
			}),
		]);
	});

	it('gives one short approval for 10,000 rows', async () => {
		const jane = sandbox.state.user(IDS.jane)!;
		const lines = ['email,recipientEmail,workspaceFolderId,finalStep', `${jane.email},,,keep`];
		for (let i = 1; i < 10_000; i++) lines.push(`${jane.email},,,${i % 2 ? 'keep' : 'KEEP'}`);
		const before = process.memoryUsage().heapUsed;
		const run = bulk();
		await run.start(FORM, upload(Buffer.from(lines.join('\n'))));
		expect(run.error()).toBeUndefined();
		expect(sandbox.writes()).toEqual([]);
		const request = approvalRequest(run);
		expect(request.rows).toHaveLength(10_000);
		expect(request.text).toContain('Bulk offboarding: 1 of 10000 rows can run.');
		expect(request.text).toContain('… and 9949 more');
		expect(String(request.text).split('\n').length).toBeLessThan(110);
		// The run keeps every row a few times over (n8n keeps each node's output): far below 1 GiB.
		expect(process.memoryUsage().heapUsed - before).toBeLessThan(512 * 1024 * 1024);
	}, 120_000);
});
