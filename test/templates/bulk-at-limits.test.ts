import type { IDataObject } from 'n8n-workflow';

import { IDS } from '../../sandbox/seed';
import type { LoggedRequest, Sandbox } from '../../sandbox/server';
import { useSandbox } from '../harness/sandbox';
import { approvalMails, sandboxTemplate, submitDecision } from '../harness/templates';

// DocSpace's limits as they are (1,500 requests per window, 15 writes in flight, 10,000 writes a
// day), on a clock 60 times faster: a window of 1 s, so 1,000 leavers take seconds, not minutes.
const current = useSandbox({
	speed: { taskStepMs: 1, fileOpMs: 1 },
	limits: { windowMs: 1_000 },
});
let sandbox: Sandbox;
beforeEach(() => (sandbox = current()));

const ROWS = 1000;

describe('Template: offboard many employees from a CSV, at the portal’s limits', () => {
	it(`offboards ${ROWS} rows in one approved run: each leaver once, in order, no 429 error`, async () => {
		const leavers = sandbox.state.addLeavers(ROWS, 4);
		const bob = sandbox.state.user(IDS.bob)!.email;
		const csv = ['email,recipientEmail,workspaceFolderId,finalStep']
			.concat(leavers.map((l) => `${l.email},${bob},,keep`))
			.join('\n');
		const run = sandboxTemplate(sandbox, 'offboard-many-from-csv.json', {
			values: { leaversCsv: `${csv}\n`, parallel: '5' },
		});
		await run.start('Try it', [{ json: {} }], 'manual');
		expect(run.error()).toBeUndefined();
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.log.length).toBeLessThanOrEqual(3 * ROWS);
		const mail = approvalMails(sandbox)[0].text;
		expect(mail).toContain(`Bulk offboarding: ${ROWS} of ${ROWS} rows can run.`);
		expect(mail).toMatch(
			/Budget: Running 1,000 offboardings takes about [\d,]+ requests to DocSpace, [\d,]+ of them writes .* It fits in one day's write allowance/,
		);

		await run.resume(submitDecision('Approve'));
		expect(run.error()).toBeUndefined();
		const reports = run.last!.data.resultData.runData['Run every leaver'][0].data!.main[0]!;
		expect(reports.filter((r) => r.json.error !== undefined)).toEqual([]);
		expect(reports.map((r) => r.json.success)).toEqual(Array(ROWS).fill(true));

		// Each leaver disabled once, in lists, and each room handed over once, after the disable.
		const writes = sandbox.writes();
		const disabledAt = new Map<string, number>();
		for (const write of writes.filter((w) => w.path === '/people/status/2'))
			for (const id of (write.body as { userIds: string[] }).userIds) {
				expect(disabledAt.has(id)).toBe(false);
				disabledAt.set(id, write.seq);
			}
		const starts = writes.filter((w) => w.path === '/people/reassign/start');
		const startedFor = (w: LoggedRequest) => (w.body as IDataObject).fromUserId as string;
		expect(new Set(starts.map(startedFor)).size).toBe(starts.length);
		expect(starts).toHaveLength(ROWS / 4);
		for (const start of starts) expect(disabledAt.get(startedFor(start))).toBeLessThan(start.seq);
		for (const [i, leaver] of leavers.entries()) {
			expect(disabledAt.has(leaver.id)).toBe(true);
			expect(sandbox.state.user(leaver.id)!.status).toBe(2);
			if (i % 4 === 0) expect(sandbox.state.entry(leaver.roomId!)!.createdBy).toBe(IDS.bob);
		}
		expect(sandbox.notifications.at(-1)!.text).toContain(
			`Bulk offboarding finished: ${ROWS} offboarded, 0 already offboarded before (nothing changed), 0 failed, 0 skipped.`,
		);
	}, 90_000);
});
