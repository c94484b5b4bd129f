import { HookContext } from 'n8n-core';
import type { IHookFunctions, INode, IWebhookData } from 'n8n-workflow';

import { DocSpaceAdminTrigger } from '../../nodes/DocSpaceAdminTrigger/DocSpaceAdminTrigger.node';
import { searchUsers } from '../../nodes/DocSpaceAdmin/methods/listSearch';
import { loadOptionsContext } from '../harness/context';
import { testCredential } from '../harness/credentialTest';
import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { JANE_ID } from '../harness/fixtures';
import { PACKAGE } from '../harness/nodeTypes';
import { API_KEY } from '../harness/portal';
import type { RedirectingPortal } from '../harness/redirectServers';
import { ELSEWHERE_MARKER, redirectingPortal } from '../harness/redirectServers';
import {
	jsonOf,
	makeAdditionalData,
	makeWorkflow,
	runWorkflow,
	singleNodeWorkflow,
} from '../harness/runWorkflow';

/**
 * A portal that answers with a redirect, to another port, another host name or
 * itself, through the real engine: the request is never followed, so nothing —
 * least of all the credential — reaches the target, and the target's body never
 * becomes output.
 */
const STATUSES = [301, 302, 303, 307, 308];
const PASSWORD = 'Correct-Horse-Battery-9';

let servers: RedirectingPortal;
beforeAll(async () => {
	servers = await redirectingPortal();
});
afterAll(async () => await servers.close());
beforeEach(() => servers.reset());

const apiKeyCredential = () => ({
	baseUrl: servers.origin,
	authType: 'apiKey',
	apiKey: API_KEY,
	ignoreSslIssues: false,
});
const passwordCredential = () => ({
	baseUrl: servers.origin,
	authType: 'password',
	email: 'alex.admin@corp.example',
	password: PASSWORD,
	sessionToken: '',
	ignoreSslIssues: false,
});

const byId = { __rl: true, mode: 'id', value: JANE_ID };
const OPERATIONS = {
	GET: { resource: 'user', operation: 'get', user: byId },
	PUT: { resource: 'user', operation: 'disable', user: byId },
};

type TargetName = keyof RedirectingPortal['targets'];
const TARGETS: TargetName[] = [
	'another port',
	'another host and port',
	'another host name, same port',
	'the same origin',
];
const CASES = STATUSES.flatMap((status) => TARGETS.map((target) => [status, target] as const));

function expectNothingLeft() {
	expect(servers.offOrigin()).toEqual([]);
}

async function runNode(parameters: Record<string, unknown>, credential: Record<string, unknown>) {
	const { output } = await runWorkflow(
		singleNodeWorkflow(parameters, [{}], { continueOnFail: true }),
		{ docSpaceApi: credential } as never,
	);
	const items = jsonOf(output['DocSpace Admin']);
	expect(JSON.stringify(items)).not.toContain(ELSEWHERE_MARKER);
	expect(items).toHaveLength(1);
	return items[0];
}

/** The message names the target for another origin and always points at the Portal URL. */
function expectRedirectError(
	item: { error?: unknown; description?: unknown },
	action: string,
	status: number,
	target: TargetName,
) {
	const origin = servers.targets[target];
	if (target === 'the same origin') {
		expect(item.error).toBe(
			`Could not ${action}: the portal answered with a redirect (HTTP ${status}) to another page of ${origin}`,
		);
	} else {
		expect(item.error).toBe(
			`Could not ${action}: the portal redirected the request (HTTP ${status}) to ${origin}`,
		);
	}
	expect(String(item.description)).toContain('Portal URL');
}

describe.each(Object.keys(OPERATIONS) as Array<keyof typeof OPERATIONS>)('node %s', (method) => {
	const action = method === 'GET' ? 'get the user' : 'disable the user';
	it.each(CASES)(`HTTP %i to %s: refused, nothing sent on`, async (status, target) => {
		servers.redirectTo(status, `${servers.targets[target]}/api/2.0/people/${JANE_ID}?moved=1`);
		const item = await runNode(OPERATIONS[method], apiKeyCredential());
		expectRedirectError(item, action, status, target);
		expect(servers.atPortal().map((r) => r.method)).toEqual([method]);
		expectNothingLeft();
	});
});

