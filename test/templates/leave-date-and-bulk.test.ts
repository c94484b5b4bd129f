import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { sandboxTemplateValues } from '../../sandbox/templates';
import { useSandbox } from '../harness/sandbox';
import type { TemplateRun } from '../harness/templates';
import {
	approvalMails,
	OPEN_LINK,
	resumeAtWaitTill,
	sandboxTemplate,
	submitDecision,
	webhookResponses,
} from '../harness/templates';

// 200 offboardings send a few thousand requests: the per-minute limit is raised so the test measures
// the workflow, not DocSpace's rate limiter (the 15 writes in flight stay as DocSpace has them).
const current = useSandbox({
	speed: { taskStepMs: 20, fileOpMs: 40 },
	limits: { perMinute: 1_000_000, writesPerDay: 1_000_000 },
});
let sandbox: Sandbox;
beforeEach(() => (sandbox = current()));

describe('Template: offboard on the leave date HR sends', () => {
	const SECRET = { name: 'X-HR-Secret', value: 'hr-shared-secret' };
	const hrTemplate = (values: Record<string, string> = {}) =>
		sandboxTemplate(sandbox, 'offboard-on-hr-webhook.json', {
			values,
			headerAuthCredentialId: 'hr',
			credentials: { hr: SECRET },
		});
	const body = (extra: IDataObject = {}) => ({
		email: 'jane.doe@corp.example',
		recipientEmail: 'bob.brown@corp.example',
		workspaceFolderId: String(sandbox.state.folders['workspace:jane']),
		...extra,
	});
	/** HR's request, through the webhook, and the run it starts; returns what HR was answered. */
	const request = async (run: TemplateRun, extra: IDataObject = {}) => {
		const responses = webhookResponses(run);
		const { result, status } = await run.callWebhook('HR: employee left', {
			method: 'POST',
			body: body(extra),
			headers: { 'x-hr-secret': SECRET.value },
		});
		expect(status).toBe(200);
		await run.start('HR: employee left', result.workflowData![0]);
		expect(run.error()).toBeUndefined();
		expect(responses).toHaveLength(1);
		return responses[0] as { body: IDataObject; statusCode: number };
	};
	const janeDisabled = () => sandbox.state.user(IDS.jane)!.status === 2;

	it('runs at once when the leave date has passed, and tells HR so with the time zone it used', async () => {
		const run = hrTemplate();
		const answer = await request(run, { leaveDate: '2020-01-31' });
		expect(answer.statusCode).toBe(200);
		expect(answer.body).toMatchObject({
			accepted: true,
			employee: 'jane.doe@corp.example',
			runsLater: false,
			timeZone: 'America/New_York',
			approvalRequired: false,
		});
		expect(answer.body.message).toBe(
			'Jane Doe (jane.doe@corp.example) will be offboarded now; their rooms and shared files go to Bob Brown.',
		);
		expect(run.last?.waitTill).toBeUndefined();
		expect(run.output('Run offboarding')[0]).toMatchObject({ success: true });
		expect(janeDisabled()).toBe(true);
		const done = sandbox.notifications.at(-1)!;
		expect(done.text).toContain('Offboarding of Jane Doe (jane.doe@corp.example): Completed on ');
		// The report files went next to the archived workspace, and the chat links them.
		expect(done.text).toMatch(/\nReport: .*\.csv http.*\.html http/);
	});

	it('waits until a future leave date with a Wait node, changes nothing before it, then runs', async () => {
		const run = hrTemplate();
		const leaveDate = DateTime.now().setZone('America/New_York').plus({ days: 30 }).toISODate()!;
		const answer = await request(run, { leaveDate });
		const at = DateTime.fromISO(leaveDate, { zone: 'America/New_York' });
		expect(answer.body).toMatchObject({
			accepted: true,
			runsLater: true,
			runsAt: at.toISO(),
			timeZone: 'America/New_York',
		});
		expect(answer.body.message).toContain(
			`will be offboarded on ${leaveDate} 00:00 (America/New_York)`,
		);
		expect(run.last?.waitTill?.toISOString()).toBe(at.toUTC().toISO());
		expect(run.ran('Wait until the leave date')).toBe(true);
		expect(run.ran('Run offboarding')).toBe(false);
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.notifications).toEqual([]);

		await resumeAtWaitTill(run);
		expect(run.error()).toBeUndefined();
		expect(run.output('Run offboarding')[0]).toMatchObject({ success: true });
		expect(janeDisabled()).toBe(true);
		expect(sandbox.notifications).toEqual([
			expect.objectContaining({
				success: true,
				text: expect.stringContaining(
					'Offboarding of Jane Doe (jane.doe@corp.example): Completed on ',
				),
			}),
		]);
	});

	it('refuses a leave date that is not a date, with 400, and changes nothing', async () => {
		const run = hrTemplate();
		const answer = await request(run, { leaveDate: 'next Friday' });
		expect(answer.statusCode).toBe(400);
		expect(answer.body).toMatchObject({
			accepted: false,
			error: expect.stringContaining('"next Friday" is not an ISO date'),
		});
		expect(run.ran('Preview offboarding')).toBe(false);
		expect(sandbox.log).toEqual([]);
	});

	it('with requireApproval on: asks by e-mail, waits, and a rejection changes nothing', async () => {
		const run = hrTemplate({ requireApproval: 'true' });
		const answer = await request(run, { leaveDate: '2020-01-31' });
		expect(answer.body).toMatchObject({ accepted: true, approvalRequired: true });
		expect(answer.body.message).toContain('now, once approved by e-mail');
		expect(run.last?.waitTill).toBeDefined();
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.notifications).toHaveLength(0);
		expect(approvalMails(sandbox)[0].text).toContain(
			'Jane Doe (jane.doe@corp.example) will be offboarded now, once approved by e-mail',
		);

		// A link preview or a mail scanner opening the link decides nothing.
		await run.resume(OPEN_LINK);
		expect(run.last?.waitTill).toBeDefined();
		expect(run.ran('Approved?')).toBe(false);
		expect(String(run.page?.formDescription)).toContain('once approved by e-mail');

		await run.resume(submitDecision('Decline'));
		expect(run.error()).toBeUndefined();
		expect(run.ran('Run offboarding')).toBe(false);
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.notifications.at(-1)).toMatchObject({
			success: false,
			text: 'Offboarding of jane.doe@corp.example was not run, and nothing was changed: the approver declined it.',
		});
	});

	it('with requireApproval on and a future date: approval first, then the wait, then the run', async () => {
		const run = hrTemplate({ requireApproval: 'true' });
		const leaveDate = DateTime.now().setZone('America/New_York').plus({ days: 10 }).toISODate()!;
		await request(run, { leaveDate });
		await run.resume(submitDecision('Approve'));
		expect(run.error()).toBeUndefined();
		expect(run.last?.waitTill?.toISOString()).toBe(
			DateTime.fromISO(leaveDate, { zone: 'America/New_York' }).toUTC().toISO(),
		);
		expect(sandbox.writes()).toEqual([]);
		await resumeAtWaitTill(run);
		expect(run.output('Run offboarding')[0]).toMatchObject({ success: true });
		expect(janeDisabled()).toBe(true);
	});
});

