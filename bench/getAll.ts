/** Read all of 10,000 users: Get Many (Return All) against a raw paging client (count=100). */
import type { Row } from './common';
import { api, runNode, withSandbox } from './common';
import { interleaved, pairRatios, sec, spread, timed } from './stats';

export async function getAllUsers(
	pairs: number,
	log: (line: string) => void,
): Promise<{ rows: Row[]; result: unknown }> {
	// The per-minute limit is raised here: 2 × (pairs + 1) × 100 reads in a few seconds is not what this measures.
	return await withSandbox(
		{ extraUsers: 10_000, limits: { perMinute: 100_000 } },
		async (sandbox) => {
			const params = {
				resource: 'user',
				operation: 'getMany',
				returnAll: true,
				filters: { search: 'bench.user' },
				output: 'raw',
			};
			const raw = async () => {
				const users: unknown[] = [];
				for (let start = 0; ; start += 100) {
					const page = await api(
						sandbox,
						'GET',
						`/people/filter?filterValue=bench.user&count=100&startIndex=${start}`,
					);
					users.push(...(page.response as unknown[]));
					if (users.length >= (page.total ?? 0) || (page.response as unknown[]).length < 100)
						return users.length;
				}
			};
			const node = async () => {
				sandbox.log.length = 0;
				const run = await timed(() => runNode(sandbox, params));
				return { ms: run.ms, requests: sandbox.log.length, users: run.value.length };
			};
			const runs = await interleaved(
				{ node, raw: async () => ({ ms: (await timed(raw)).ms, requests: 100, users: 10_000 }) },
				pairs,
				(side, round, r) => log(`  round ${round + 1} ${side}: ${sec(r.ms)} s`),
			);
			const nodeMs = spread(runs.node.map((r) => r.ms));
			const rawMs = spread(runs.raw.map((r) => r.ms));
			const ratio = pairRatios(
				runs.node.map((r) => r.ms),
				runs.raw.map((r) => r.ms),
			);
			const requests = Math.max(...runs.node.map((r) => r.requests));
			const complete = runs.node.every((r) => r.users === 10_000 && r.requests === 100);
			const rows: Row[] = [
				{
					benchmark: 'Get all 10,000 users',
					figure: 'requests',
					node: String(requests),
					baseline: '100',
					target: '= 100',
					met: complete,
				},
				{
					benchmark: 'Get all 10,000 users',
					figure: 'time (s), median (min–max); ratio per round',
					node: `${sec(nodeMs.median)} (${sec(nodeMs.min)}–${sec(nodeMs.max)})`,
					baseline: `${sec(rawMs.median)} (${sec(rawMs.min)}–${sec(rawMs.max)}); node/raw ${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`,
					target: '≤ 1.2× raw',
					met: ratio.median <= 1.2,
				},
			];
			return {
				rows,
				result: {
					users: 10_000,
					roundsPerSide: pairs,
					requests,
					nodeMs,
					rawClientMs: rawMs,
					ratioNodeToRaw: ratio,
				},
			};
		},
	);
}
