import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EmployeeFull } from './dto';
import { ACTIVATION_STATUS, EMPLOYEE_STATUS, userType } from './dto';
import { requireEmail, requireId } from './validate';
import type { Envelope } from '../transport';
import { apiRequest } from '../transport';

/** Reads a user resource locator and fetches the profile it points to. */
export async function fetchUserFromLocator(
	this: IExecuteFunctions,
	parameterName: string,
	parameterLabel: string,
	itemIndex: number,
): Promise<EmployeeFull> {
	const node = this.getNode();
	const locator = this.getNodeParameter(parameterName, itemIndex, undefined, {
		extractValue: false,
	}) as INodeParameterResourceLocator | string;
	const mode = typeof locator === 'object' && locator !== null ? locator.mode : 'id';
	const value = typeof locator === 'object' && locator !== null ? locator.value : locator;

	if (mode === 'email') {
		const email = requireEmail(node, value, parameterLabel, itemIndex);
		const envelope = (await apiRequest.call(this, {
			method: 'GET',
			path: ['people', 'email'],
			qs: { email },
			error: { action: 'find the user', notFound: `No user has the email ${email}`, itemIndex },
		})) as Envelope<EmployeeFull>;
		return present(this, envelope, parameterLabel, itemIndex);
	}
	if (mode !== 'list' && mode !== 'id') {
		throw new NodeOperationError(node, `Unsupported mode "${String(mode)}" in the parameter '${parameterLabel}'`, {
			description: 'Choose From List, By Email or By ID.',
			itemIndex,
		});
	}
	const id = requireId(node, 'user', value, parameterLabel, itemIndex);
	const envelope = (await apiRequest.call(this, {
		method: 'GET',
		path: ['people', id],
		error: { action: 'get the user', notFound: `No user has the ID ${id}`, itemIndex },
	})) as Envelope<EmployeeFull>;
	return present(this, envelope, parameterLabel, itemIndex);
}

function present(
	ctx: IExecuteFunctions,
	envelope: Envelope<EmployeeFull>,
	parameterLabel: string,
	itemIndex: number,
): EmployeeFull {
	if (!envelope.response?.id) {
		throw new NodeOperationError(ctx.getNode(), `DocSpace returned no user for the parameter '${parameterLabel}'`, {
			description: 'Check the value you entered and that the credential’s user may see this profile.',
			itemIndex,
		});
	}
	return envelope.response;
}

export function simplifyUser(user: EmployeeFull): IDataObject {
	const simple: IDataObject = {
		id: user.id,
		displayName: user.displayName,
		firstName: user.firstName,
		lastName: user.lastName,
		email: user.email,
		type: userType(user),
		status: EMPLOYEE_STATUS[user.status ?? 0] ?? user.status,
		activationStatus: ACTIVATION_STATUS[user.activationStatus ?? -1] ?? user.activationStatus,
		registrationDate: user.registrationDate,
		terminated: user.terminated,
	};
	for (const key of Object.keys(simple)) if (simple[key] === undefined) delete simple[key];
	return simple;
}
