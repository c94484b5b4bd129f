import type { IExecuteFunctions } from 'n8n-workflow';

/** The object without its undefined properties, so outputs show only what is known. */
export function compact<T extends object>(value: T): T {
	for (const key of Object.keys(value) as Array<keyof T>)
		if (value[key] === undefined) delete value[key];
	return value;
}

/** "Return All" / "Limit": undefined means all. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	return (ctx.getNodeParameter('returnAll', itemIndex) as boolean)
		? undefined
		: (ctx.getNodeParameter('limit', itemIndex) as number);
}
