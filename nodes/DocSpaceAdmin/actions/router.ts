import type {
	IBinaryData,
	IBinaryKeyData,
	IExecuteFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { BINARY_ENCODING, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { refuseChangesByAgent } from './agentGuard';
import { checkedParameters, requireExactParameters } from './exactParameters';
import type { OperationModule, OperationOutput } from './node.type';
import { ItemsWithFiles } from './node.type';
import * as audit from './audit/Audit.resource';
import * as dataRemoval from './dataRemoval/DataRemoval.resource';
import * as folder from './folder/Folder.resource';
import * as offboarding from './offboarding/Offboarding.resource';
import * as personalFolder from './personalFolder/PersonalFolder.resource';
import * as reassignment from './reassignment/Reassignment.resource';
import * as room from './room/Room.resource';
import * as user from './user/User.resource';
import { properties } from './versionDescription';
import { credentialType } from '../transport';
import type { Redactor } from '../transport/redact';
import { redactJson, redactor, secretForms } from '../transport/redact';

const resources: Record<string, Record<string, unknown>> = {
	user,
	reassignment,
	dataRemoval,
	personalFolder,
	folder,
	room,
	audit,
	offboarding,
};

function operationModule(
	ctx: IExecuteFunctions,
	resource: string,
	operation: string,
): OperationModule {
	const candidate = resources[resource]?.[operation] as Partial<OperationModule> | undefined;
	if (typeof candidate?.execute !== 'function') {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
			{
				description: 'Pick a resource and an operation from the lists in the node.',
			},
		);
	}
	return candidate as OperationModule;
}

/**
 * Runs the chosen operation for every input item — one by one, or all at once for
 * operations that batch — keeping pairedItem and honouring continueOnFail. Last guard
 * on the way out: no output item, file or error carries a fragment of a secret in any
 * of its forms, whatever the portal put in an answer (see transport/redact).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Read before the run too: a token signed in for or refreshed during it replaces the one sent first.
	const before = await secretsOf(this);
	const clean = async () => redactor([...new Set([...before, ...(await secretsOf(this))])]);
	let output: INodeExecutionData[];
	try {
		output = await run.call(this);
	} catch (error) {
		const thrown =
			error instanceof NodeApiError
				? new NodeApiError(this.getNode(), error as unknown as JsonObject)
				: new NodeOperationError(this.getNode(), error as Error);
		scrubError(thrown, await clean());
		throw thrown;
	}
	return [await scrubItems(this, output, await clean())];
}

/** Runs the operation over all input items; its output, not yet scrubbed. */
async function run(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	// Resource and operation cannot come from expressions, so item 0 decides for all.
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = operationModule(this, resource, operation);
	refuseChangesByAgent(this, resource, operation);

	const succeed = (results: OperationOutput, itemIndex: number) =>
		output.push(
			...this.helpers.constructExecutionMetaData(
				results instanceof ItemsWithFiles ? results.items : this.helpers.returnJsonArray(results),
				{
					itemData: { item: itemIndex },
				},
			),
		);
	// With "Continue (using error output)" n8n sends an item down the error output only when it
	// holds `error` alone (or with `message`; WorkflowExecute.handleNodeErrorOutput, n8n 1.x and 2.x):
	// there the error carries its description too.
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';
	const fail = (error: Error & { description?: string | null }, itemIndex: number) => {
		if (this.continueOnFail()) {
			const description = error.description ?? undefined;
			output.push({
				json: toErrorOutput
					? { error: description ? `${error.message}: ${description}` : error.message }
					: { error: error.message, description },
				pairedItem: { item: itemIndex },
			});
			return;
		}
		if (error instanceof NodeApiError)
			throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		throw new NodeOperationError(this.getNode(), error, { itemIndex });
	};

	const exact = checkedParameters(properties, this.getNode().parameters, resource, operation);
	const checked = (itemIndex: number) => requireExactParameters(this, exact, itemIndex);

	if (module.executeBatch) {
		const valid: number[] = [];
		items.forEach((_, itemIndex) => {
			try {
				checked(itemIndex);
				valid.push(itemIndex);
			} catch (error) {
				fail(error as Error, itemIndex);
			}
		});
		const results = valid.length ? await module.executeBatch.call(this, valid) : [];
		results.forEach((result, position) =>
			result instanceof Error ? fail(result, valid[position]) : succeed(result, valid[position]),
		);
		return valid.length === items.length ? output : sortedByItem(output);
	}
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			checked(itemIndex);
			succeed(await module.execute.call(this, itemIndex), itemIndex);
		} catch (error) {
			fail(error, itemIndex);
		}
	}
	return output;
}

