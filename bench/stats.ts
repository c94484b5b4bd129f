/** Robust figures for a noisy machine: interleaved runs, medians with their spread. */
import os from 'os';

export interface Spread {
	runs: number;
	median: number;
	min: number;
	max: number;
	values: number[];
}

export function spread(values: number[]): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { runs: values.length, median, min: sorted[0], max: sorted[sorted.length - 1], values };
}

/** The load average now, and what it was over the bench (sampled every 5 s). */
export class LoadMonitor {
	private samples: number[] = [];
	private timer?: NodeJS.Timeout;

	start(): void {
		this.samples.push(os.loadavg()[0]);
		this.timer = setInterval(() => this.samples.push(os.loadavg()[0]), 5000);
		this.timer.unref();
	}

	stop(): void {
		if (this.timer) clearInterval(this.timer);
	}

	/** loadavg over 1/5/15 min at this moment, plus the spread of 1-min samples so far. */
	snapshot(): {
		now: [number, number, number];
		oneMinute: { min: number; median: number; max: number };
	} {
		const [a, b, c] = os.loadavg();
		const s = spread(this.samples.length ? this.samples : [a]);
		return {
			now: [round2(a), round2(b), round2(c)],
			oneMinute: { min: round2(s.min), median: round2(s.median), max: round2(s.max) },
		};
	}
}

export function round2(n: number): number {
	return Math.round(n * 100) / 100;
}

/**
 * Runs each side once as a warm-up (not recorded), then `pairs` rounds of every side in turn
 * (A, B, C, A, B, C …), so drifting machine load hits all sides alike.
 */
export async function interleaved<K extends string, T>(
	sides: Record<K, () => Promise<T>>,
	pairs: number,
	onRun?: (side: K, round: number, value: T) => void,
	warmUp: Partial<Record<K, () => Promise<unknown>>> = {},
): Promise<Record<K, T[]>> {
	const names = Object.keys(sides) as K[];
	for (const name of names) await (warmUp[name] ?? sides[name])();
	const out = Object.fromEntries(names.map((n) => [n, [] as T[]])) as Record<K, T[]>;
	for (let round = 0; round < pairs; round++) {
		// Alternate the order each round so no side always runs right after the same other one.
		const order = round % 2 ? [...names].reverse() : names;
		for (const name of order) {
			const value = await sides[name]();
			out[name].push(value);
			onRun?.(name, round, value);
		}
	}
	return out;
}

/** Ratio of each round's baseline to its node run, then the spread of those ratios. */
export function pairRatios(baseline: number[], node: number[]): Spread {
	return spread(baseline.map((b, i) => b / node[i]));
}

export async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = performance.now();
	const value = await body();
	return { ms: performance.now() - start, value };
}

export function sec(ms: number): string {
	return (ms / 1000).toFixed(2);
}
