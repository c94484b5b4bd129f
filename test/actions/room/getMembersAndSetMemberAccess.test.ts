import { API_KEYS, IDS } from '../../../sandbox/seed';
import { byId, operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();

const { folder, id, json: run } = operations(current);

describe('Room → Get Members, and Set Member Access', () => {
	it('lists members, and removes a form filler only when forced', async () => {
		const members = await run({
			resource: 'room',
			operation: 'getMembers',
			room: byId(folder('room:phoenix')),
			members: 'users',
		});
		// A DocSpace admin who was not invited may read the room but not change its members.
		const [outsider] = await run({
			resource: 'room',
			operation: 'setMemberAccess',
			room: byId(folder('room:phoenix')),
			memberId: id('kai'),
			access: 2,
		});
		expect(outsider.error).toMatch(/^Could not change the room’s members/);
		expect(members.map((m) => m.name)).toEqual(['Jane Doe', 'Liam Chen', 'Noah Singh']);
		const remove = {
			resource: 'room',
			operation: 'setMemberAccess',
			room: byId(folder('room:phoenix')),
			memberId: id('noah'),
			access: 0,
		};
		// Jane is a room manager of her room.
		const [blocked] = await run(remove, API_KEYS.user);
		expect(blocked.error).toBe('DocSpace kept the room’s members unchanged [item 0]');
		const [removed] = await run({ ...remove, options: { force: true } }, API_KEYS.user);
		expect(removed).toEqual({
			roomId: folder('room:phoenix'),
			memberId: id('noah'),
			removed: true,
		});
		const [viewer] = await run({ ...remove, memberId: IDS.bob, access: 2 }, API_KEYS.user);
		expect(viewer).toMatchObject({ subjectId: IDS.bob, access: 'viewer' });
	});
});