/** Outputs in the order of their input items, as n8n shows them. */
function sortedByItem(output: INodeExecutionData[]): INodeExecutionData[] {
	const itemOf = (entry: INodeExecutionData) => {
		const paired = Array.isArray(entry.pairedItem) ? entry.pairedItem[0] : entry.pairedItem;
		return typeof paired === 'number' ? paired : (paired?.item ?? 0);
	};
	return output
		.map((entry, order) => ({ entry, order }))
		.sort((a, b) => itemOf(a.entry) - itemOf(b.entry) || a.order - b.order)
		.map(({ entry }) => entry);
}

/** Every form of the secrets of the node's credential; none when it has none (or cannot be read). */
async function secretsOf(ctx: IExecuteFunctions): Promise<string[]> {
	try {
		return secretForms(await ctx.getCredentials(credentialType(ctx)));
	} catch {
		return [];
	}
}

/** A file's bytes as text: UTF-8 when they are UTF-8, else one character per byte. */
function asText(bytes: Buffer): { text: string; encoding: BufferEncoding } {
	const utf8 = bytes.toString('utf8');
	return Buffer.from(utf8, 'utf8').equals(bytes)
		? { text: utf8, encoding: 'utf8' }
		: { text: bytes.toString('latin1'), encoding: 'latin1' };
}

/** A file with its content and names redacted; stored again only when something was masked. */
async function scrubBinary(
	ctx: IExecuteFunctions,
	binary: IBinaryData,
	clean: Redactor,
): Promise<IBinaryData> {
	const { data, id, ...names } = binary;
	const scrubbedNames = redactJson(names, clean);
	const bytes = id
		? await ctx.helpers.binaryToBuffer(await ctx.helpers.getBinaryStream(id))
		: Buffer.from(data, BINARY_ENCODING);
	const { text, encoding } = asText(bytes);
	const scrubbed = clean(text);
	if (scrubbed === text) return scrubbedNames === names ? binary : { ...binary, ...scrubbedNames };
	return {
		...scrubbedNames,
		...(await ctx.helpers.prepareBinaryData(
			Buffer.from(scrubbed, encoding),
			scrubbedNames.fileName,
			binary.mimeType,
		)),
	};
}

async function scrubItems(
	ctx: IExecuteFunctions,
	output: INodeExecutionData[],
	clean: Redactor,
): Promise<INodeExecutionData[]> {
	const scrubbed: INodeExecutionData[] = [];
	for (const item of output) {
		const json = redactJson(item.json, clean);
		let binary: IBinaryKeyData | undefined;
		for (const [key, file] of Object.entries(item.binary ?? {})) {
			const cleanFile = await scrubBinary(ctx, file, clean);
			if (cleanFile === file) continue;
			binary ??= { ...item.binary };
			binary[key] = cleanFile;
		}
		scrubbed.push(
			json === item.json && !binary ? item : { ...item, json, binary: binary ?? item.binary },
		);
	}
	return scrubbed;
}

/** Redacts, in place, every string of an error the node is about to throw: message, description, stack, cause, context. */
function scrubError(error: unknown, clean: Redactor, seen = new Set<unknown>()): void {
	if (error === null || typeof error !== 'object' || seen.has(error)) return;
	seen.add(error);
	const fields = error as Record<string, unknown>;
	const keys = new Set([
		...Object.getOwnPropertyNames(error),
		...(error instanceof Error ? ['message', 'stack', 'description', 'cause'] : []),
	]);
	// The node's own parameters are the workflow's, not the portal's text.
	keys.delete('node');
	for (const key of keys) {
		const field = fields[key];
		if (typeof field === 'string') {
			const scrubbed = clean(field);
			if (scrubbed !== field) fields[key] = scrubbed;
		} else scrubError(field, clean, seen);
	}
}
