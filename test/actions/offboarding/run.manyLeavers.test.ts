import type { IDataObject } from 'n8n-workflow';

import type { LoggedRequest, Sandbox } from '../../../sandbox/server';
import { leaverItems, leaverOfEachItem } from '../../harness/bulk';
import { runItems } from '../../harness/operations';
import { sandboxCredentials, useSandbox } from '../../harness/sandbox';

const current = useSandbox({
	speed: { taskStepMs: 1, fileOpMs: 1 },
	limits: { perMinute: 1_000_000 },
});
let sandbox: Sandbox;
beforeEach(() => (sandbox = current()));

const LEAVERS = 100;

/** Reports attached only; a tenth of the leavers' profiles deleted. */
const REPORT = { attachFiles: false, parallel: 5 };
const run = leaverOfEachItem('run', { finalStep: '={{ $json.finalStep }}', report: REPORT });

const leavers = (count: number) =>
	leaverItems(sandbox, count).map((l, i) => ({
		...l,
		finalStep: i % 10 === 9 ? 'deleteProfile' : 'keep',
	}));

const reports = async (input: IDataObject[], report: IDataObject = {}) =>
	(
		await runItems({ ...run, report: { ...REPORT, ...report } }, input, sandboxCredentials(sandbox))
	).map((i) => i.json);

/** The writes about one leaver, in the order the portal received them. */
const writesAbout = (leaver: { id: string; workspaceFolderId: string }, roomId?: number) =>
	sandbox
		.writes()
		.filter(
			(r: LoggedRequest) =>
				JSON.stringify(r.body ?? {}).includes(leaver.id) ||
				r.path.includes(leaver.id) ||
				JSON.stringify(r.body ?? {}).includes(`${leaver.workspaceFolderId}]`) ||
				(roomId !== undefined && r.path.includes(`/${roomId}/`)),
		);

describe('Offboarding → Run of many leavers', () => {
	it(`disables all ${LEAVERS} in one list and keeps each leaver’s order: at most 4 writes per leaver`, async () => {
		const input = leavers(LEAVERS);
		const done = await reports(input);
		expect(done.every((r) => r.success === true)).toBe(true);
		const disables = sandbox.writes().filter((r) => r.path === '/people/status/2');
		expect(disables).toHaveLength(1);
		expect((disables[0].body as { userIds: string[] }).userIds).toHaveLength(LEAVERS);
		expect(sandbox.writes().length / LEAVERS).toBeLessThanOrEqual(4);
		for (const [i, leaver] of input.entries()) {
			const user = sandbox.state.user(leaver.id);
			if (i % 10 === 9) expect(user).toBeUndefined();
			else expect(user?.status).toBe(2);
			const workspace = sandbox.state.entry(Number(leaver.workspaceFolderId))!;
			expect(sandbox.state.entry(workspace.parentId)!.title).toBe(
				`Archive – Leaver ${String(i).padStart(3, '0')} (${leaver.id})`,
			);
			// Disabled first; the profile deleted only after the reassignment started and completed.
			const seqs = writesAbout(leaver).map((r) => `${r.method} ${r.path}`);
			expect(seqs[0]).toBe('PUT /people/status/2');
			if (i % 4 === 0) expect(seqs[1]).toBe('POST /people/reassign/start');
			if (i % 10 === 9) expect(seqs.at(-1)).toBe(`DELETE /people/${leaver.id}`);
		}
		const starts = sandbox.writes().filter((r) => r.path === '/people/reassign/start');
		expect(starts).toHaveLength(LEAVERS / 4);
	});

	it('writes nothing on a second run: every step is already so', async () => {
		const input = leavers(20);
		await reports(input);
		sandbox.log.length = 0;
		const kept = input.filter((l) => l.finalStep === 'keep');
		const again = await reports(kept);
		expect(again.map((r) => [r.success, r.changed])).toEqual(kept.map(() => [true, false]));
		expect(sandbox.writes()).toEqual([]);
	});

	it('refuses, before any write, a row whose recipient leaves in the same run; the others run', async () => {
		const [first, second] = leavers(2);
		sandbox.state.user(second.id)!.type = 'RoomAdmin';
		const items = await runItems(
			run,
			[{ ...first, recipientEmail: second.email }, second],
			sandboxCredentials(sandbox),
		);
		expect(items[0].json.error).toBe(`Leaver 001 leaves in this run too (item 1) [item 0]`);
		expect(items[1].json.success).toBe(true);
		expect(sandbox.state.user(first.id)!.status).toBe(1);
		expect(writesAbout(first)).toEqual([]);
	});

	it('stores one report of the whole run in the report folder: two writes, not two per leaver', async () => {
		const input = leavers(20);
		const folderId = sandbox.state.folders.archive;
		const stored = await reports(
			input.map((l) => ({ ...l, workspaceFolderId: '' })),
			{ storeIn: 'folder', folderId: String(folderId) },
		);
		const inserts = sandbox.writes().filter((w) => w.path === `/files/${folderId}/insert`);
		expect(inserts).toHaveLength(2);
		const files = sandbox.state
			.children(folderId)
			.filter((e) => e.kind === 'file' && e.title.startsWith('offboarding-'));
		expect(files.map((f) => f.title)).toEqual([
			expect.stringMatching(/^offboarding-run-\d{12}-20-people\.csv$/),
			expect.stringMatching(/^offboarding-run-\d{12}-20-people\.html$/),
		]);
		for (const report of stored) {
			expect(report.storedReport).toEqual({
				folderId,
				forTheRun: true,
				files: [
					expect.objectContaining({ title: files[0].title }),
					expect.objectContaining({ title: files[1].title }),
				],
			});
			expect(
				(report.steps as Array<{ step: string; detail: string }>).find(
					(s) => s.step === 'storeReport',
				)!.detail,
			).toBe(`Stored with the report of the whole run, in the folder ${folderId}`);
		}
	});

	it('stores a leaver alone under their own names, as before', async () => {
		const [alone] = leavers(1);
		const folderId = sandbox.state.folders.archive;
		await reports([{ ...alone, workspaceFolderId: '' }], {
			storeIn: 'folder',
			folderId: String(folderId),
		});
		const titles = sandbox.state.children(folderId).map((e) => e.title);
		expect(titles).toEqual(
			expect.arrayContaining([
				`offboarding-leaver-000-${alone.id.slice(0, 8)}.csv`,
				`offboarding-leaver-000-${alone.id.slice(0, 8)}.html`,
			]),
		);
	});

	it('stores two files per leaver when One Report per Leaver is on', async () => {
		const input = leavers(3);
		const folderId = sandbox.state.folders.archive;
		await reports(
			input.map((l) => ({ ...l, workspaceFolderId: '' })),
			{ storeIn: 'folder', folderId: String(folderId), perLeaver: true },
		);
		expect(sandbox.writes().filter((w) => w.path === `/files/${folderId}/insert`)).toHaveLength(6);
	});
});
