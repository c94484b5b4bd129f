import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

/** `={{ $json.field }}`: the usual way to point a parameter at a field of each input item. */
const ITEM_FIELD_EXPRESSION = /^=\{\{\s*\$json\.([A-Za-z_$][\w$]*)\s*\}\}$/;

/**
 * A resource locator whose value is `{{ $json.field }}`, resolved by reading that field of the
 * item, which is what n8n's expression gives. n8n builds a whole expression context for each
 * evaluation (~0.1 ms), more than a batched request costs per user; any other value: undefined.
 */
export function locatorFromItemField(
	ctx: IExecuteFunctions,
	parameterName: string,
	itemIndex: number,
): INodeParameterResourceLocator | undefined {
	const raw = ctx.getNode().parameters[parameterName] as
		| Partial<INodeParameterResourceLocator>
		| undefined;
	if (typeof raw !== 'object' || raw === null || raw.__rl !== true) return undefined;
	if (typeof raw.mode !== 'string' || typeof raw.value !== 'string') return undefined;
	const field = ITEM_FIELD_EXPRESSION.exec(raw.value)?.[1];
	const item = ctx.getInputData()[itemIndex];
	if (field === undefined || !item) return undefined;
	return {
		...(raw as INodeParameterResourceLocator),
		value: item.json[field] as INodeParameterResourceLocator['value'],
	};
}
