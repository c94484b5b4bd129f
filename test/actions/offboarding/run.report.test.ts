import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { useAccessOffboarding } from '../../harness/offboarding';

const { current, offboarding, runItems, run } = useAccessOffboarding();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

describe('Offboarding → Run: the report', () => {
	it('attaches the report as a CSV and an HTML file, and stores them in the archive room', async () => {
		const [item] = await runItems(
			offboarding('run', {
				workspaceFolderId: String(sandbox.state.folders['workspace:jane']),
				report: { attachFiles: true, storeIn: 'archiveRoom' },
			}),
		);
		const csv = Buffer.from(item.binary!.reportCsv.data, 'base64').toString('utf8');
		expect(item.binary!.reportCsv).toMatchObject({
			mimeType: 'text/csv',
			fileName: `offboarding-jane-doe-${IDS.jane.slice(0, 8)}.csv`,
		});
		expect(csv.split('\r\n')[0]).toBe('order,step,status,detail,error,durationSeconds,readBack');
		expect(csv).toContain('"1","disable","done","Jane Doe disabled; sessions ended","",');
		const html = Buffer.from(item.binary!.reportHtml.data, 'base64').toString('utf8');
		expect(html).toContain('<h1>Offboarding of Jane Doe</h1>');
		expect(html).toContain('Bob Brown (room manager)');
		// Each step's read-back is in both files.
		const readBack = 'the profile is disabled (status 2); the status change ended its sessions';
		expect(csv).toContain(`"${readBack}"`);
		expect(html).toContain(`<td>${readBack}</td>`);
		const stored = item.json.storedReport as { files: Array<{ id: number; title: string }> };
		const room = sandbox.state.entries.find((e) => e.title === `Archive – Jane Doe (${IDS.jane})`)!;
		expect(stored.files.map((f) => sandbox.state.entry(f.id)!.parentId)).toEqual([
			room.id,
			room.id,
		]);
		// The stored report is the run up to storing it; the attached one goes on to the end.
		const storedCsv = String(sandbox.state.entry(stored.files[0].id)!.content);
		expect(csv.startsWith(storedCsv)).toBe(true);
		expect(storedCsv).toContain('"auditSummary","done"');
	});

	it('stores the report before the room goes to the Archive, and a rerun adds versions, not copies', async () => {
		const workspaceFolderId = String(sandbox.state.folders['workspace:jane']);
		const first = await run(
			offboarding('run', {
				workspaceFolderId,
				report: { attachFiles: false, storeIn: 'archiveRoom' },
			}),
		);
		expect(first.success).toBe(true);
		const room = sandbox.state.entries.find((e) => e.title === `Archive – Jane Doe (${IDS.jane})`)!;
		const reports = () =>
			sandbox.state
				.children(room.id)
				.filter((e) => e.kind === 'file' && /\.(csv|html)$/.test(e.title));
		expect(reports().map((f) => [f.title, f.version])).toEqual([
			[`offboarding-jane-doe-${IDS.jane.slice(0, 8)}.csv`, 1],
			[`offboarding-jane-doe-${IDS.jane.slice(0, 8)}.html`, 1],
		]);

		const second = await run(
			offboarding('run', {
				workspaceFolderId,
				archiveTheRoom: true,
				report: { attachFiles: false, storeIn: 'archiveRoom' },
			}),
		);
		expect(second).toMatchObject({ success: true, storedReport: { folderId: room.id } });
		const steps = (second.steps as Array<{ step: string; status: string }>).map(
			(s) => `${s.step}:${s.status}`,
		);
		expect(steps.slice(-2)).toEqual(['storeReport:done', 'archiveTheRoom:done']);
		expect(room.parentId).toBe(sandbox.state.folders.archiveRoot);
		expect(reports().map((f) => [f.title, f.version])).toEqual([
			[`offboarding-jane-doe-${IDS.jane.slice(0, 8)}.csv`, 2],
			[`offboarding-jane-doe-${IDS.jane.slice(0, 8)}.html`, 2],
		]);

		// Once the room is in the Archive, which accepts no new file, a rerun says so and writes nothing.
		const writes = sandbox.writes().length;
		const third = await run(
			offboarding('run', {
				workspaceFolderId,
				archiveTheRoom: true,
				report: { attachFiles: false, storeIn: 'archiveRoom' },
			}),
		);
		expect(third).toMatchObject({ success: true, changed: false });
		expect(third.warnings).toContain(
			`The report cannot be stored in "Archive – Jane Doe (${IDS.jane})": it is in DocSpace’s Archive. Store it in a folder, or restore the room first.`,
		);
		expect(sandbox.writes()).toHaveLength(writes);
	});

	it('refuses to start when the report has nowhere to go, before changing anything', async () => {
		const refused = await run(offboarding('run', { report: { storeIn: 'folder', folderId: '' } }));
		expect(refused.error).toBe("Missing value in the parameter 'Report Folder ID' [item 0]");
		expect(sandbox.writes()).toEqual([]);
	});
});