describe('the email + password sign-in', () => {
	it.each(STATUSES)(
		'HTTP %i to another host: the password goes nowhere else, and the error names the host',
		async (status) => {
			const target = servers.targets['another host and port'];
			servers.redirectTo(status, `${target}/api/2.0/authentication`);
			const item = await runNode(OPERATIONS.GET, passwordCredential());
			expect(String(item.error)).toContain(`redirected the sign-in (HTTP ${status}) to ${target}`);
			expect(String(item.error)).toContain('Portal URL');
			expect(servers.atPortal().map((r) => `${r.method} ${r.url}`)).toEqual([
				'POST /api/2.0/authentication',
			]);
			expectNothingLeft();
		},
	);

	it('a same-origin redirect of the sign-in is refused too', async () => {
		servers.redirectTo(307, '/login');
		const item = await runNode(OPERATIONS.GET, passwordCredential());
		expect(String(item.error)).toContain('answered the sign-in with a redirect (HTTP 307)');
		expect(servers.atPortal()).toHaveLength(1);
	});
});

describe('the credential test', () => {
	it.each(CASES)(
		'HTTP %i to %s: an error that explains the redirect, nothing sent on',
		async (status, target) => {
			servers.redirectTo(status, `${servers.targets[target]}/api/2.0/people/@self`);
			const result = await testCredential('docSpaceApi', apiKeyCredential());
			expect(result.status).toBe('Error');
			expect(result.message).toContain(`redirect (HTTP ${status})`);
			expect(result.message).toContain('Portal URL');
			expect(servers.atPortal().map((r) => `${r.method} ${r.url}`)).toEqual([
				'GET /api/2.0/people/@self',
			]);
			expectNothingLeft();
		},
	);

	it('passes against a portal that answers', async () => {
		servers.redirectTo(200, '');
		// The portal stand-in answers 200 with an HTML page here: enough for the request-based test.
		const result = await testCredential('docSpaceApi', apiKeyCredential());
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
	});
});

describe('list search and the trigger', () => {
	it.each(STATUSES)(
		'list search: HTTP %i to another host is an error naming it',
		async (status) => {
			const target = servers.targets['another host and port'];
			servers.redirectTo(status, `${target}/api/2.0/people/filter`);
			await expect(
				searchUsers.call(loadOptionsContext({ docSpaceApi: apiKeyCredential() }), 'jane'),
			).rejects.toThrow(
				`Could not search users: the portal redirected the request (HTTP ${status}) to ${target}`,
			);
			expectNothingLeft();
		},
	);

	it.each(STATUSES)(
		'webhook registration: HTTP %i to another host is an error naming it',
		async (status) => {
			const target = servers.targets['another host and port'];
			servers.redirectTo(status, `${target}/api/2.0/settings/webhook`);
			const trigger = new DocSpaceAdminTrigger();
			const node: INode = {
				id: 'b0000000-0000-4000-8000-000000000001',
				name: 'DocSpace Admin Trigger',
				type: `${PACKAGE}.docSpaceAdminTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'c0ffee00-0000-4000-8000-000000000001',
				parameters: { events: ['user.updated'] },
				credentials: { docSpaceApi: { id: 'docSpaceApi', name: 'DocSpace account' } },
			};
			const workflowData = {
				id: 'wf1',
				name: 'redirected',
				nodes: [node],
				connections: {},
				active: true,
			} as never;
			const additionalData = makeAdditionalData(
				new TestCredentialsHelper({ docSpaceApi: apiKeyCredential() }),
				workflowData,
			);
			const webhookData = {
				httpMethod: 'POST',
				node: node.name,
				path: 'x/webhook',
				webhookDescription: trigger.description.webhooks![0],
				workflowId: 'wf1',
				workflowExecuteAdditionalData: additionalData,
			} as IWebhookData;
			const hooks = new HookContext(
				makeWorkflow(workflowData),
				node,
				additionalData,
				'trigger',
				'activate',
				webhookData,
			) as unknown as IHookFunctions;
			await expect(trigger.webhookMethods.default.create.call(hooks)).rejects.toThrow(
				`Could not register the DocSpace webhook: the portal redirected the request (HTTP ${status}) to ${target}`,
			);
			expect(servers.atPortal().map((r) => r.method)).toEqual(['POST']);
			expectNothingLeft();
		},
	);
});
