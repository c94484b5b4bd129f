import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getSelf, updateUser } from '../../api/people';
import { simplifyUser } from '../../helpers/users';
import { outputOption, userLocator, showOnlyFor } from '../common.descriptions';
import { readOutput, userIdFromLocator } from '../parameters';

const properties: INodeProperties[] = [
	{
		displayName:
			'DocSpace lets people change their own name only: this updates the profile of the credential’s user. To disable, enable or change the type of someone else, use those operations.',
		name: 'selfOnlyNotice',
		type: 'notice',
		default: '',
	},
	userLocator('User'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
		],
	},
	outputOption,
];

export const description = showOnlyFor('user', 'update', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = await userIdFromLocator(this, 'user', 'User', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const self = await getSelf(this, itemIndex);
	// The server silently ignores name changes to other people's profiles; say so instead.
	if (self.id !== userId) {
		throw new NodeOperationError(
			this.getNode(),
			`Cannot update the parameter 'User' [item ${itemIndex}]: it is not the credential’s own profile`,
			{
				description:
					'DocSpace applies name changes only to your own profile. Ask the user to change it, or use Disable, Enable or Change Type.',
				itemIndex,
			},
		);
	}
	const body: IDataObject = {};
	for (const key of ['firstName', 'lastName']) {
		if (typeof fields[key] === 'string' && (fields[key] as string).trim())
			body[key] = (fields[key] as string).trim();
	}
	const output = readOutput(this, itemIndex, simplifyUser);
	return [output(await updateUser(this, userId, body, itemIndex))];
}
