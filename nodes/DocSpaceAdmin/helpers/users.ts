import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EmployeeFull } from '../api/dto';
import { ACTIVATION_STATUS, EMPLOYEE_STATUS_NAMES, userType } from './names';
import { requireEmail, requireId } from './validate';
import { EMPLOYEE_STATUS } from '../api/codes';
import { getUserByEmail, getUserById } from '../api/people';
import { compact } from './values';
import { locatorFromItemField } from './itemField';

export type UserRef = { email: string } | { id: string };

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

export async function fetchUser(
	this: IExecuteFunctions,
	ref: UserRef,
	parameterLabel: string,
	itemIndex: number,
): Promise<EmployeeFull> {
	const user =
		'email' in ref
			? await getUserByEmail(this, ref.email, itemIndex)
			: await getUserById(this, ref.id, itemIndex);
	if (!user?.id) {
		throw new NodeOperationError(
			this.getNode(),
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

/** Reads a user resource locator and fetches the profile it points to. */
export async function fetchUserFromLocator(
	this: IExecuteFunctions,
	parameterName: string,
	parameterLabel: string,
	itemIndex: number,
): Promise<EmployeeFull> {
	return await fetchUser.call(
		this,
		readUserLocator(this, parameterName, parameterLabel, itemIndex),
		parameterLabel,
		itemIndex,
	);
}

/** The user id a locator points to; only "By email" needs a request. */
export async function userIdFromLocator(
	this: IExecuteFunctions,
	parameterName: string,
	parameterLabel: string,
	itemIndex: number,
): Promise<string> {
	const ref = readUserLocator(this, parameterName, parameterLabel, itemIndex);
	return 'id' in ref ? ref.id : (await fetchUser.call(this, ref, parameterLabel, itemIndex)).id;
}

export function isActiveAdminOrRoomAdmin(user: EmployeeFull): boolean {
	return (
		user.status === EMPLOYEE_STATUS.ACTIVE &&
		(user.isOwner === true || user.isAdmin === true || user.isRoomAdmin === true)
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

/** The output every user operation offers: the simplified profile, or everything DocSpace sent. */
export function userOutput(
	ctx: IExecuteFunctions,
	user: EmployeeFull,
	itemIndex: number,
): IDataObject {
	const output = ctx.getNodeParameter('output', itemIndex, 'simplified') as string;
	return output === 'raw' ? (user as IDataObject) : simplifyUser(user);
}

export function isDisabled(user: EmployeeFull): boolean {
	return user.status === EMPLOYEE_STATUS.TERMINATED;
}

/** Someone DocSpace accepts as a group manager: active and not a guest. */
export function isActiveNonGuest(user: EmployeeFull): boolean {
	return user.status === EMPLOYEE_STATUS.ACTIVE && !user.isVisitor;
}
