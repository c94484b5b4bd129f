import { AUDIT_ACTION } from '../../../nodes/DocSpaceAdmin/api/codes';
import { IDS } from '../../../sandbox/seed';
import { operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();

const { json: run } = operations(current);

describe('Audit → Get Login Events, and Create Report', () => {
	it('reads login events and creates a report', async () => {
		const logins = await run({
			resource: 'audit',
			operation: 'getLoginEvents',
			returnAll: false,
			limit: 5,
			filters: { userId: IDS.jane, action: AUDIT_ACTION.LOGIN_SUCCESS },
		});
		expect(logins.length).toBeGreaterThan(0);
		expect(
			logins.every((e) => e.userId === IDS.jane && e.actionId === AUDIT_ACTION.LOGIN_SUCCESS),
		).toBe(true);
		const [report] = await run({ resource: 'audit', operation: 'createReport', report: 'events' });
		expect(report).toMatchObject({
			report: 'auditTrail',
			storedIn: 'My documents of the credential’s user (CSV)',
		});
		expect(report.url).toContain('/doceditor?fileid=');
	});
});
