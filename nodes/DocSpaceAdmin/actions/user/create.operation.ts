import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { createUser } from '../../api/people';
import { simplifyUser } from '../../helpers/users';
import { requireEmail, requireId } from '../../helpers/validate';
import { outputOption, showOnlyFor } from '../common.descriptions';
import { readOutput } from '../parameters';

const properties: INodeProperties[] = [
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. jane.doe@example.com',
		default: '',
		required: true,
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		required: true,
		default: 'User',
		description:
			'Room admins and DocSpace admins take a paid seat; only the owner can create DocSpace admins',
		options: [
			{ name: 'User', value: 'User', description: 'Works in rooms they are invited to' },
			{
				name: 'Room Admin',
				value: 'RoomAdmin',
				description: 'Can create and manage rooms (paid seat)',
			},
			{
				name: 'DocSpace Admin',
				value: 'DocSpaceAdmin',
				description: 'Administers the portal (paid seat)',
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Group IDs',
				name: 'groupIds',
				type: 'string',
				default: '',
				placeholder:
					'e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f, 8a1d4f7e-2c3b-4a5d-8e9f-0b1c2d3e4f5a',
				description: 'Comma-separated IDs of the groups to add the user to',
			},
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'Leave empty to let DocSpace generate one; the user gets an activation email either way',
			},
		],
	},
	outputOption,
];

export const description = showOnlyFor('user', 'create', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		firstName: String(this.getNodeParameter('firstName', itemIndex)).trim(),
		lastName: String(this.getNodeParameter('lastName', itemIndex)).trim(),
		email: requireEmail(node, this.getNodeParameter('email', itemIndex), 'Email', itemIndex),
		type: this.getNodeParameter('type', itemIndex) as string,
	};
	if (typeof extra.password === 'string' && extra.password) body.password = extra.password;
	if (typeof extra.groupIds === 'string' && extra.groupIds.trim()) {
		body.department = extra.groupIds
			.split(',')
			.map((id) => requireId(node, 'group', id, 'Group IDs', itemIndex));
	}
	const output = readOutput(this, itemIndex, simplifyUser);
	return [output(await createUser(this, body, itemIndex))];
}
