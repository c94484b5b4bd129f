import { IDS } from '../../../sandbox/seed';
import { byId, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

// 50 ms between milestones: a reassignment takes 9 × 50 ms in these tests.
const current = useSandbox({ speed: { taskStepMs: 50, fileOpMs: 100 } });

const { id, first: run } = operations(current);

describe('Data Reassignment → Check If Needed', () => {
	it('checks whether a reassignment is needed', async () => {
		expect(
			await run({ resource: 'reassignment', operation: 'checkNeeded', user: byId(IDS.jane) }),
		).toEqual({
			userId: IDS.jane,
			displayName: 'Jane Doe',
			reassignmentNeeded: true,
			reasons: ['owns 2 active rooms'],
			ownedRooms: 2,
			archivedRooms: 0,
		});
		expect(
			await run({ resource: 'reassignment', operation: 'checkNeeded', user: byId(id('paula')) }),
		).toMatchObject({ reassignmentNeeded: false, reasons: [] });
		// DocSpace's own check says "not needed" for these two; the node reads the facts.
		expect(
			await run({ resource: 'reassignment', operation: 'checkNeeded', user: byId(id('rita')) }),
		).toMatchObject({ reassignmentNeeded: true, archivedRooms: 1 });
		expect(
			await run({ resource: 'reassignment', operation: 'checkNeeded', user: byId(id('greg')) }),
		).toMatchObject({
			reassignmentNeeded: true,
			reasons: ['shared files from "My documents"'],
		});
	});
});
