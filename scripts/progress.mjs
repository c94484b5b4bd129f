// One line per phase with the time it has taken: rewritten in place on a terminal, printed every
// 30 seconds otherwise (CI logs), and closed with the total when the phase ends.
const tty = Boolean(process.stdout.isTTY);

export function elapsed(since) {
	const s = Math.round((Date.now() - since) / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

export function progress(label) {
	const started = Date.now();
	let lastPrinted = Date.now();
	let detail = '';
	const text = () => `  ${label}: ${detail ? `${detail}, ` : ''}${elapsed(started)}`;
	const print = (final = '') => {
		if (tty) process.stdout.write(`\r\x1b[2K${final || text()}${final ? '\n' : ''}`);
		else console.log(final || text());
	};
	if (!tty) console.log(`  ${label}…`);
	return {
		update(next) {
			detail = next;
			if (tty) print();
			else if (Date.now() - lastPrinted >= 30_000) {
				lastPrinted = Date.now();
				print();
			}
		},
		done(summary = 'done') {
			print(`  ${label}: ${summary} in ${elapsed(started)}`);
		},
		fail(message) {
			print(`  ${label}: ${message} after ${elapsed(started)}`);
		},
	};
}

/** Runs `work` as one phase: a line that ticks while it runs, then its duration. */
export async function phase(label, work) {
	const line = progress(label);
	const timer = setInterval(() => line.update(''), 1000);
	try {
		const result = await work();
		line.done();
		return result;
	} catch (error) {
		line.fail('failed');
		throw error;
	} finally {
		clearInterval(timer);
	}
}
