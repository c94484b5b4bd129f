import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { useArchiveOffboarding } from '../../harness/offboarding';

// Preview's `message` is what an approver reads: the plan in sentences, names not ids, every
// warning in words, what is erased and what was done before.
const { current, offboarding, run } = useArchiveOffboarding();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});
const room = `"Archive – Jane Doe (${IDS.jane})"`;

describe('Offboarding → Preview explains the plan in sentences', () => {
	it('says who leaves, what happens in order, who opens the archive, what is erased and every warning', async () => {
		const preview = await run(offboarding('preview', { finalStep: 'deleteProfile' }));
		const lines = String(preview.message).split('\n');
		expect(lines[0]).toBe(
			'Jane Doe (jane.doe@corp.example) leaves. Bob Brown receives what they hand over.',
		);
		expect(lines).toEqual(
			expect.arrayContaining([
				'What will happen, in this order:',
				'1. Disable Jane Doe and end all their sessions.',
				'2. Hand over the rooms and shared files of Jane Doe to Bob Brown, and wait (Jane Doe owns 2 active rooms).',
				`6. Add to ${room}: Bob Brown as room manager, the group "HR" as viewers.`,
				`Who will be able to open "Workspace – Jane Doe" in the room ${room}: Alex Admin (owner), Bob Brown (room manager), HR (viewer), every DocSpace admin.`,
				'Erased for good: the profile of Jane Doe, and the files in their "My documents" they never shared.',
				'Please note:',
			]),
		);
		for (const warning of preview.warnings as string[]) expect(lines).toContain(`- ${warning}`);
		expect(String(preview.message)).not.toMatch(
			/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)?:? (as|group)/,
		);
		expect(sandbox.writes()).toEqual([]);
	});

	it('lists what an earlier run did, and says when nothing is erased or left to do', async () => {
		await run(offboarding('run'));
		const again = await run(offboarding('preview'));
		const message = String(again.message);
		expect(message).toContain(
			'Nothing is left to change; Run would only:\n1. Summarise the audit trail',
		);
		expect(message).toContain('Nothing is erased: the profile of Jane Doe is kept, disabled.');
		expect(message).toMatch(/Already done before this run:\n- Jane Doe is already disabled/);
	});

	it('puts what blocks the run first', async () => {
		const preview = await run(
			offboarding('preview', { recipient: { __rl: true, mode: 'id', value: IDS.jane } }),
		);
		expect(String(preview.message)).toMatch(
			/leaves\. .*\n\nThis offboarding cannot run yet:\n- The recipient must be someone else/,
		);
	});
});