describe('Template: offboard many employees from a CSV', () => {
	const ROWS = 200;
	const bulk = (values: Record<string, string> = {}) =>
		sandboxTemplate(sandbox, 'offboard-many-from-csv.json', { values });

	/** Leavers the sandbox does not seed: plain users, every fourth owning a room with a file in it. */
	const addLeavers = (count: number) => sandbox.state.addLeavers(count, 4);
	const csv = (rows: string[]) =>
		['email,recipientEmail,workspaceFolderId,finalStep', ...rows].join('\n') + '\n';

	it(`previews ${ROWS} rows with no writes, asks once, then offboards every row in parallel, each report paired to its row`, async () => {
		const leavers = addLeavers(ROWS);
		// Jobs finish by the first poll: the test counts rows, not seconds of DocSpace's job queue.
		Object.assign(sandbox.state.speed, { taskStepMs: 1, fileOpMs: 1 });
		const bob = sandbox.state.user(IDS.bob)!.email;
		const run = bulk({
			leaversCsv: csv(
				leavers.map(
					(l, i) => `${l.email},${i % 2 ? bob : ''},,${i % 10 === 9 ? 'deleteProfile' : ''}`,
				),
			),
			parallel: '3',
		});

		await run.start('Try it', [{ json: {} }], 'manual');
		expect(run.error()).toBeUndefined();
		expect(run.output('Preview every row')).toHaveLength(ROWS);
		expect(sandbox.writes()).toEqual([]);
		expect(run.last?.waitTill).toBeDefined();
		expect(sandbox.notifications).toHaveLength(0);
		const request = approvalMails(sandbox)[0];
		expect(request.text).toContain(`Bulk offboarding: ${ROWS} of ${ROWS} rows can run.`);
		// What the run will cost, before anyone approves it.
		expect(request.text).toMatch(
			new RegExp(
				`Budget: Running ${ROWS} offboardings takes about [\\d,]+ requests to DocSpace, [\\d,]+ of them writes .*It fits in one day's write allowance`,
			),
		);
		// One readable message: the first 50 rows by name, then a count of the rest.
		for (const leaver of leavers.slice(0, 50))
			expect(request.text).toContain(`${leaver.firstName} ${leaver.lastName} (${leaver.email}) → `);
		expect(request.text).not.toContain(`(${leavers[50].email})`);
		expect(request.text).toContain(`… and ${ROWS - 50} more`);

		await run.resume(submitDecision('Approve'));
		expect(run.error()).toBeUndefined();

		// Each Run item is the report of the row it is paired to.
		const rows = run.output('One item per leaver');
		const reports = run.last!.data.resultData.runData['Run every leaver'][0].data!.main[0]!;
		expect(reports).toHaveLength(ROWS);
		for (const [i, report] of reports.entries()) {
			const paired = report.pairedItem as { item: number };
			expect((report.json.user as IDataObject).email).toBe(rows[paired.item].email);
			expect(paired.item).toBe(i);
			expect(report.json.success).toBe(true);
			expect(Object.keys(report.binary ?? {})).toEqual(['reportCsv', 'reportHtml']);
		}
		// Nothing lost: every leaver disabled (or deleted when the row said so), every room handed to its recipient.
		for (const [i, leaver] of leavers.entries()) {
			const user = sandbox.state.user(leaver.id);
			if (i % 10 === 9) expect(user).toBeUndefined();
			else expect(user?.status).toBe(2);
		}
		for (const [i] of leavers.entries()) {
			if (i % 4) continue;
			const room = sandbox.state.entries.find((e) => e.title === `Room of leaver ${i}`)!;
			expect(room.createdBy).toBe(IDS.bob);
		}
		// One message with every row's outcome, in the rows' order.
		const done = sandbox.notifications.at(-1)!;
		expect(sandbox.notifications).toHaveLength(1);
		expect(done.text).toContain(
			`Bulk offboarding finished: ${ROWS} offboarded, 0 already offboarded before (nothing changed), 0 failed, 0 skipped.`,
		);
		expect(done.rows).toEqual(
			// Row numbers as the file has them: the header is row 1.
			leavers.map((l, i) => ({
				row: i + 2,
				email: l.email,
				outcome: 'offboarded',
				detail: expect.any(String),
			})),
		);
	}, 120_000);
});

