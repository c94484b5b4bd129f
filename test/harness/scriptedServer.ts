import http from 'http';
import type { AddressInfo } from 'net';

export type Step =
	| { status: number; body?: unknown; headers?: Record<string, string> }
	| { reset: true };

/**
 * A real HTTP server on 127.0.0.1 that answers each request with the next
 * scripted step — including dropping the connection, which nock cannot do
 * reliably. Used for network-fault tests.
 */
export async function scriptedServer(steps: Step[]) {
	const seen: Array<{ method: string; url: string }> = [];
	const server = http.createServer((req, res) => {
		seen.push({ method: req.method ?? '', url: req.url ?? '' });
		const step = steps.shift() ?? { status: 500, body: 'script exhausted' };
		if ('reset' in step) {
			req.socket.destroy();
			return;
		}
		const body =
			typeof step.body === 'string'
				? step.body
				: step.body === undefined
					? ''
					: JSON.stringify(step.body);
		res.writeHead(step.status, {
			'Content-Type': typeof step.body === 'string' ? 'text/html' : 'application/json',
			...step.headers,
		});
		res.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		seen,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
