/** The results as a console table and as the Markdown table the README's "Performance" section shows. */
import type { Row } from './common';

export function renderText(rows: Row[]): string {
	const widths = [26, 52, 40, 50, 12];
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' ');
	return [
		line(['benchmark', 'figure', 'this node', 'baseline', 'target']) + ' met',
		...rows.map(
			(r) => line([r.benchmark, r.figure, r.node, r.baseline, r.target]) + (r.met ? ' yes' : ' NO'),
		),
	].join('\n');
}

export function renderMarkdown(output: {
	generatedAt: string;
	machine: { node: string; cpus: number };
	loadAverage: { now: number[]; oneMinute: { min: number; median: number; max: number } };
	roundsPerSide: number;
	durationSeconds: number;
	table: Row[];
}): string {
	const l = output.loadAverage;
	const head = `Measured ${output.generatedAt.slice(0, 10)} on ${output.machine.cpus} cores, Node ${output.machine.node}, load average ${l.oneMinute.min}–${l.oneMinute.max} (1-min, sampled over the run); ${output.roundsPerSide} interleaved rounds per side after a warm-up; ${output.durationSeconds} s.\n\n`;
	const rows = output.table.map(
		(r) =>
			`| ${r.benchmark} | ${r.figure} | ${r.node} | ${r.baseline} | ${r.target} | ${r.met ? 'yes' : '**no**'} |`,
	);
	return `${head}| benchmark | figure | this node | baseline | target | met |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`;
}
