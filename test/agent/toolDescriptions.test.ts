import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { DocSpaceAdmin } from '../../nodes/DocSpaceAdmin/DocSpaceAdmin.node';
import { TOOL_DESCRIPTIONS } from '../../nodes/DocSpaceAdmin/actions/toolDescriptions';
import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';
import { byId } from '../harness/operations';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';

// What the model reads about each operation when the node is an AI agent's tool, and whether it is true.
const node = new DocSpaceAdmin().description;

/** Every operation value of each resource, as the node lists them. */
const operationsOf = (properties: INodeProperties[]) =>
	properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			(p.options as Array<{ value: string }>).map((o) => [
				(p.displayOptions!.show!.resource as string[])[0],
				o.value,
			]),
		);

/** The output fields a description names in double quotes after "Returns", e.g. "planId". */
const namedFields = (text: string) =>
	[...text.slice(text.indexOf('Returns')).matchAll(/"([a-z][A-Za-z]+)"/g)].map((m) => m[1]);

describe('Tool descriptions for AI agents', () => {
	it('describe every operation, and nothing else', () => {
		const listed = Object.entries(TOOL_DESCRIPTIONS).flatMap(([resource, ops]) =>
			Object.keys(ops).map((op) => [resource, op]),
		);
		expect(listed.sort()).toEqual(operationsOf(node.properties).sort());
	});

	it('say of every operation that changes data that an agent is refused it', () => {
		const refused = /as an AI agent’s tool it is refused/;
		const changes = [
			'user.changeType',
			'user.delete',
			'user.disable',
			'user.logOut',
			'user.makeGroupManager',
			'user.removeFromGroup',
			'user.update',
			'reassignment.start',
			'reassignment.terminate',
			'dataRemoval.start',
			'dataRemoval.terminate',
			'personalFolder.startDeletion',
			'folder.move',
			'folder.share',
			'room.archive',
			'room.unarchive',
			'room.changeOwner',
			'room.setMemberAccess',
		];
		for (const [resource, ops] of Object.entries(TOOL_DESCRIPTIONS))
			for (const [op, text] of Object.entries(ops))
				expect([`${resource}.${op}`, refused.test(text)]).toEqual([
					`${resource}.${op}`,
					changes.includes(`${resource}.${op}`),
				]);
	});
});

describe('What a tool description says it returns, it returns', () => {
	const current = useSandbox({ speed: { taskStepMs: 20, fileOpMs: 40 } });
	let sandbox: Sandbox;
	beforeEach(() => (sandbox = current()));
	const folder = (key: string) => String(sandbox.state.folders[key]);

	async function asTool(parameters: IDataObject): Promise<IDataObject[]> {
		const { output, errors } = await runWorkflow(
			singleNodeWorkflow(parameters, [{}], { asAgentTool: true }),
			sandboxCredentials(sandbox) as never,
		);
		expect(errors).toEqual({});
		return jsonOf(output['DocSpace Admin']);
	}

	const cases: Array<[string, string, () => IDataObject]> = [
		['user', 'getMany', () => ({ returnAll: false, limit: 5, filters: { search: 'jane' } })],
		['user', 'get', () => ({ user: byId(IDS.jane) })],
		['user', 'getGroups', () => ({ user: byId(sandbox.state.ids.liam) })],
		['reassignment', 'checkNeeded', () => ({ user: byId(IDS.jane) })],
		['reassignment', 'getProgress', () => ({ user: byId(IDS.jane) })],
		['dataRemoval', 'getProgress', () => ({ user: byId(IDS.jane) })],
		['folder', 'get', () => ({ folder: byId(folder('room:deals')) })],
		['folder', 'getContents', () => ({ folder: byId(folder('room:workspaces')), returnAll: true })],
		['room', 'get', () => ({ room: byId(folder('room:phoenix')) })],
		['room', 'getMany', () => ({ returnAll: true, subject: 'owner', user: byId(IDS.jane) })],
		['room', 'getMembers', () => ({ room: byId(folder('room:phoenix')), members: 'users' })],
		[
			'offboarding',
			'preview',
			() => ({ user: byId(IDS.jane), recipient: byId(IDS.bob), finalStep: 'keep' }),
		],
	];

	it.each(cases)('%s → %s', async (resource, operation, parameters) => {
		const items = await asTool({ resource, operation, ...parameters() });
		expect(items.length).toBeGreaterThan(0);
		const fields = namedFields(TOOL_DESCRIPTIONS[resource][operation]);
		expect(fields.length).toBeGreaterThan(0);
		for (const item of items)
			for (const field of fields) expect(Object.keys(item)).toContain(field);
	});

	it('offboarding → run', async () => {
		const preview = { user: byId(IDS.jane), recipient: byId(IDS.bob), finalStep: 'keep' };
		const [plan] = await asTool({ resource: 'offboarding', operation: 'preview', ...preview });
		const [done] = await asTool({
			resource: 'offboarding',
			operation: 'run',
			...preview,
			planId: plan.planId,
			report: { attachFiles: false },
		});
		for (const field of namedFields(TOOL_DESCRIPTIONS.offboarding.run))
			expect(Object.keys(done)).toContain(field);
	});
});

describe('A name where an e-mail belongs', () => {
	const current = useSandbox();
	it('points to finding the person by name, and sends nothing', async () => {
		const sandbox = current();
		const { errors } = await runWorkflow(
			singleNodeWorkflow(
				{
					resource: 'offboarding',
					operation: 'preview',
					user: { __rl: true, mode: 'email', value: "={{ 'Jane Doe' }}" },
					recipient: byId(IDS.bob),
				},
				[{}],
				{ asAgentTool: true },
			),
			sandboxCredentials(sandbox) as never,
		);
		expect(errors['DocSpace Admin'].description).toMatch(
			/got "Jane Doe"\. That looks like a name: find the person with User → Get Many/,
		);
		expect(sandbox.log).toEqual([]);
	});
});
