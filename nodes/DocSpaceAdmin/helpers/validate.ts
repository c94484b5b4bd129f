import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { IdKind } from './ids';
import { emailProblem, idProblem } from './ids';

/** Returns the trimmed id or throws a NodeOperationError that names the parameter. */
export function requireId(
	node: INode,
	kind: IdKind,
	value: unknown,
	parameter: string,
	itemIndex: number,
): string {
	const problem = idProblem(kind, value);
	if (problem) {
		throw new NodeOperationError(
			node,
			`Invalid value in the parameter '${parameter}' [item ${itemIndex}]`,
			{
				description: `${problem}. Pick the ${kind} from the list, or check the expression that supplies it.`,
				itemIndex,
			},
		);
	}
	return String(value).trim();
}

/** A person's name where an e-mail was expected, e.g. an AI agent passing "Jane Doe". */
const looksLikeName = (value: unknown) =>
	typeof value === 'string' && !value.includes('@') && /\p{L}{2}/u.test(value);

export function requireEmail(
	node: INode,
	value: unknown,
	parameter: string,
	itemIndex: number,
): string {
	const problem = emailProblem(value);
	if (problem) {
		throw new NodeOperationError(
			node,
			`Invalid value in the parameter '${parameter}' [item ${itemIndex}]`,
			{
				description: `${problem}. ${
					looksLikeName(value)
						? 'That looks like a name: find the person with User → Get Many (filter Search, e.g. their last name), and give the e-mail of the one meant.'
						: 'Check the expression that supplies it.'
				}`,
				itemIndex,
			},
		);
	}
	return String(value).trim();
}
