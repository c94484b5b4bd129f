import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { API_KEYS, sandboxCredentials, useSandbox } from '../harness/sandbox';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const id = (key: string) => sandbox.state.ids[key];
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function run(
	parameters: Record<string, unknown>,
	input: Array<Record<string, unknown>> = [{}],
	key = API_KEYS.owner,
) {
	const { output, errors } = await runWorkflow(
		singleNodeWorkflow(parameters, input as never, { continueOnFail: true }),
		sandboxCredentials(sandbox, { apiKey: key }) as never,
	);
	expect(errors).toEqual({});
	const items = output['DocSpace Admin'];
	return { json: jsonOf(items), paired: items.map((i) => (i.pairedItem as { item: number }).item) };
}

const requests = (method: string, path: RegExp) =>
	sandbox.log.filter((r) => r.method === method && path.test(r.path));

describe('User → Disable / Enable (batched)', () => {
	const disableEach = {
		resource: 'user',
		operation: 'disable',
		user: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	};

	it('disables five users with one request', async () => {
		const five = ['jane', 'liam', 'olivia', 'noah', 'emma'].map((k) => ({ id: id(k) }));
		const { json, paired } = await run(disableEach, five);
		expect(json.map((u) => u.status)).toEqual([
			'disabled',
			'disabled',
			'disabled',
			'disabled',
			'disabled',
		]);
		expect(paired).toEqual([0, 1, 2, 3, 4]);
		expect(requests('PUT', /^\/people\/status\/2$/)).toHaveLength(1);
		expect(sandbox.log.filter((r) => r.method === 'GET')).toEqual([]);
	});

	it('still disables the others when the owner is in the batch, with one error item for the owner', async () => {
		const batch = ['jane', 'liam', 'owner', 'noah', 'emma'].map((k) => ({ id: id(k) }));
		const { json, paired } = await run(disableEach, batch);
		expect(paired).toEqual([0, 1, 2, 3, 4]);
		expect(json[2]).toEqual({
			error: 'Could not disable the user: access denied',
			description: expect.stringContaining(
				'the owner, your own account and LDAP users cannot be changed',
			),
		});
		expect([0, 1, 3, 4].map((i) => json[i].status)).toEqual([
			'disabled',
			'disabled',
			'disabled',
			'disabled',
		]);
		expect(sandbox.state.user(IDS.owner)!.status).toBe(1);
		expect(requests('PUT', /^\/people\/status\/2$/).length).toBeLessThanOrEqual(5);
	});

	it('sends one request per item when "Send Together" is off, and enables', async () => {
		const three = ['jane', 'liam', 'olivia'].map((k) => ({ id: id(k) }));
		await run({ ...disableEach, options: { sendTogether: false } }, three);
		expect(requests('PUT', /^\/people\/status\/2$/)).toHaveLength(3);
		const { json } = await run({ ...disableEach, operation: 'enable' }, three);
		expect(json.map((u) => u.status)).toEqual(['active', 'active', 'active']);
	});

	it('reports a bad id for its own item, before any request', async () => {
		const { json } = await run(disableEach, [{ id: '../people/@self' }, { id: IDS.jane }]);
		expect(json[0].error).toBe("Invalid value in the parameter 'User' [item 0]");
		expect(json[1].status).toBe('disabled');
		expect(requests('PUT', /status/)[0].body).toEqual({ userIds: [IDS.jane], resendAll: false });
	});
});

