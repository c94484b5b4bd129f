import type { INodeExecutionData } from 'n8n-workflow';

import { locatorFromItemField } from '../../nodes/DocSpaceAdmin/actions/itemField';
import { executeContext } from '../harness/context';

const items: INodeExecutionData[] = [
	{ json: { id: '3f2b0000-0000-4000-8000-000000000001' } },
	{ json: { id: '  padded  ' } },
	{ json: { id: 42 } },
	{ json: {} },
	{ json: { id: null } },
	{ json: { id: true } },
	{ json: { id: { nested: 'x' } } },
	{ json: { id: '={{ 1 + 1 }}' } },
];

const contextFor = (value: string, mode = 'id') =>
	executeContext(
		{},
		{
			parameters: { resource: 'user', operation: 'get', user: { __rl: true, mode, value } },
			items,
		},
	).context;

describe('locatorFromItemField', () => {
	it.each(['={{ $json.id }}', '={{$json.id}}', '={{  $json.id\n}}'])(
		'reads %j from each item exactly as n8n’s expression does',
		(value) => {
			for (const mode of ['id', 'email']) {
				const ctx = contextFor(value, mode);
				items.forEach((_, i) => {
					const fast = locatorFromItemField(ctx, 'user', i);
					expect(fast).toBeDefined();
					expect(fast).toEqual(ctx.getNodeParameter('user', i, undefined, { extractValue: false }));
				});
			}
		},
	);

	it.each([
		'={{ $json["id"] }}',
		'={{ $json.id.trim() }}',
		'={{ $json.user.id }}',
		'={{ $json.id }} ',
		'=id {{ $json.id }}',
		'{{ $json.id }}',
		'3f2b0000-0000-4000-8000-000000000001',
	])('leaves %j to n8n', (value) => {
		expect(locatorFromItemField(contextFor(value), 'user', 0)).toBeUndefined();
	});

	it('leaves a parameter that is not a resource locator, and a missing item, to n8n', () => {
		const plain = executeContext(
			{},
			{
				parameters: { resource: 'user', operation: 'get', user: '={{ $json.id }}' },
				items,
			},
		).context;
		expect(locatorFromItemField(plain, 'user', 0)).toBeUndefined();
		expect(
			locatorFromItemField(contextFor('={{ $json.id }}'), 'user', items.length),
		).toBeUndefined();
	});
});
