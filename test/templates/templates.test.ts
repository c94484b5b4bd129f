import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { useSandbox } from '../harness/sandbox';
import { nodeTypes, PACKAGE } from '../harness/nodeTypes';
import {
	approvalMails,
	DOCSPACE_CREDENTIAL,
	OPEN_LINK,
	resumeAtWaitTill,
	sandboxTemplate,
	submitDecision,
	TEMPLATES,
} from '../harness/templates';

const current = useSandbox({ speed: { taskStepMs: 20, fileOpMs: 40 } });
let sandbox: Sandbox;
beforeEach(() => (sandbox = current()));

const template = (file: string, values: Record<string, string> = {}) =>
	sandboxTemplate(sandbox, file, { values });

/** The title of the room Jane's workspace now sits in. */
const archivedInto = () => {
	const state = sandbox.state;
	const room = state.entry(state.entry(state.folders['workspace:jane'])!.parentId)!;
	return state.isRoom(room) ? room.title : undefined;
};

describe('Template: offboard an employee on demand', () => {
	it('previews without writing, asks the approver by e-mail, then runs in the safe order and reports', async () => {
		const run = template('offboard-on-demand.json');
		await run.start('Start offboarding', [{ json: {} }], 'manual');
		expect(run.error()).toBeUndefined();
		expect(run.last?.waitTill).toBeDefined();
		expect(sandbox.writes()).toEqual([]);
		const [mail] = approvalMails(sandbox);
		expect(mail.subject).toBe('Approve the offboarding of Jane Doe?');
		expect(mail.text).toContain('Jane Doe (jane.doe@corp.example) leaves. Bob Brown receives');
		expect(mail.text).toContain(
			'Who will be able to open "Workspace – Jane Doe" in the room "Archive – Jane Doe',
		);
		expect(mail.text).toContain('Nothing is erased: the profile of Jane Doe is kept, disabled.');
		expect(mail.text).toContain('only the decision you submit counts');
		// One button, to the decision form (a custom-form response: opening it only shows the form).
		expect(mail.links).toEqual([
			expect.stringMatching(/^http:\/\/localhost:5678\/webhook-waiting\/\d+/),
		]);

		// A link preview or a mail scanner opens the link: the form is shown, nothing is decided.
		await run.resume(OPEN_LINK);
		expect(run.last?.waitTill).toBeDefined();
		expect(run.ran('Approved?')).toBe(false);
		expect(sandbox.writes()).toEqual([]);
		expect(run.page).toMatchObject({ formTitle: 'Offboarding of Jane Doe' });
		expect(String(run.page?.formDescription)).toContain('Jane Doe (jane.doe@corp.example) leaves.');

		await run.resume(submitDecision('Approve'));
		expect(run.error()).toBeUndefined();
		const [report] = run.output('Run offboarding');
		expect(report).toMatchObject({ success: true });
		expect(sandbox.state.user(IDS.jane)!.status).toBe(2);
		expect(sandbox.state.entry(sandbox.state.folders['room:deals'])!.createdBy).toBe(IDS.bob);
		expect(archivedInto()).toBe(`Archive – Jane Doe (${IDS.jane})`);
		const done = sandbox.notifications.at(-1)!;
		expect(done).toMatchObject({ success: true });
		expect(done.text).toContain('Offboarding of Jane Doe (jane.doe@corp.example): Completed on ');
	});

	it('changes nothing when the approver rejects', async () => {
		const run = template('offboard-on-demand.json');
		await run.start('Start offboarding', [{ json: {} }], 'manual');
		await run.resume(submitDecision('Decline'));
		expect(run.ran('Run offboarding')).toBe(false);
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.notifications.at(-1)).toMatchObject({
			success: false,
			text: expect.stringContaining(
				'was not run, and nothing was changed: the approver declined it.',
			),
		});
	});

	it('changes nothing when no decision comes in time, and says so', async () => {
		const run = template('offboard-on-demand.json');
		await run.start('Start offboarding', [{ json: {} }], 'manual');
		await resumeAtWaitTill(run);
		expect(run.error()).toBeUndefined();
		expect(run.ran('Run offboarding')).toBe(false);
		expect(sandbox.writes()).toEqual([]);
		expect(approvalMails(sandbox)).toHaveLength(1);
		expect(sandbox.notifications.at(-1)).toMatchObject({
			success: false,
			text: expect.stringContaining('nothing was changed: no decision came within 3 days.'),
		});
	});

	it('ends in error, cause first, when DocSpace refuses the credential, and changes nothing', async () => {
		const run = sandboxTemplate(sandbox, 'offboard-on-demand.json', { apiKey: 'sk-wrong-key' });
		await run.start('Start offboarding', [{ json: {} }], 'manual');
		// What the editor shows: the execution failed, at the node named for it, with the cause first.
		expect(run.error()).toMatch(/^DocSpace did not accept the credential \(trying to /);
		expect(run.last?.data.resultData.lastNodeExecuted).toBe('Fail: the preview did not run');
		expect(run.ran('Can run?')).toBe(false);
		expect(approvalMails(sandbox)).toEqual([]);
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.notifications).toEqual([
			expect.objectContaining({
				success: false,
				text: expect.stringMatching(
					/failed before anything was changed: DocSpace did not accept the credential/,
				),
			}),
		]);
	});

	it('reports the blockers and asks nobody when the plan cannot run', async () => {
		const run = template('offboard-on-demand.json', {
			recipientEmail: sandbox.state.user(sandbox.state.ids.gina)!.email,
		});
		await run.start('Start offboarding', [{ json: {} }], 'manual');
		expect(run.last?.waitTill).toBeUndefined();
		expect(sandbox.writes()).toEqual([]);
		expect(sandbox.notifications).toHaveLength(1);
		expect(sandbox.notifications[0].text).toContain('cannot receive data');
	});
});

