import {
	AUDIT_ACTION,
	AUDIT_ACTION_TYPE,
	AUDIT_ENTRY,
	AUDIT_LOCATION,
} from '../../../nodes/DocSpaceAdmin/api/codes';
import type { AuditEvent } from '../../../sandbox/model';
import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { isoNow } from '../../../sandbox/state';
import { operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { json: run } = operations(current);

const getEvents = (filters: Record<string, unknown>) =>
	run({ resource: 'audit', operation: 'getEvents', returnAll: true, filters });

type Kind = Pick<AuditEvent, 'actionId' | 'actionType' | 'location' | 'entries' | 'action'>;

const FILE_CREATED: Kind = {
	actionId: AUDIT_ACTION.FILE_CREATED,
	actionType: AUDIT_ACTION_TYPE.CREATE,
	location: AUDIT_LOCATION.FILES,
	entries: [AUDIT_ENTRY.FILE],
	action: 'File created',
};
const DATA_REASSIGNED: Kind = {
	actionId: AUDIT_ACTION.USER_DATA_REASSIGNS,
	actionType: AUDIT_ACTION_TYPE.REASSIGNS,
	location: AUDIT_LOCATION.CONTACTS,
	entries: [AUDIT_ENTRY.USER],
	action: 'User data reassigned',
};

/** `count` events by `userId`, a second apart, the newest now. */
function events(count: number, userId: string, kind: Kind, target: string[]): AuditEvent[] {
	return Array.from({ length: count }, (_, i) => ({
		id: 1000 + i,
		date: isoNow(Date.now() - i * 1000),
		userId,
		product: 2,
		target,
		...kind,
	}));
}

describe('Audit → Get Events', () => {
	it('returns all events of an actor, paging with count 100 until a short page', async () => {
		sandbox.state.audit.push(...events(150, IDS.jane, FILE_CREATED, ['1']));
		const found = await getEvents({ userId: IDS.jane });
		expect(found.length).toBeGreaterThan(150);
		expect(found.every((e) => e.userId === IDS.jane)).toBe(true);
		expect(sandbox.log.map((r) => r.query)).toEqual([
			`?userId=${IDS.jane}&count=100&startIndex=0`,
			`?userId=${IDS.jane}&count=100&startIndex=100`,
		]);
	});

	it('with Target and Entry Type "User" returns only the events about that user', async () => {
		const victor = sandbox.state.ids.victor;
		sandbox.state.audit.push(...events(1, IDS.owner, DATA_REASSIGNED, [victor, IDS.bob]));
		const found = await getEvents({ target: victor, entryType: AUDIT_ENTRY.USER });
		expect(found.map((e) => e.actionId)).toEqual([
			AUDIT_ACTION.USER_DATA_REASSIGNS,
			AUDIT_ACTION.USERS_UPDATED_STATUS,
		]);
		expect(
			found.every(
				(e) =>
					(e.target as string[]).includes(victor) &&
					(e.entries as number[]).includes(AUDIT_ENTRY.USER),
			),
		).toBe(true);
		expect(sandbox.log.map((r) => r.query)).toEqual([
			`?entryType=${AUDIT_ENTRY.USER}&target=${victor}&count=100&startIndex=0`,
		]);
	});

	it('with Action and Target returns the event with exactly that target', async () => {
		const victor = sandbox.state.ids.victor;
		const found = await getEvents({ action: AUDIT_ACTION.USERS_UPDATED_STATUS, target: victor });
		expect(found).toEqual([
			expect.objectContaining({ actionId: AUDIT_ACTION.USERS_UPDATED_STATUS, target: [victor] }),
		]);
	});

	it('refuses Target alone before sending anything, naming the parameter', async () => {
		const [result] = await getEvents({ target: IDS.jane });
		expect(result.error).toBe(
			"The parameter 'Target' filters nothing without 'Action' or 'Entry Type' [item 0]",
		);
		expect(result.description).toContain('Add an Action or Entry Type filter');
		expect(sandbox.log).toEqual([]);
	});

	it('refuses Action Type and Module next to Action, which DocSpace would ignore', async () => {
		const [result] = await getEvents({
			action: AUDIT_ACTION.USER_DELETED,
			actionType: AUDIT_ACTION_TYPE.DELETE,
			moduleType: AUDIT_LOCATION.CONTACTS,
		});
		expect(result.error).toBe(
			"The parameters 'Action Type' and 'Module' cannot be combined with 'Action' [item 0]",
		);
		expect(result.description).toContain('DocSpace ignores them when Action is set');
		expect(sandbox.log).toEqual([]);
	});
});

describe('Audit → Get Events on a plan without the audit trail', () => {
	it('reports the plan instead of passing the latest events on as filtered ones', async () => {
		sandbox.state.auditInPlan = false;
		sandbox.state.audit.push(...events(25, IDS.bob, FILE_CREATED, ['1']));
		for (const filters of [
			{ userId: IDS.jane },
			{ target: IDS.jane, entryType: AUDIT_ENTRY.USER },
		]) {
			const [result] = await getEvents(filters);
			expect(result.error).toBe(
				'DocSpace ignored the filters and returned its latest events instead [item 0]',
			);
			expect(result.description).toContain('plan does not include the audit trail');
			expect(result.description).toContain('Upgrade the plan');
		}
		expect(await getEvents({})).toHaveLength(20);
	});

	it('raises no alarm when the plan has the audit trail and the server’s own matching returns the events', async () => {
		// DocSpace matches Target with Entry Type as a substring: "101" finds files "1010", which are not "101".
		sandbox.state.audit.push(...events(3, IDS.jane, FILE_CREATED, ['1010']));
		const found = await getEvents({ target: '101', entryType: AUDIT_ENTRY.FILE, userId: IDS.jane });
		expect(found.map((e) => e.id)).toEqual([1000, 1001, 1002]);
		expect(sandbox.log).toHaveLength(1);
	});
});