describe('Template: offboard many employees from a CSV — skipped rows, report links, rejection', () => {
	const bulk = (values: Record<string, string> = {}) =>
		sandboxTemplate(sandbox, 'offboard-many-from-csv.json', { values });
	const withUnknown = () =>
		`${sandboxTemplateValues(sandbox).leaversCsv}nobody@corp.example,,,keep\n`;

	it('lists a row that cannot run as skipped, runs the others and links each stored report in the chat', async () => {
		const run = bulk({
			leaversCsv: withUnknown(),
			reportFolderId: String(sandbox.state.folders.archive),
		});
		await run.start('Try it', [{ json: {} }], 'manual');
		expect(sandbox.writes()).toEqual([]);
		expect(approvalMails(sandbox)[0].text).toContain('Bulk offboarding: 2 of 3 rows can run.');
		expect(approvalMails(sandbox)[0].text).toContain(
			'SKIPPED (nothing is done for these rows):\n• 4. nobody@corp.example: Could not find the user: No user has the email nobody@corp.example',
		);
		await run.resume(submitDecision('Approve'));
		expect(run.error()).toBeUndefined();
		expect(sandbox.state.user(IDS.jane)!.status).toBe(2);
		const done = sandbox.notifications.at(-1)!;
		expect(done.text).toContain(
			// Paula was disabled before and has nothing left to hand over.
			'Bulk offboarding finished: 1 offboarded, 1 already offboarded before (nothing changed), 0 failed, 1 skipped.',
		);
		expect(done.rows).toEqual([
			expect.objectContaining({
				row: 2,
				email: 'jane.doe@corp.example',
				outcome: 'offboarded',
				report: expect.stringMatching(/^http\S+ http\S+$/),
			}),
			expect.objectContaining({
				row: 3,
				email: sandbox.state.user(sandbox.state.ids.paula)!.email,
				outcome: 'alreadyDone',
				report: expect.stringMatching(/^http\S+ http\S+$/),
			}),
			expect.objectContaining({
				row: 4,
				email: 'nobody@corp.example',
				outcome: 'skipped',
				detail: expect.stringContaining('No user has the email'),
			}),
		]);
		const stored = sandbox.state
			.children(sandbox.state.folders.archive)
			.filter((e) => e.kind === 'file' && /\.(csv|html)$/.test(e.title));
		expect(stored).toHaveLength(4);
	});

	it('tells rows already offboarded by an earlier run from the ones it offboards', async () => {
		const first = bulk();
		await first.start('Try it', [{ json: {} }], 'manual');
		await first.resume(submitDecision('Approve'));
		sandbox.inbox.mails.length = 0;
		const again = bulk();
		await again.start('Try it', [{ json: {} }], 'manual');
		expect(approvalMails(sandbox)[0].text).toContain(
			'jane.doe@corp.example) → bob.brown@corp.example, final step keep (already offboarded: nothing left to change)',
		);
		await again.resume(submitDecision('Approve'));
		expect(sandbox.notifications.at(-1)!.text).toContain(
			'Bulk offboarding finished: 0 offboarded, 2 already offboarded before (nothing changed), 0 failed, 0 skipped.',
		);
		expect(sandbox.notifications.at(-1)!.text).toContain(
			'jane.doe@corp.example: already offboarded, nothing changed',
		);
	});

	it('changes nothing when the link is only opened, nor when the one approval is declined', async () => {
		const run = bulk();
		await run.start('Try it', [{ json: {} }], 'manual');
		await run.resume(OPEN_LINK);
		expect(run.last?.waitTill).toBeDefined();
		expect(String(run.page?.formDescription)).toContain('Bulk offboarding: 2 of 2 rows can run.');
		expect(run.ran('Approved?')).toBe(false);
		await run.resume(submitDecision('Decline'));
		expect(run.ran('Run every leaver')).toBe(false);
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.notifications.at(-1)).toMatchObject({
			success: false,
			text: 'Bulk offboarding of 2 rows was not run, and nothing was changed: the approver declined it.',
		});
	});

	it('asks for the login on its upload form: without it, no items and no request to DocSpace', async () => {
		const login = { user: 'hr', password: 'a long form password' };
		const run = sandboxTemplate(sandbox, 'offboard-many-from-csv.json', {
			credentials: { leaversFormLogin: login },
		});
		const basic = (user: string, password: string) => ({
			authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
		});
		for (const headers of [{}, basic('hr', 'guess')]) {
			const { result, status } = await run.callWebhook('Upload the leavers list', {
				method: 'GET',
				headers,
			});
			expect(status).toBe(401);
			expect(result.workflowData).toBeUndefined();
		}
		const { status } = await run.callWebhook('Upload the leavers list', {
			method: 'GET',
			headers: basic(login.user, login.password),
		});
		expect(status).toBe(200);
		expect(sandbox.log).toEqual([]);
	});
});