describe('User → Create, Update, Delete, Change Type, Log Out, Send Deletion Instructions', () => {
	it('creates a user of the chosen type', async () => {
		const params = {
			resource: 'user',
			operation: 'create',
			firstName: 'Nina',
			lastName: 'New',
			email: 'nina.new@corp.example',
			type: 'RoomAdmin',
		};
		const { json } = await run(params);
		expect(json[0]).toMatchObject({
			displayName: 'Nina New',
			type: 'roomAdmin',
			status: 'active',
			activationStatus: 'pending',
		});
		const again = await run(params);
		expect(again.json[0].error).toBe(
			'Could not create the user: User with this email is already registered',
		);
	});

	it('updates the credential’s own name and refuses other people’s, without writing', async () => {
		const own = await run({
			resource: 'user',
			operation: 'update',
			user: byId(IDS.owner),
			updateFields: { firstName: 'Alexandra' },
		});
		expect(own.json[0]).toMatchObject({ displayName: 'Alexandra Admin' });
		const other = await run({
			resource: 'user',
			operation: 'update',
			user: byId(IDS.jane),
			updateFields: { firstName: 'X' },
		});
		expect(other.json[0].error).toBe(
			"Cannot update the parameter 'User' [item 0]: it is not the credential’s own profile",
		);
		expect(requests('PUT', new RegExp(IDS.jane))).toEqual([]);
	});

	it('refuses to delete an active user, deletes after "Disable First", and returns { deleted: true }', async () => {
		const refused = await run({ resource: 'user', operation: 'delete', user: byId(IDS.jane) });
		expect(refused.json[0]).toEqual({
			error: 'The user Jane Doe is still active [item 0]',
			description:
				'DocSpace deletes only disabled users. Disable them first (User → Disable), or turn on "Disable First".',
		});
		expect(sandbox.writes()).toEqual([]);
		const { json } = await run({
			resource: 'user',
			operation: 'delete',
			user: byId(IDS.jane),
			disableFirst: true,
		});
		expect(json[0]).toEqual({
			deleted: true,
			id: IDS.jane,
			displayName: 'Jane Doe',
			email: 'jane.doe@corp.example',
		});
		expect(sandbox.state.user(IDS.jane)).toBeUndefined();
	});

	it('refuses to delete while the user’s data is being reassigned', async () => {
		sandbox.setJobFaults({ stickTask: { queue: 'reassign', atPercent: 50 } });
		await run({ resource: 'user', operation: 'disable', user: byId(id('victor')) });
		await run({
			resource: 'reassignment',
			operation: 'start',
			fromUser: byId(id('victor')),
			toUser: byId(IDS.bob),
			waitForCompletion: false,
		});
		const { json } = await run({ resource: 'user', operation: 'delete', user: byId(id('victor')) });
		expect(json[0].error).toMatch(
			/^The data of Victor Stale is still being reassigned \(\d+%\) \[item 0\]$/,
		);
		expect(requests('DELETE', /people/)).toEqual([]);
	});

	it('changes a room admin to a user and hands the rooms to the recipient', async () => {
		const refused = await run({
			resource: 'user',
			operation: 'changeType',
			user: byId(id('rita')),
			type: 'User',
			recipient: byId(id('liam')),
		});
		expect(refused.json[0].error).toBe(
			"Invalid value in the parameter 'Recipient of Rooms' [item 0]",
		);
		expect(requests('POST', /type/)).toEqual([]);
		const { json } = await run({
			resource: 'user',
			operation: 'changeType',
			user: byId(id('rita')),
			type: 'User',
			recipient: byId(IDS.bob),
		});
		expect(json[0]).toMatchObject({
			status: 'completed',
			percentage: 100,
			outcome: 'completed',
			recipient: { id: IDS.bob },
		});
		expect(sandbox.state.user(id('rita'))!.type).toBe('User');
		expect(sandbox.state.entry(sandbox.state.folders['room:marketing'])!.createdBy).toBe(IDS.bob);
	});

	it('logs a user out everywhere', async () => {
		const { json } = await run({
			resource: 'user',
			operation: 'logOut',
			user: { __rl: true, mode: 'email', value: 'jane.doe@corp.example' },
		});
		expect(json[0]).toEqual({ loggedOut: true, id: IDS.jane });
		expect(sandbox.state.user(IDS.jane)!.sessions).toBe(0);
	});

	it('sends deletion instructions to the credential’s own user only', async () => {
		const { json } = await run(
			{ resource: 'user', operation: 'sendDeletionInstructions' },
			[{}],
			API_KEYS.user,
		);
		expect(json[0]).toEqual({
			sent: true,
			message:
				'Instructions to disable your profile has been sent to jane.doe@corp.example email address',
		});
		const owner = await run({ resource: 'user', operation: 'sendDeletionInstructions' });
		expect(owner.json[0].error).toBe('Could not send the deletion instructions: access denied');
	});
});
