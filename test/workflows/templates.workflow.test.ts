import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { sandboxTemplateValues } from '../../sandbox/templates';
import { sandboxCredentials, useSandbox } from '../harness/sandbox';
import { TemplateRun } from '../harness/templates';

const current = useSandbox({ speed: { taskStepMs: 20, fileOpMs: 40 } });
let sandbox: Sandbox;
beforeEach(() => (sandbox = current()));

const CREDENTIAL = 'docspaceCredential';
const credentials = () => ({ [CREDENTIAL]: sandboxCredentials(sandbox).docSpaceApi }) as never;
const template = (file: string, values: Record<string, string> = {}) =>
	new TemplateRun(file, { values: { ...sandboxTemplateValues(sandbox), ...values }, credentialId: CREDENTIAL }, credentials());

const approvalLink = (kind: 'approveUrl' | 'rejectUrl') => {
	const message = sandbox.notifications.find((n) => n[kind]);
	if (!message) throw new Error('No approval request was posted');
	return new URL(String(message[kind]));
};

describe('Template: offboard an employee on demand', () => {
	it('previews without writing, waits for approval, then runs in the safe order and reports', async () => {
		const run = template('offboard-on-demand.json');
		await run.start('Start offboarding', [{ json: {} }], 'manual');
		expect(run.error()).toBeUndefined();
		expect(run.last?.waitTill).toBeDefined();
		expect(sandbox.writes()).toEqual([]);
		const request = sandbox.notifications[0];
		expect(request.text).toContain('Offboarding Jane Doe (jane.doe@corp.example)');
		expect(String(request.approveUrl)).toMatch(/^http:\/\/localhost:5678\/webhook-waiting\/\d+\?signature=[0-9a-f]+&approved=true$/);

		const approve = approvalLink('approveUrl');
		await run.resume({ method: 'GET', query: Object.fromEntries(approve.searchParams) });
		expect(run.error()).toBeUndefined();
		const [report] = run.output('Run offboarding');
		expect(report).toMatchObject({ success: true });
		expect(sandbox.state.user(IDS.jane)!.status).toBe(2);
		expect(sandbox.state.entry(sandbox.state.folders['room:deals'])!.createdBy).toBe(IDS.bob);
		expect(sandbox.state.entry(sandbox.state.folders['workspace:jane'])!.parentId).toBe(sandbox.state.folders.archive);
		const done = sandbox.notifications.at(-1)!;
		expect(done).toMatchObject({ success: true });
		expect(done.text).toContain('Offboarding finished for jane.doe@corp.example');
	});

	it('changes nothing when the approver rejects', async () => {
		const run = template('offboard-on-demand.json');
		await run.start('Start offboarding', [{ json: {} }], 'manual');
		await run.resume({ method: 'GET', query: Object.fromEntries(approvalLink('rejectUrl').searchParams) });
		expect(run.ran('Run offboarding')).toBe(false);
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.notifications.at(-1)).toMatchObject({ success: false, text: expect.stringContaining('was not approved') });
	});

	it('reports the blockers and asks nobody when the plan cannot run', async () => {
		const run = template('offboard-on-demand.json', { recipientEmail: sandbox.state.user(sandbox.state.ids.gina)!.email });
		await run.start('Start offboarding', [{ json: {} }], 'manual');
		expect(run.last?.waitTill).toBeUndefined();
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.notifications).toHaveLength(1);
		expect(sandbox.notifications[0].text).toContain('cannot receive data');
	});
});
