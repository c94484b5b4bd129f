import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EmployeeFull } from './dto';
import { userIdFromLocator, userOutput } from './users';
import type { Envelope } from '../transport';
import { apiRequest } from '../transport';

export const MAX_IDS_PER_REQUEST = 100;

interface Target {
	position: number;
	itemIndex: number;
	userId: string;
}

const VERB = { 1: 'enable', 2: 'disable' } as const;

/**
 * Enables or disables the users of many items with as few requests as possible:
 * `PUT /people/status/{1|2}` takes up to 100 ids, but rejects the whole list when
 * one id is not allowed (the owner, yourself, …). A rejected list is split in
 * halves until the offending ids are found, so every other user is still changed
 * and each item gets its own result.
 */
export async function changeStatusOfItems(
	ctx: IExecuteFunctions,
	itemIndices: number[],
	status: 1 | 2,
): Promise<Array<IDataObject[] | Error>> {
	const results: Array<IDataObject[] | Error> = new Array(itemIndices.length);
	const targets: Target[] = [];
	for (const [position, itemIndex] of itemIndices.entries()) {
		try {
			targets.push({ position, itemIndex, userId: await userIdFromLocator.call(ctx, 'user', 'User', itemIndex) });
		} catch (error) {
			results[position] = error as Error;
		}
	}
	const together = ctx.getNodeParameter('options.sendTogether', 0, true) as boolean;
	const groups = together ? chunks(targets, MAX_IDS_PER_REQUEST) : targets.map((t) => [t]);
	for (const group of groups) await applyGroup(ctx, group, status, results);
	return results;
}

async function applyGroup(
	ctx: IExecuteFunctions,
	group: Target[],
	status: 1 | 2,
	results: Array<IDataObject[] | Error>,
): Promise<void> {
	const userIds = [...new Set(group.map((t) => t.userId))];
	try {
		const envelope = (await apiRequest.call(ctx, {
			method: 'PUT',
			path: ['people', 'status', status],
			body: { userIds, resendAll: false },
			error: {
				action: `${VERB[status]} the user`,
				requiredRole:
					'a DocSpace admin (the owner for other DocSpace admins); the owner, your own account and LDAP users cannot be changed',
				itemIndex: group[0].itemIndex,
			},
		})) as Envelope<EmployeeFull[]>;
		const byId = new Map((envelope.response ?? []).map((u) => [u.id, u]));
		for (const target of group) {
			const user = byId.get(target.userId);
			results[target.position] = user ? [userOutput(ctx, user, target.itemIndex)] : [{ id: target.userId }];
		}
	} catch (error) {
		const httpCode = Number((error as { httpCode?: string }).httpCode);
		// All-or-nothing refusals name no culprit: halve the list until they do.
		if (userIds.length > 1 && (httpCode === 400 || httpCode === 403)) {
			const half = Math.ceil(userIds.length / 2);
			const first = new Set(userIds.slice(0, half));
			await applyGroup(ctx, group.filter((t) => first.has(t.userId)), status, results);
			await applyGroup(ctx, group.filter((t) => !first.has(t.userId)), status, results);
			return;
		}
		for (const target of group) results[target.position] = error as Error;
	}
}

function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}
