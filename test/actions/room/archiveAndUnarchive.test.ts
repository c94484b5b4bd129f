import type { Sandbox } from '../../../sandbox/server';
import { byId, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { folder, json: run } = operations(current);

describe('Room → Archive, then Unarchive', () => {
	it('archives and unarchives, waiting for the file operation', async () => {
		const [archived] = await run({
			resource: 'room',
			operation: 'archive',
			room: byId(folder('room:deals')),
		});
		expect(archived).toMatchObject({
			roomId: folder('room:deals'),
			status: 'completed',
			outcome: 'completed',
		});
		expect(sandbox.state.entry(folder('room:deals'))!.parentId).toBe(
			sandbox.state.folders.archiveRoot,
		);
		await run({ resource: 'room', operation: 'unarchive', room: byId(folder('room:deals')) });
		expect(sandbox.state.entry(folder('room:deals'))!.parentId).toBe(sandbox.state.folders.rooms);
	});
});
