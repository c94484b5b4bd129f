import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EmployeeFull } from '../api/dto';
import { ACTIVATION_STATUS, EMPLOYEE_STATUS_NAMES, userType } from './names';
import { EMPLOYEE_STATUS } from '../api/codes';
import { getUserByEmail, getUserById } from '../api/people';
import { compact } from './values';

export type UserRef = { email: string } | { id: string };

/** The profile a reference points to; an error naming the parameter when DocSpace returns none. */
export async function fetchUser(
	ctx: IExecuteFunctions,
	ref: UserRef,
	parameterLabel: string,
	itemIndex: number,
): Promise<EmployeeFull> {
	const user =
		'email' in ref
			? await getUserByEmail(ctx, ref.email, itemIndex)
			: await getUserById(ctx, ref.id, itemIndex);
	if (!user?.id) {
		throw new NodeOperationError(
			ctx.getNode(),
			`DocSpace returned no user for the parameter '${parameterLabel}'`,
			{
				description:
					'Check the value you entered and that the credential’s user may see this profile.',
				itemIndex,
			},
		);
	}
	return user;
}

/** The user id a reference points to; only an email needs a request. */
export async function userIdOf(
	ctx: IExecuteFunctions,
	ref: UserRef,
	parameterLabel: string,
	itemIndex: number,
): Promise<string> {
	return 'id' in ref ? ref.id : (await fetchUser(ctx, ref, parameterLabel, itemIndex)).id;
}

export function isActiveAdminOrRoomAdmin(user: EmployeeFull): boolean {
	return (
		user.status === EMPLOYEE_STATUS.ACTIVE &&
		(user.isOwner === true || user.isAdmin === true || user.isRoomAdmin === true)
	);
}

/**
 * The error for a user given where only an active DocSpace admin or room admin fits, e.g.
 * `cannot` "cannot own rooms".
 */
export function notAdminOrRoomAdmin(
	node: INode,
	user: EmployeeFull,
	parameterLabel: string,
	cannot: string,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(
		node,
		`Invalid value in the parameter '${parameterLabel}' [item ${itemIndex}]`,
		{
			description: `${user.displayName ?? user.id} ${cannot}: pick an active DocSpace admin or room admin.`,
			itemIndex,
		},
	);
}

export function simplifyUser(user: EmployeeFull): IDataObject {
	const simple: IDataObject = {
		id: user.id,
		displayName: user.displayName,
		firstName: user.firstName,
		lastName: user.lastName,
		email: user.email,
		type: userType(user),
		status: EMPLOYEE_STATUS_NAMES[user.status ?? 0] ?? user.status,
		activationStatus: ACTIVATION_STATUS[user.activationStatus ?? -1] ?? user.activationStatus,
		registrationDate: user.registrationDate,
		terminated: user.terminated,
	};
	return compact(simple);
}

export function isDisabled(user: EmployeeFull): boolean {
	return user.status === EMPLOYEE_STATUS.TERMINATED;
}

/** Someone DocSpace accepts as a group manager: active and not a guest. */
export function isActiveNonGuest(user: EmployeeFull): boolean {
	return user.status === EMPLOYEE_STATUS.ACTIVE && !user.isVisitor;
}
