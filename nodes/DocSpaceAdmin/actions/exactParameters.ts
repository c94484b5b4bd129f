import type {
	IExecuteFunctions,
	INode,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	NodeParameterValueType,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * n8n passes whatever an expression gives to the node: an options parameter can receive
 * "Keep", a boolean "false" (text, so truthy), a number "" or NaN. Each such value is checked
 * against its parameter's exact set before the operation runs, so no unrecognised value can
 * fall through to a destructive branch.
 */

type Problem = { path: string[]; property: INodeProperties; value: unknown; expected: string };

const SHOWN_VALUE_LENGTH = 60;
/** Parameters the router itself resolves (an unknown one is refused there). */
const ROUTING = new Set(['resource', 'operation']);
const CHECKED_TYPES = new Set([
	'options',
	'multiOptions',
	'boolean',
	'number',
	'collection',
	'fixedCollection',
]);

function isExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(isExpression);
	if (value && typeof value === 'object') return Object.values(value).some(isExpression);
	return false;
}

function forOperation(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	const matches = (key: string, wanted: string) =>
		!show?.[key] || (show[key] as unknown[]).includes(wanted);
	return matches('resource', resource) && matches('operation', operation);
}

/** The properties of one operation whose values have an exact set, with their raw values. */
export interface CheckedParameter {
	property: INodeProperties;
	/** Whether the stored value holds an expression, so it must be resolved per item. */
	resolve: boolean;
	raw: NodeParameterValueType | INodeParameters;
}

export function checkedParameters(
	properties: INodeProperties[],
	parameters: INodeParameters,
	resource: string,
	operation: string,
): CheckedParameter[] {
	const checked: CheckedParameter[] = [];
	for (const property of properties) {
		if (ROUTING.has(property.name) || !CHECKED_TYPES.has(property.type)) continue;
		if (!forOperation(property, resource, operation)) continue;
		const raw = parameters[property.name];
		if (raw === undefined) continue;
		if (checked.some((c) => c.property.name === property.name)) continue;
		checked.push({ property, resolve: isExpression(raw), raw });
	}
	return checked;
}

function staticOptions(property: INodeProperties): INodePropertyOptions[] | undefined {
	if (property.typeOptions?.loadOptionsMethod || property.typeOptions?.loadOptions)
		return undefined;
	return property.options as INodePropertyOptions[] | undefined;
}

function describeOptions(options: INodePropertyOptions[]): string {
	return options.map((o) => `${JSON.stringify(o.value)} (${o.name})`).join(', ');
}

function numberRange(property: INodeProperties): string {
	const { minValue, maxValue } = property.typeOptions ?? {};
	if (minValue !== undefined && maxValue !== undefined) return ` from ${minValue} to ${maxValue}`;
	if (minValue !== undefined) return ` of at least ${minValue}`;
	if (maxValue !== undefined) return ` of at most ${maxValue}`;
	return '';
}

function valueProblem(property: INodeProperties, value: unknown): string | undefined {
	switch (property.type) {
		case 'options': {
			const options = staticOptions(property);
			if (!options || options.some((o) => o.value === value)) return undefined;
			return `one of ${describeOptions(options)}`;
		}
		case 'multiOptions': {
			const options = staticOptions(property);
			if (!options) return undefined;
			const valid = Array.isArray(value) && value.every((v) => options.some((o) => o.value === v));
			return valid ? undefined : `a list of ${describeOptions(options)}`;
		}
		case 'boolean':
			return typeof value === 'boolean' ? undefined : 'true or false (a boolean, not text)';
		case 'number': {
			const { minValue, maxValue } = property.typeOptions ?? {};
			const valid =
				typeof value === 'number' &&
				Number.isFinite(value) &&
				(minValue === undefined || value >= minValue) &&
				(maxValue === undefined || value <= maxValue);
			return valid ? undefined : `a number${numberRange(property)}`;
		}
		default:
			return undefined;
	}
}

function problemsOf(property: INodeProperties, value: unknown, path: string[]): Problem[] {
	const here = [...path, property.displayName];
	if (property.type === 'collection') {
		if (value === undefined || value === null) return [];
		if (typeof value !== 'object' || Array.isArray(value))
			return [{ path: here, property, value, expected: 'a set of options' }];
		return nestedProblems(property.options as INodeProperties[], value as INodeParameters, here);
	}
	if (property.type === 'fixedCollection') {
		if (value === undefined || value === null) return [];
		if (typeof value !== 'object' || Array.isArray(value))
			return [{ path: here, property, value, expected: 'a set of values' }];
		const problems: Problem[] = [];
		for (const group of property.options as INodePropertyCollection[]) {
			const entries = (value as INodeParameters)[group.name];
			if (entries === undefined) continue;
			for (const entry of Array.isArray(entries) ? entries : [entries])
				problems.push(
					...nestedProblems(group.values, entry as INodeParameters, [...here, group.displayName]),
				);
		}
		return problems;
	}
	const expected = valueProblem(property, value);
	return expected ? [{ path: here, property, value, expected }] : [];
}

function nestedProblems(
	properties: INodeProperties[],
	values: INodeParameters,
	path: string[],
): Problem[] {
	if (!values || typeof values !== 'object') return [];
	return properties.flatMap((p) =>
		values[p.name] === undefined ? [] : problemsOf(p, values[p.name], path),
	);
}

/** Whether the parameter's values are something else than text, so text must be called so. */
function wantsNonText(property: INodeProperties): boolean {
	if (property.type === 'boolean' || property.type === 'number') return true;
	return (staticOptions(property) ?? []).some((o) => typeof o.value !== 'string');
}

function shown(value: unknown, property: INodeProperties): string {
	const text = JSON.stringify(value) ?? String(value);
	const kind = typeof value === 'string' && wantsNonText(property) ? ' (text)' : '';
	return (text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH)}…` : text) + kind;
}

function problemError(node: INode, problem: Problem, itemIndex: number): NodeOperationError {
	const name = problem.path.join(' › ');
	return new NodeOperationError(
		node,
		`Invalid value ${shown(problem.value, problem.property)} in the parameter '${name}' [item ${itemIndex}]`,
		{
			description: `'${name}' must be exactly ${problem.expected}. Nothing was sent to DocSpace for this item. Check the expression or the file column that supplies it; values are case-sensitive and are never guessed.`,
			itemIndex,
		},
	);
}

/** Throws for the first parameter of this item whose value is not in its exact set. */
export function requireExactParameters(
	ctx: IExecuteFunctions,
	parameters: CheckedParameter[],
	itemIndex: number,
): void {
	for (const { property, resolve, raw } of parameters) {
		const value = resolve ? ctx.getNodeParameter(property.name, itemIndex) : raw;
		const [problem] = problemsOf(property, value, []);
		if (problem) throw problemError(ctx.getNode(), problem, itemIndex);
	}
}
