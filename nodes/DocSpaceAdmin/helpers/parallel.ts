/**
 * Runs `work` for every position with at most `limit` at a time; each result (or the error it
 * threw) stays at its position.
 */
export async function mapWithLimit<R>(
	count: number,
	limit: number,
	work: (position: number) => Promise<R>,
): Promise<Array<R | Error>> {
	const results: Array<R | Error> = new Array(count);
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const position = next++;
			results[position] = await work(position).catch((error: Error) => error);
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), count) }, worker));
	return results;
}
