import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EmployeeFull, EntryDto } from '../api/dto';
import { getRoom } from '../api/rooms';
import type { IdKind } from '../helpers/ids';
import type { WaitSettings } from '../helpers/poller/waitSettings';
import { DEFAULT_WAIT } from '../helpers/poller/waitSettings';
import type { UserRef } from '../helpers/users';
import { fetchUser, userIdOf } from '../helpers/users';
import { requireEmail, requireId } from '../helpers/validate';
import { locatorFromItemField } from './itemField';
import { calledByAgent } from './agentGuard';

/**
 * What operations read from their parameters, each read once and validated into a plain value;
 * the helpers below the operations take those values and never read a parameter.
 */

/** "Return All" / "Limit": undefined means all. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	return (ctx.getNodeParameter('returnAll', itemIndex) as boolean)
		? undefined
		: (ctx.getNodeParameter('limit', itemIndex) as number);
}

/** The "Output" option as a function: the simplified form of what DocSpace sent, or all of it. */
export function readOutput<T extends object>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	simplify: (value: T) => IDataObject,
): (value: T) => IDataObject {
	const output = ctx.getNodeParameter('output', itemIndex, 'simplified') as string;
	// An AI agent gets the compact form: a full profile is some 50 fields it has no use for.
	return output === 'raw' && !calledByAgent(ctx) ? (value) => value as IDataObject : simplify;
}

/** "Wait Options" over the poller's defaults. */
export function readWaitOptions(ctx: IExecuteFunctions, itemIndex: number): WaitSettings {
	const options = ctx.getNodeParameter('waitOptions', itemIndex, {}) as Partial<WaitSettings>;
	return { ...DEFAULT_WAIT, ...options };
}

/** "Wait for Completion" and its options; undefined when the operation returns once started. */
export function waitSettings(ctx: IExecuteFunctions, itemIndex: number): WaitSettings | undefined {
	if (!(ctx.getNodeParameter('waitForCompletion', itemIndex, true) as boolean)) return undefined;
	return readWaitOptions(ctx, itemIndex);
}

/** The id in a folder or room locator (or a plain id parameter), validated. */
export function entryIdFromParameter(
	ctx: IExecuteFunctions,
	kind: IdKind,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const value = ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: false }) as
		| INodeParameterResourceLocator
		| string
		| number;
	const raw = typeof value === 'object' && value !== null ? value.value : value;
	return requireId(ctx.getNode(), kind, raw, label, itemIndex);
}

/** The id the node's Room locator points to. */
export function roomIdFromLocator(ctx: IExecuteFunctions, itemIndex: number): string {
	return entryIdFromParameter(ctx, 'room', 'room', 'Room', itemIndex);
}

/** The room the node's Room locator points to. */
export async function fetchRoomFromLocator(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<EntryDto> {
	return await getRoom(ctx, roomIdFromLocator(ctx, itemIndex), itemIndex);
}

/** Reads a user resource locator (From list / By email / By ID) and validates its value. */
export function readUserLocator(
	ctx: IExecuteFunctions,
	parameterName: string,
	parameterLabel: string,
	itemIndex: number,
): UserRef {
	const node = ctx.getNode();
	const locator =
		locatorFromItemField(ctx, parameterName, itemIndex) ??
		(ctx.getNodeParameter(parameterName, itemIndex, undefined, {
			extractValue: false,
		}) as INodeParameterResourceLocator | string);
	const mode = typeof locator === 'object' && locator !== null ? locator.mode : 'id';
	const value = typeof locator === 'object' && locator !== null ? locator.value : locator;
	if (mode === 'email') return { email: requireEmail(node, value, parameterLabel, itemIndex) };
	if (mode !== 'list' && mode !== 'id') {
		throw new NodeOperationError(
			node,
			`Unsupported mode "${String(mode)}" in the parameter '${parameterLabel}'`,
			{
				description: 'Choose From List, By Email or By ID.',
				itemIndex,
			},
		);
	}
	return { id: requireId(node, 'user', value, parameterLabel, itemIndex) };
}

/** Reads a user resource locator and fetches the profile it points to. */
export async function fetchUserFromLocator(
	ctx: IExecuteFunctions,
	parameterName: string,
	parameterLabel: string,
	itemIndex: number,
): Promise<EmployeeFull> {
	const ref = readUserLocator(ctx, parameterName, parameterLabel, itemIndex);
	return await fetchUser(ctx, ref, parameterLabel, itemIndex);
}

/** The user id a locator points to; only "By email" needs a request. */
export async function userIdFromLocator(
	ctx: IExecuteFunctions,
	parameterName: string,
	parameterLabel: string,
	itemIndex: number,
): Promise<string> {
	const ref = readUserLocator(ctx, parameterName, parameterLabel, itemIndex);
	return await userIdOf(ctx, ref, parameterLabel, itemIndex);
}
