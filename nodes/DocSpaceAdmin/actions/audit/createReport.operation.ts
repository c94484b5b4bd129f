import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { createAuditReport } from '../../api/audit';
import { showOnlyFor } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Report',
		name: 'report',
		type: 'options',
		default: 'events',
		options: [
			{ name: 'Audit Trail', value: 'events' },
			{ name: 'Login History', value: 'login' },
		],
	},
	{
		displayName:
			'DocSpace exports the whole retention period as a CSV file into the "My documents" folder of the credential’s user, and returns a link that opens it.',
		name: 'reportNotice',
		type: 'notice',
		default: '',
	},
];

export const description = showOnlyFor('audit', 'createReport', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const report = this.getNodeParameter('report', itemIndex) as 'events' | 'login';
	const url = String((await createAuditReport(this, report, itemIndex)) ?? '');
	return [
		{
			report: report === 'events' ? 'auditTrail' : 'loginHistory',
			url,
			fileId: Number(/fileid=(\d+)/.exec(url)?.[1]) || undefined,
			storedIn: 'My documents of the credential’s user (CSV)',
		},
	];
}
