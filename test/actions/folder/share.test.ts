import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { folder, json: run } = operations(current);

describe('Folder / File → Share', () => {
	it('refuses to share with people inside a room, before sending anything', async () => {
		const [refused] = await run({
			resource: 'folder',
			operation: 'share',
			entryType: 'folder',
			entryId: String(folder('workspace:jane')),
			shareWith: { share: [{ subjectId: IDS.bob, access: 2 }] },
		});
		expect(refused.error).toBe(
			'"Workspace – Jane Doe" is in a room: DocSpace shares it only by link, not with people or groups [item 0]',
		);
		expect(sandbox.writes()).toEqual([]);
	});
});
