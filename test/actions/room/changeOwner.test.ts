import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { byId, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { folder, id, json: run } = operations(current);

describe('Room → Change Owner', () => {
	it('changes the owner to a room admin and can take the previous owner out', async () => {
		// The owner is a DocSpace admin: may change the owner, but not the members of a room they were not invited to.
		const change = {
			resource: 'room',
			operation: 'changeOwner',
			room: byId(folder('room:deals')),
			newOwner: byId(IDS.bob),
		};
		const [notAMember] = await run({ ...change, removePreviousOwner: true });
		expect(notAMember.error).toBe(
			'The credential’s user may not remove members of "Sales Deals" [item 0]',
		);
		expect(sandbox.writes()).toEqual([]);
		const [result] = await run(change);
		expect(result).toMatchObject({
			id: folder('room:deals'),
			ownerId: IDS.bob,
			previousOwnerId: IDS.jane,
			previousOwnerRemoved: false,
		});
		// DocSpace keeps the previous owner as room manager.
		expect(sandbox.state.entry(folder('room:deals'))!.shares[IDS.jane]).toBe(9);
		const [refused] = await run({
			resource: 'room',
			operation: 'changeOwner',
			room: byId(folder('room:phoenix')),
			newOwner: byId(id('liam')),
		});
		expect(refused.error).toBe("Invalid value in the parameter 'New Owner' [item 0]");
		sandbox.log.length = 0;
		const [archived] = await run({
			resource: 'room',
			operation: 'changeOwner',
			room: byId(folder('room:marketing')),
			newOwner: byId(IDS.bob),
		});
		expect(archived.error).toBe('The room "Legacy Marketing" is in the Archive [item 0]');
		expect(sandbox.writes()).toEqual([]);
	});
});
