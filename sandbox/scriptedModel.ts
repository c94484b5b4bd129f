/**
 * A chat model on loopback that speaks OpenAI's Chat Completions API and replays scripted tool
 * calls: the stand-in for the LLM behind n8n's AI Agent when the agent template is tried against
 * the sandbox. Not part of DocSpace. Which script answers is chosen by the user's chat message.
 */
import { createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';

/** A tool the agent offered the model: its name and the description n8n sent. */
export interface OfferedTool {
	name: string;
	description: string;
	parameters: string[];
}

/** What a tool answered earlier in this turn. */
export interface ToolResult {
	tool: string;
	text: string;
}

export interface Conversation {
	/** The user's latest chat message. */
	user: string;
	/** The tool results since that message, oldest first. */
	results: ToolResult[];
	tools: OfferedTool[];
}

/** The model's next move: call a tool (by its node name), saying why, or answer in words. */
export type Move = { tool: string; args: Record<string, unknown>; say?: string } | { say: string };

export interface Script {
	when: RegExp;
	next(conversation: Conversation): Move;
}

export interface ModelRequest {
	conversation: Conversation;
	move: Move;
}

interface ChatMessage {
	role: string;
	content?: unknown;
	tool_call_id?: string;
	tool_calls?: Array<{ id: string; function: { name: string } }>;
}

const textOf = (content: unknown): string =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? content.map((part: { text?: string }) => part?.text ?? '').join('')
			: '';

/** n8n names a tool after its node, spaces as underscores. */
const toolName = (wanted: string, tools: OfferedTool[]) =>
	tools.find((t) => t.name === wanted.replace(/ /g, '_'))?.name ??
	tools.find((t) => t.name.toLowerCase().includes(wanted.toLowerCase().replace(/ /g, '_')))?.name;

/**
 * A tool behind n8n's human review takes the wrapped tool's arguments under `toolParameters`, as
 * its schema tells a real model.
 */
function argumentsFor(move: { tool: string; args: Record<string, unknown> }, tools: OfferedTool[]) {
	const offered = tools.find((t) => t.name === toolName(move.tool, tools));
	return offered?.parameters.includes('toolParameters') ? { toolParameters: move.args } : move.args;
}

export function conversationOf(body: {
	messages?: ChatMessage[];
	tools?: Array<{ function: { name: string; description?: string; parameters?: unknown } }>;
}): Conversation {
	const messages = body.messages ?? [];
	const lastUser = messages.map((m) => m.role).lastIndexOf('user');
	const names = new Map<string, string>();
	const results: ToolResult[] = [];
	for (const message of messages.slice(lastUser + 1)) {
		for (const call of message.tool_calls ?? []) names.set(call.id, call.function.name);
		if (message.role === 'tool')
			results.push({
				tool: names.get(message.tool_call_id ?? '') ?? '',
				text: textOf(message.content),
			});
	}
	return {
		user: textOf(messages[lastUser]?.content),
		results,
		tools: (body.tools ?? []).map(({ function: f }) => ({
			name: f.name,
			description: f.description ?? '',
			parameters: Object.keys(
				(f.parameters as { properties?: Record<string, unknown> })?.properties ?? {},
			),
		})),
	};
}

export class ScriptedModel {
	readonly requests: ModelRequest[] = [];
	origin = '';
	private server?: Server;
	private calls = 0;

	/** `unscripted`: what the model says to a message no script answers. */
	constructor(
		private readonly scripts: Script[],
		private readonly unscripted = 'This scripted model has no script for that message.',
	) {}

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: Error) => {
				res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ error: { message: error.message } }));
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	/** The base URL for n8n's OpenAI credential. */
	get url(): string {
		return `${this.origin}/v1`;
	}

	private async handle(req: IncomingMessage, res: ServerResponse) {
		const json = (status: number, body: unknown) => {
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.method === 'GET' && req.url === '/v1/models')
			return json(200, { object: 'list', data: [{ id: 'scripted', object: 'model' }] });
		if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
			return json(404, { error: { message: `No route ${req.method} ${req.url}` } });
		let raw = '';
		for await (const chunk of req) raw += String(chunk);
		const body = JSON.parse(raw) as Parameters<typeof conversationOf>[0] & { stream?: boolean };
		const conversation = conversationOf(body);
		const script = this.scripts.find((s) => s.when.test(conversation.user));
		const move: Move = script ? script.next(conversation) : { say: this.unscripted };
		this.requests.push({ conversation, move });
		const message =
			'tool' in move
				? {
						role: 'assistant',
						content: move.say ?? null,
						tool_calls: [
							{
								id: `call_${++this.calls}`,
								type: 'function',
								function: {
									name: toolName(move.tool, conversation.tools) ?? move.tool,
									arguments: JSON.stringify(argumentsFor(move, conversation.tools)),
								},
							},
						],
					}
				: { role: 'assistant', content: move.say };
		const finish = 'tool' in move ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
		const base = {
			id: `chatcmpl-${this.calls}`,
			created: Math.floor(Date.now() / 1000),
			model: 'scripted',
		};
		if (!body.stream)
			return json(200, {
				...base,
				object: 'chat.completion',
				choices: [{ index: 0, message, finish_reason: finish }],
				usage,
			});
		res.writeHead(200, { 'Content-Type': 'text/event-stream' });
		// Words first, then the tool call, as OpenAI streams them.
		const deltas: object[] = [];
		if (message.content) deltas.push({ role: 'assistant', content: message.content });
		if ('tool_calls' in message && message.tool_calls)
			deltas.push({
				...(message.content ? {} : { role: 'assistant' }),
				tool_calls: message.tool_calls.map((c, index) => ({ index, ...c })),
			});
		for (const chunk of [
			...deltas.map((delta) => ({ choices: [{ index: 0, delta, finish_reason: null }] })),
			{ choices: [{ index: 0, delta: {}, finish_reason: finish }] },
			{ choices: [], usage },
		])
			res.write(
				`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', ...chunk })}\n\n`,
			);
		res.end('data: [DONE]\n\n');
	}
}
