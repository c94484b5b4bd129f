/** The object without its undefined properties, so outputs show only what is known. */
export function compact<T extends object>(value: T): T {
	for (const key of Object.keys(value) as Array<keyof T>)
		if (value[key] === undefined) delete value[key];
	return value;
}

/** The seconds since `startedAt` (a `Date.now()` value), to a tenth. */
export function secondsSince(startedAt: number): number {
	return Math.round((Date.now() - startedAt) / 100) / 10;
}
