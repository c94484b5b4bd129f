import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EmployeeFull } from '../api/dto';
import type { UserRef } from './users';
import { userIdOf } from './users';
import { EMPLOYEE_STATUS, HTTP, httpCodeOf } from '../api/codes';
import { getUserById, setUserStatus } from '../api/people';
import { mapWithLimit } from './parallel';

export const MAX_IDS_PER_REQUEST = 100;
/**
 * Lists of 100 sent at the same time. DocSpace changes the users of a list one by one and takes a
 * lock around each Enable's seat check (UserController.UpdateUserStatus), so lists sent together
 * cannot over-fill the seats.
 */
export const LISTS_AT_ONCE = 4;

type Status = typeof EMPLOYEE_STATUS.ACTIVE | typeof EMPLOYEE_STATUS.TERMINATED;

/** One item's request: whom to change, and how its output shows the changed profile. */
export interface StatusRequest {
	itemIndex: number;
	user: UserRef;
	output: (user: EmployeeFull) => IDataObject;
}

interface Target {
	position: number;
	itemIndex: number;
	userId: string;
	output: StatusRequest['output'];
}

const VERB: Record<Status, string> = {
	[EMPLOYEE_STATUS.ACTIVE]: 'enable',
	[EMPLOYEE_STATUS.TERMINATED]: 'disable',
};

/**
 * Enables or disables the users of many items with as few requests as possible:
 * `PUT /people/status/{1|2}` takes up to 100 ids, but rejects the whole list when
 * one id is not allowed (the owner, yourself, LDAP users…: UserController.UpdateUserStatus).
 * A rejected list is split in halves until the offending ids are found, so every other
 * user is still changed and each item gets its own result. A request that is an Error (its
 * parameters were invalid) stays that item's result; `together` off sends one request per item.
 */
export async function changeStatusOfItems(
	ctx: IExecuteFunctions,
	requests: Array<StatusRequest | Error>,
	status: Status,
	together: boolean,
): Promise<Array<IDataObject[] | Error>> {
	const results: Array<IDataObject[] | Error> = new Array(requests.length);
	const targets: Target[] = [];
	for (const [position, request] of requests.entries()) {
		if (request instanceof Error) {
			results[position] = request;
			continue;
		}
		const { itemIndex, user, output } = request;
		try {
			targets.push({
				position,
				itemIndex,
				output,
				userId: await userIdOf(ctx, user, 'User', itemIndex),
			});
		} catch (error) {
			results[position] = error as Error;
		}
	}
	const groups = together ? chunks(targets, MAX_IDS_PER_REQUEST) : targets.map((t) => [t]);
	const outcomes = await mapWithLimit(groups.length, together ? LISTS_AT_ONCE : 1, (i) =>
		applyGroup(ctx, groups[i], status, results),
	);
	outcomes.forEach((outcome, i) => {
		if (outcome instanceof Error)
			for (const target of groups[i]) results[target.position] ??= outcome;
	});
	return results;
}

async function applyGroup(
	ctx: IExecuteFunctions,
	group: Target[],
	status: Status,
	results: Array<IDataObject[] | Error>,
	resent = false,
): Promise<void> {
	const userIds = [...new Set(group.map((t) => t.userId))];
	try {
		const users = await setUserStatus(
			ctx,
			userIds,
			status,
			`${VERB[status]} the user`,
			group[0].itemIndex,
		);
		const byId = new Map(users.map((u) => [u.id, u]));
		for (const target of group) {
			const user = byId.get(target.userId);
			results[target.position] = user ? [target.output(user)] : [{ id: target.userId }];
		}
	} catch (error) {
		const httpCode = httpCodeOf(error);
		// All-or-nothing refusals name no culprit: halve the list until they do.
		if (userIds.length > 1 && (httpCode === HTTP.BAD_REQUEST || httpCode === HTTP.FORBIDDEN)) {
			const half = Math.ceil(userIds.length / 2);
			const first = new Set(userIds.slice(0, half));
			await applyGroup(
				ctx,
				group.filter((t) => first.has(t.userId)),
				status,
				results,
			);
			await applyGroup(
				ctx,
				group.filter((t) => !first.has(t.userId)),
				status,
				results,
			);
			return;
		}
		// A connection lost on the way: the change may or may not have happened. Setting a status is
		// idempotent, so sending the same list once more is safe and tells which.
		if (Number.isNaN(httpCode) && !resent) {
			await applyGroup(ctx, group, status, results, true);
			return;
		}
		if (httpCode === HTTP.PAYMENT_REQUIRED && status === EMPLOYEE_STATUS.ACTIVE) {
			await readBackAfterQuota(ctx, group, error as Error, results);
			return;
		}
		for (const target of group) results[target.position] = error as Error;
	}
}

/**
 * DocSpace checks the seat quota user by user and saves each one before checking the next,
 * so a 402 on Enable leaves the users before the one over the quota enabled. Read each
 * profile back and report what really changed.
 */
async function readBackAfterQuota(
	ctx: IExecuteFunctions,
	group: Target[],
	quotaError: Error,
	results: Array<IDataObject[] | Error>,
): Promise<void> {
	for (const target of group) {
		try {
			const user = await getUserById(ctx, target.userId, target.itemIndex);
			if (user && user.status !== EMPLOYEE_STATUS.TERMINATED) {
				results[target.position] = [target.output(user)];
				continue;
			}
			results[target.position] = new NodeOperationError(
				ctx.getNode(),
				`The portal has no free seat to enable ${user?.displayName ?? target.userId} [item ${target.itemIndex}]`,
				{
					description: `${quotaError.message}. DocSpace enabled the users before this one and stopped here. Free a seat (disable or delete someone, or change a user's type) or add seats to the plan, then run again for the users still disabled.`,
					itemIndex: target.itemIndex,
				},
			);
		} catch (error) {
			results[target.position] = error as Error;
		}
	}
}

function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}
