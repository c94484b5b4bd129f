import nock from 'nock';
import type {
	IDataObject,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';

import { properties } from '../../nodes/DocSpaceAdmin/actions/versionDescription';
import { API_KEYS, IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { apiKeyCredentials } from '../harness/portal';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';

/** Values an expression or a file cell can give that are close to, but not, a valid one. */
function wrongValueFor(
	property: INodeProperties,
): { expression: string; shown: string } | undefined {
	switch (property.type) {
		case 'options':
			if (property.typeOptions?.loadOptionsMethod) return undefined;
			return {
				expression: '={{ "Bogus" }}',
				shown: (property.options as INodePropertyOptions[]).some((o) => typeof o.value !== 'string')
					? '"Bogus" (text)'
					: '"Bogus"',
			};
		case 'multiOptions':
			if (property.typeOptions?.loadOptionsMethod) return undefined;
			return { expression: '={{ ["Bogus"] }}', shown: '["Bogus"]' };
		case 'boolean':
			return { expression: '={{ "false" }}', shown: '"false" (text)' };
		case 'number':
			return { expression: '={{ "3" }}', shown: '"3" (text)' };
		default:
			return undefined;
	}
}

/** Something for each required parameter, so n8n lets the node run at all. */
function requiredValues(own: INodeProperties[]): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const p of own.filter((p) => p.required))
		values[p.name] =
			p.type === 'resourceLocator'
				? { __rl: true, mode: 'id', value: '={{ "1" }}' }
				: p.type === 'string'
					? '={{ "1" }}'
					: p.default;
	return values;
}

interface Case {
	resource: string;
	operation: string;
	label: string;
	parameters: Record<string, unknown>;
	shown: string;
}

const operationsOf = (resource: string) =>
	properties
		.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
		.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => String(o.value)));

const belongsTo = (p: INodeProperties, resource: string, operation: string) =>
	p.displayOptions?.show?.resource?.includes(resource) &&
	p.displayOptions?.show?.operation?.includes(operation);

/** One case per parameter with an exact set, nested ones included, in every operation. */
function cases(): Case[] {
	const resources = (
		properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]
	).map((o) => String(o.value));
	const all: Case[] = [];
	for (const resource of resources)
		for (const operation of operationsOf(resource)) {
			const own = properties.filter(
				(p) => p.name !== 'operation' && belongsTo(p, resource, operation),
			);
			const base = { resource, operation, ...requiredValues(own) };
			for (const property of own) {
				const wrong = wrongValueFor(property);
				if (wrong)
					all.push({
						...base,
						label: property.displayName,
						parameters: { ...base, [property.name]: wrong.expression },
						shown: wrong.shown,
					});
				if (property.type === 'collection')
					for (const option of property.options as INodeProperties[]) {
						const nested = wrongValueFor(option);
						if (nested)
							all.push({
								...base,
								label: `${property.displayName} › ${option.displayName}`,
								parameters: { ...base, [property.name]: { [option.name]: nested.expression } },
								shown: nested.shown,
							});
					}
				if (property.type === 'fixedCollection')
					for (const group of property.options as INodePropertyCollection[])
						for (const field of group.values) {
							const nested = wrongValueFor(field);
							if (nested)
								all.push({
									...base,
									label: `${property.displayName} › ${group.displayName} › ${field.displayName}`,
									parameters: {
										...base,
										[property.name]: { [group.name]: [{ [field.name]: nested.expression }] },
									},
									shown: nested.shown,
								});
						}
			}
		}
	return all;
}

describe('every parameter with an exact set refuses any other value, before a request', () => {
	const all = cases();
	afterAll(() => nock.enableNetConnect());

	it('covers every operation that has such a parameter', () => {
		expect(all.length).toBeGreaterThan(60);
		expect(new Set(all.map((c) => `${c.resource}.${c.operation}`)).size).toBeGreaterThan(25);
	});

	it.each(all.map((c) => [`${c.resource} → ${c.operation}: ${c.label}`, c] as const))(
		'%s',
		async (_, c) => {
			nock.disableNetConnect();
			const { output, errors } = await runWorkflow(
				singleNodeWorkflow(c.parameters, [{}], { continueOnFail: true }),
				structuredClone(apiKeyCredentials) as never,
			);
			expect(errors).toEqual({});
			const [item] = jsonOf(output['DocSpace Admin']);
			expect(item.error).toBe(`Invalid value ${c.shown} in the parameter '${c.label}' [item 0]`);
			expect(item.description).toMatch(/must be exactly .*Nothing was sent to DocSpace/);
			// nock refuses every connection: had the node sent anything, the error would say so.
			expect(String(item.error)).not.toMatch(/connect|Nock/i);
		},
	);
});

