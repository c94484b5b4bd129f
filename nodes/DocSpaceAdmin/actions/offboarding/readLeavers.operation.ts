import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { emailProblem } from '../../helpers/ids';
import type { FinalStep } from '../../helpers/offboarding/types';
import { LeaversFileError, readLeavers } from '../../helpers/leavers';
import { showOnlyFor } from '../common.descriptions';
import { FINAL_STEP_OPTIONS } from './offboarding.descriptions';

const BINARY_FIELD = 'Input Binary Field';
const DEFAULT_RECIPIENT = 'Default Recipient Email';

const properties: INodeProperties[] = [
	{
		displayName:
			'Reads a CSV or text file of leavers (one per row, columns email, recipientEmail, workspaceFolderId, finalStep) and checks every row. Sends nothing to DocSpace.',
		name: 'readLeaversNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: BINARY_FIELD,
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		hint: 'The name of the input binary field containing the file to be read',
		description:
			'A Form Trigger names the field after its label, with spaces as underscores (e.g. Leavers_CSV)',
	},
	{
		displayName: DEFAULT_RECIPIENT,
		name: 'defaultRecipientEmail',
		type: 'string',
		default: '',
		placeholder: 'e.g. manager@example.com',
		description:
			'Who receives the data of a row whose recipientEmail is empty. Leave empty to refuse such rows.',
	},
	{
		displayName: 'Default Final Step',
		name: 'defaultFinalStep',
		type: 'options',
		default: 'keep',
		description:
			'The final step of a row whose finalStep is empty. Any other value than keep, deleteProfile or removeData makes the row invalid.',
		options: FINAL_STEP_OPTIONS,
	},
];

export const description = showOnlyFor('offboarding', 'readLeavers', properties);

/** The file of the item, or an error naming the field and the fields the item does have. */
function fileOf(ctx: IExecuteFunctions, field: string, itemIndex: number): void {
	const binary = ctx.getInputData()[itemIndex]?.binary ?? {};
	if (binary[field]) return;
	const present = Object.keys(binary);
	throw new NodeOperationError(
		ctx.getNode(),
		`No file in the input field "${field}" named by the parameter '${BINARY_FIELD}' [item ${itemIndex}]`,
		{
			description: present.length
				? `The item's files are in: ${present.join(', ')}. Set '${BINARY_FIELD}' to one of them.`
				: `The item has no file. Connect a node that gives one (a Form Trigger with a file field, Read Files from Disk, HTTP Request), and set '${BINARY_FIELD}' to its field.`,
			itemIndex,
		},
	);
}

function defaultRecipient(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = String(ctx.getNodeParameter('defaultRecipientEmail', itemIndex, '') ?? '').trim();
	const problem = value && emailProblem(value);
	if (problem)
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid value in the parameter '${DEFAULT_RECIPIENT}' [item ${itemIndex}]`,
			{ description: `${problem}. Give an email address, or leave it empty.`, itemIndex },
		);
	return value;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const field = String(this.getNodeParameter('binaryPropertyName', itemIndex)).trim();
	const recipientEmail = defaultRecipient(this, itemIndex);
	const finalStep = this.getNodeParameter('defaultFinalStep', itemIndex) as FinalStep;
	fileOf(this, field, itemIndex);
	const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, field);
	try {
		return readLeavers(bytes, { recipientEmail, finalStep }) as unknown as IDataObject[];
	} catch (error) {
		if (!(error instanceof LeaversFileError))
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		throw new NodeOperationError(
			this.getNode(),
			`${error.message}: the file in '${BINARY_FIELD}' ("${field}") cannot be read [item ${itemIndex}]`,
			{ description: error.hint, itemIndex },
		);
	}
}
