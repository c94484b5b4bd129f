import type { Sandbox } from '../../../sandbox/server';
import { byId, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { folder, json: run } = operations(current);

describe('Folder / File → Move', () => {
	it('moves an employee’s workspace into the Archive folder and waits for it', async () => {
		const [result] = await run({
			resource: 'folder',
			operation: 'move',
			folderIds: String(folder('workspace:jane')),
			destination: byId(folder('archive')),
			conflictResolution: 'Skip',
		});
		expect(result).toMatchObject({
			operation: 'move',
			status: 'completed',
			finished: true,
			progress: 100,
			error: '',
			outcome: 'completed',
			destinationId: folder('archive'),
			moved: [
				{
					id: folder('workspace:jane'),
					title: 'Workspace – Jane Doe',
					type: 'folder',
					parentId: folder('archive'),
				},
			],
		});
		expect(sandbox.state.entry(folder('workspace:jane'))!.parentId).toBe(folder('archive'));
		const moves = sandbox.log.filter((r) => r.path === '/files/fileops/move');
		expect(moves).toHaveLength(1);
		expect(moves[0].body).toMatchObject({
			deleteAfter: false,
			returnSingleOperation: true,
			conflictResolveType: 'Skip',
		});
	});

	it('is refused by DocSpace when the move starts, with nothing moved and no dry run', async () => {
		const [result] = await run({
			resource: 'folder',
			operation: 'move',
			folderIds: String(folder('workspace:jane')),
			destination: byId(folder('room:hr')),
		});
		// The owner is a DocSpace admin but not a member of "HR Policies": DocSpace checks the rights at the start (CopyPermissionsCheck).
		expect(result.error).toMatch(/^Could not move the entries/);
		expect(sandbox.writes().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'PUT /files/fileops/move 403',
		]);
		expect(sandbox.log.some((r) => r.path === '/files/fileops/checkdestfolder')).toBe(false);
		expect(sandbox.state.entry(folder('workspace:jane'))!.parentId).toBe(folder('room:workspaces'));
	});
});