describe('Offboarding never erases on a value it does not know', () => {
	const current = useSandbox();
	let sandbox: Sandbox;
	beforeEach(() => {
		sandbox = current();
	});

	const offboarding = (operation: string, extra: Record<string, unknown> = {}) => ({
		resource: 'offboarding',
		operation,
		user: { __rl: true, mode: 'id', value: IDS.jane },
		recipient: { __rl: true, mode: 'id', value: IDS.bob },
		workspaceFolderId: '',
		archiveInto: 'newRoom',
		archiveTheRoom: false,
		finalStep: '={{ $json.finalStep }}',
		report: { attachFiles: false },
		...extra,
	});

	async function runItems(parameters: Record<string, unknown>, items: IDataObject[]) {
		const { output, errors } = await runWorkflow(
			singleNodeWorkflow(parameters, items, { continueOnFail: true }),
			sandboxCredentials(sandbox, { apiKey: API_KEYS.owner }) as never,
		);
		expect(errors).toEqual({});
		return jsonOf(output['DocSpace Admin']);
	}

	const SLOPPY = ['Keep', 'KEEP', 'no', 'none', 'keep profile', '', ' keep', 'remove', null];

	it.each(['run', 'preview'])(
		'%s: a final step that is not exactly keep, deleteProfile or removeData is an error, and nothing is written',
		async (operation) => {
			const results = await runItems(
				offboarding(operation),
				SLOPPY.map((finalStep) => ({ finalStep })),
			);
			expect(results).toHaveLength(SLOPPY.length);
			results.forEach((result, i) => {
				expect(result.error).toMatch(
					new RegExp(`^Invalid value .* in the parameter 'Finally' \\[item ${i}\\]$`),
				);
				expect(result.description).toContain('"keep" (Keep the Disabled Profile)');
				expect(result.description).toContain('"removeData" (Remove Data and Profile)');
			});
			expect(sandbox.writes()).toEqual([]);
			expect(sandbox.state.user(IDS.jane)?.status).toBe(1);
		},
	);

	it('a boolean given as text, or an unknown place for the report, stops before any write', async () => {
		const results = await runItems(
			offboarding('run', {
				archiveTheRoom: '={{ $json.archive }}',
				finalStep: 'keep',
				report: { storeIn: '={{ $json.storeIn }}' },
			}),
			[
				{ archive: 'false', storeIn: 'nowhere' },
				{ archive: false, storeIn: 'Archive room' },
			],
		);
		expect(results[0].error).toBe(
			`Invalid value "false" (text) in the parameter 'Move the Room to the Archive' [item 0]`,
		);
		expect(results[1].error).toBe(
			`Invalid value "Archive room" in the parameter 'Report › Store Report In' [item 1]`,
		);
		expect(sandbox.writes()).toEqual([]);
	});

	it('still runs a valid item next to a refused one, each paired to its input', async () => {
		const results = await runItems(offboarding('run'), [
			{ finalStep: 'Keep' },
			{ finalStep: 'keep' },
		]);
		expect(results[0].error).toMatch(/'Finally' \[item 0\]/);
		expect(results[1]).toMatchObject({ success: true, user: { id: IDS.jane, status: 'disabled' } });
		expect(sandbox.writes().some((w) => /people\/remove|people\/delete/.test(w.path))).toBe(false);
	});
});

describe('Room → Set Member Access: an empty role is not "Remove From Room"', () => {
	const current = useSandbox();

	it('refuses "", "0" and "Viewer" from an expression without sending anything', async () => {
		const sandbox = current();
		const { output } = await runWorkflow(
			singleNodeWorkflow(
				{
					resource: 'room',
					operation: 'setMemberAccess',
					room: { __rl: true, mode: 'id', value: '1' },
					memberId: IDS.bob,
					access: '={{ $json.role }}',
				},
				[{ role: '' }, { role: '0' }, { role: 'Viewer' }],
				{ continueOnFail: true },
			),
			sandboxCredentials(sandbox, { apiKey: API_KEYS.owner }) as never,
		);
		expect(jsonOf(output['DocSpace Admin']).map((r) => r.error)).toEqual([
			`Invalid value "" (text) in the parameter 'Role' [item 0]`,
			`Invalid value "0" (text) in the parameter 'Role' [item 1]`,
			`Invalid value "Viewer" (text) in the parameter 'Role' [item 2]`,
		]);
		expect(sandbox.writes()).toEqual([]);
	});
});
