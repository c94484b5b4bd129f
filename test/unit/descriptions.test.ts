import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { outputOption, showOnlyFor } from '../../nodes/DocSpaceAdmin/actions/common.descriptions';
import { DocSpaceAdmin } from '../../nodes/DocSpaceAdmin/DocSpaceAdmin.node';

const properties: INodeProperties[] = [
	{ displayName: 'Plain', name: 'plain', type: 'string', default: '' },
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		displayOptions: { show: { returnAll: [false] }, hide: { mode: ['list'] } },
	},
	outputOption,
];

describe('showOnlyFor', () => {
	it('gives what n8n’s updateDisplayOptions gives, keeping each property’s own conditions', () => {
		expect(showOnlyFor('user', 'getMany', properties)).toEqual(
			updateDisplayOptions({ show: { resource: ['user'], operation: ['getMany'] } }, properties),
		);
	});

	it('leaves the shared property it was given unchanged', () => {
		const before = JSON.stringify(outputOption);
		showOnlyFor('room', 'get', [outputOption]);
		expect(JSON.stringify(outputOption)).toBe(before);
	});

	it('shows every operation property of the node for one resource and one operation', () => {
		const selectors = new Set(['resource', 'operation', 'authentication']);
		const loose = new DocSpaceAdmin().description.properties.filter(
			(p) =>
				!selectors.has(p.name) &&
				(p.displayOptions?.show?.resource?.length !== 1 ||
					p.displayOptions?.show?.operation?.length !== 1),
		);
		expect(loose.map((p) => p.name)).toEqual([]);
	});
});