describe('Template: offboard an employee when HR calls a webhook', () => {
	const SECRET = { name: 'X-HR-Secret', value: 'hr-shared-secret' };
	const hrTemplate = () =>
		sandboxTemplate(sandbox, 'offboard-on-hr-webhook.json', {
			headerAuthCredentialId: 'hr',
			credentials: { hr: SECRET },
		});
	const body = () => ({
		email: 'jane.doe@corp.example',
		recipientEmail: 'bob.brown@corp.example',
		workspaceFolderId: String(sandbox.state.folders['workspace:jane']),
	});

	it('offboards the employee named in a request with the right secret, and reports to the chat', async () => {
		const run = hrTemplate();
		const { result, status } = await run.callWebhook('HR: employee left', {
			method: 'POST',
			body: body(),
			headers: { 'x-hr-secret': SECRET.value },
		});
		expect(status).toBe(200);
		await run.start('HR: employee left', result.workflowData![0]);
		expect(run.error()).toBeUndefined();
		expect(run.output('Run offboarding')[0]).toMatchObject({ success: true });
		expect(sandbox.state.user(IDS.jane)!.status).toBe(2);
		expect(archivedInto()).toBe(`Archive – Jane Doe (${IDS.jane})`);
		expect(sandbox.notifications).toEqual([
			expect.objectContaining({
				success: true,
				text: expect.stringContaining(
					'Offboarding of Jane Doe (jane.doe@corp.example): Completed on ',
				),
			}),
		]);
	});

	it('refuses a request without the secret: no items, no requests to DocSpace', async () => {
		const run = hrTemplate();
		const { result, status } = await run.callWebhook('HR: employee left', {
			method: 'POST',
			body: body(),
			headers: { 'x-hr-secret': 'guess' },
		});
		expect(status).toBe(403);
		expect(result.workflowData).toBeUndefined();
		expect(sandbox.log).toEqual([]);
	});

	it('changes nothing and says why when the employee is unknown', async () => {
		const run = hrTemplate();
		const { result } = await run.callWebhook('HR: employee left', {
			method: 'POST',
			body: { ...body(), email: 'nobody@corp.example' },
			headers: { 'x-hr-secret': SECRET.value },
		});
		await run.start('HR: employee left', result.workflowData![0]);
		expect(sandbox.writes()).toEqual([]);
		expect(run.ran('Run offboarding')).toBe(false);
		expect(run.error()).toBeUndefined();
		expect(sandbox.notifications).toEqual([
			expect.objectContaining({
				success: false,
				text: 'Offboarding of nobody@corp.example was not run, and nothing was changed: Could not find the user: No user has the email nobody@corp.example',
			}),
		]);
	});

	it('runs from "Try it" with its sample request', async () => {
		const run = hrTemplate();
		await run.start('Try it', [{ json: {} }], 'manual');
		expect(run.error()).toBeUndefined();
		expect(run.output('Run offboarding')[0]).toMatchObject({ success: true });
	});
});

describe('Template: weekly check of disabled users who still own data', () => {
	it('posts one list of the disabled users DocSpace says still own data, and changes nothing', async () => {
		const run = template('weekly-disabled-users-check.json');
		await run.start(
			'Every Monday at 8:00',
			[{ json: { timestamp: '2026-11-23T08:00:00.000+00:00' } }],
			'trigger',
		);
		expect(run.error()).toBeUndefined();
		expect(sandbox.writes()).toEqual([]);
		const checked = run.output('Still owns data?');
		const disabled = sandbox.state.users.filter((u) => u.status === 2);
		expect(checked.map((c) => c.userId).sort()).toEqual(disabled.map((u) => u.id).sort());
		const owners = checked.filter((c) => c.reassignmentNeeded);
		expect(owners.length).toBeGreaterThan(0);
		expect(owners.length).toBeLessThan(checked.length);
		expect(sandbox.notifications).toHaveLength(1);
		expect(sandbox.notifications[0].users).toEqual(owners);
	});
});

const AI_NODE = /^@n8n\/n8n-nodes-langchain\.|HitlTool$|docSpaceAdminTool$/;

describe('Every template in examples/workflows', () => {
	const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'));

	it('is tested above, uses only node types n8n has, and names its DocSpace credential', () => {
		expect(files.sort()).toEqual([
			'offboard-from-chat.json',
			'offboard-many-from-csv.json',
			'offboard-on-demand.json',
			'offboard-on-hr-webhook.json',
			'weekly-disabled-users-check.json',
		]);
		for (const file of files) {
			const { nodes } = JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8')) as {
				nodes: Array<{ type: string; typeVersion: number; credentials?: { docSpaceApi?: object } }>;
			};
			for (const node of nodes) {
				// n8n's AI nodes are not in the test suite's n8n: the e2e imports and runs them in n8n.
				if (!AI_NODE.test(node.type))
					expect(() => nodeTypes.getByNameAndVersion(node.type, node.typeVersion)).not.toThrow();
				if (node.type.startsWith(PACKAGE))
					expect(node.credentials?.docSpaceApi).toEqual({
						id: DOCSPACE_CREDENTIAL,
						name: 'DocSpace account',
					});
			}
		}
	});
});
