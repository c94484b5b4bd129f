import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { DocSpaceAdmin } from '../../nodes/DocSpaceAdmin/DocSpaceAdmin.node';
import { TOOL_DESCRIPTIONS } from '../../nodes/DocSpaceAdmin/actions/toolDescriptions';
import { DOCSPACE_CREDENTIAL, TEMPLATES } from '../harness/templates';

// The agent template's wiring: which tools the agent holds directly, which sit behind the human
// review, and what the reviewer reads. Running it needs n8n's AI nodes: the e2e does that in n8n.
interface Node {
	name: string;
	type: string;
	parameters: IDataObject;
	credentials?: IDataObject;
}
const template = JSON.parse(readFileSync(join(TEMPLATES, 'offboard-from-chat.json'), 'utf8')) as {
	nodes: Node[];
	connections: Record<string, { ai_tool?: Array<Array<{ node: string }>> }>;
};
const node = (name: string) => template.nodes.find((n) => n.name === name)!;
const toolTarget = (name: string) => template.connections[name]?.ai_tool?.[0]?.[0]?.node;
const docSpaceTools = template.nodes.filter(
	(n) => n.type === 'n8n-nodes-docspace-admin.docSpaceAdminTool',
);
const description = new DocSpaceAdmin().description;
const toolProperties = description.properties;
const REFUSED = /it is refused/;

describe('Template: offboard from a chat (AI agent, reviewed by e-mail)', () => {
	const agent = template.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.agent')!.name;
	const review = template.nodes.find((n) => n.type === 'n8n-nodes-base.emailSendHitlTool')!;

	it('gives the agent only read-only DocSpace tools directly; Run goes through the review', () => {
		for (const tool of docSpaceTools) {
			const { resource, operation } = tool.parameters as { resource: string; operation: string };
			const changes = operation === 'run' || REFUSED.test(TOOL_DESCRIPTIONS[resource][operation]);
			expect([tool.name, toolTarget(tool.name)]).toEqual([
				tool.name,
				changes ? review.name : agent,
			]);
		}
		expect(toolTarget(review.name)).toBe(agent);
		expect(docSpaceTools.map((t) => t.parameters.operation).sort()).toEqual([
			'getMany',
			'preview',
			'run',
		]);
	});

	it('has Preview and Run share every setting, so that a previewed plan can run', () => {
		// What only one of them has: its operation, its description, and Run's plan and report.
		const own = ['operation', 'toolDescription', 'planId', 'planMessage', 'report'];
		const settings = (name: string) =>
			Object.fromEntries(Object.entries(node(name).parameters).filter(([k]) => !own.includes(k)));
		expect(settings('Run offboarding')).toEqual(settings('Preview offboarding'));
		expect(node('Run offboarding').parameters.planId).toMatch(/\$fromAI\('planId'/);
		expect(node('Run offboarding').parameters.planMessage).toMatch(/\$fromAI\('planMessage'/);
	});

	it('tells the model about each DocSpace tool in the node’s words for agents', () => {
		// Set automatically, n8n would send only the operation's name.
		for (const tool of docSpaceTools) {
			const { resource, operation } = tool.parameters as { resource: string; operation: string };
			expect(tool.parameters).toMatchObject({
				descriptionType: 'manual',
				toolDescription: TOOL_DESCRIPTIONS[resource][operation],
			});
		}
	});

	it('has DocSpace tool parameters n8n accepts, with the model filling in only who and which plan', () => {
		for (const tool of docSpaceTools) {
			const parameters = NodeHelpers.getNodeParameters(
				toolProperties,
				tool.parameters as never,
				true,
				false,
				null,
				description as INodeTypeDescription,
			)!;
			const issues = NodeHelpers.getNodeParametersIssues(
				toolProperties,
				{
					...tool,
					parameters,
					typeVersion: 1,
					position: [0, 0],
					id: tool.name,
				} as never,
				description as INodeTypeDescription,
			);
			expect([tool.name, issues]).toEqual([tool.name, null]);
			expect(tool.credentials?.docSpaceApi).toEqual({
				id: DOCSPACE_CREDENTIAL,
				name: 'DocSpace account',
			});
			const fromAi = [...JSON.stringify(tool.parameters).matchAll(/\$fromAI\('(\w+)'/g)].map(
				(m) => m[1],
			);
			expect(
				fromAi.every((key) =>
					['search', 'leaverEmail', 'recipientEmail', 'planId', 'planMessage'].includes(key),
				),
			).toBe(true);
		}
	});

	it('shows the reviewer the exact call and the plan DocSpace previewed, not the model’s words', () => {
		const message = String(review.parameters.message);
		// The plan message is the model's copy, but Run refuses to go ahead unless the plan reads so.
		for (const field of ['leaverEmail', 'recipientEmail', 'planId', 'planMessage'])
			expect(message).toContain(`$tool.parameters.${field}`);
		expect(message).toContain('The assistant gave no plan message: this call was not previewed');
		expect(message).not.toContain('$fromAI');
		expect(review.parameters.approvalOptions).toMatchObject({
			values: { approvalType: 'double' },
		});
	});
});
