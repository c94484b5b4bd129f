import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { AUDIT_ACTION } from '../../api/codes';
import { filtersCollection, returnAllAndLimit, showOnlyFor } from '../common.descriptions';
import { eventsFromParameters } from './events.shared';

/** A default by name: n8n's lint reads a literal or a plain identifier as `default`, not `A.B`. */
const ACTION_DEFAULT = AUDIT_ACTION.LOGIN_SUCCESS;

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Action',
			name: 'action',
			type: 'options',
			default: ACTION_DEFAULT,
			options: [
				{ name: 'Logged In', value: AUDIT_ACTION.LOGIN_SUCCESS },
				{
					name: 'Login Failed (Wrong Password)',
					value: AUDIT_ACTION.LOGIN_FAIL_INVALID_COMBINATION,
				},
				{
					name: 'Login Failed (Disabled Profile)',
					value: AUDIT_ACTION.LOGIN_FAIL_DISABLED_PROFILE,
				},
				{ name: 'Logged In via API', value: AUDIT_ACTION.LOGIN_SUCCESS_VIA_API },
				{ name: 'Logged Out', value: AUDIT_ACTION.LOGOUT },
			],
		},
		{ displayName: 'From', name: 'from', type: 'dateTime', default: '' },
		{ displayName: 'To', name: 'to', type: 'dateTime', default: '' },
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f',
		},
	]),
];

export const description = showOnlyFor('audit', 'getLoginEvents', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await eventsFromParameters(this, 'login', itemIndex);
}
