import type { Sandbox } from '../../../sandbox/server';
import { byId, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { folder, json: run } = operations(current);

describe('Folder / File → Get Contents, and Get', () => {
	it('lists a folder’s contents with a limit, and gets a folder', async () => {
		const entries = await run({
			resource: 'folder',
			operation: 'getContents',
			folder: byId(folder('room:workspaces')),
			returnAll: false,
			limit: 3,
			filters: { show: 'folders' },
		});
		expect(entries).toHaveLength(3);
		expect(entries.every((e) => e.type === 'folder')).toBe(true);
		expect(sandbox.log[0].query).toContain('count=3');
		const [info] = await run({
			resource: 'folder',
			operation: 'get',
			folder: byId(folder('room:deals')),
		});
		expect(info).toMatchObject({
			title: 'Sales Deals',
			type: 'room',
			roomType: 'editing',
			location: 'rooms',
			owner: 'Jane Doe',
		});
	});
});
