import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { json: run } = operations(current);

describe('Folder / File → Share, then Get Sharing', () => {
	it('shares a "My documents" file with "Viewer" as access 2, and lists the sharing', async () => {
		const handbook = sandbox.state.entries.find((e) => e.title === 'Company handbook.pdf')!.id;
		const shared = await run({
			resource: 'folder',
			operation: 'share',
			entryType: 'file',
			entryId: String(handbook),
			shareWith: { share: [{ subjectId: IDS.bob, access: 2 }] },
			notify: false,
		});
		expect(shared).toEqual([
			expect.objectContaining({
				subjectId: IDS.bob,
				access: 'viewer',
				accessCode: 2,
				subjectType: 'user',
			}),
		]);
		expect(sandbox.log.find((r) => r.method === 'PUT')!.body).toEqual({
			share: [{ shareTo: IDS.bob, access: 2 }],
			notify: false,
		});
		const list = await run({
			resource: 'folder',
			operation: 'getSharing',
			entryType: 'file',
			entryId: String(handbook),
		});
		expect(list.map((s) => s.access)).toEqual(['fullAccess', 'viewer']);
	});
});
