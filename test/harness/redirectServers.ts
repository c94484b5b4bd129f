import http from 'http';
import type { AddressInfo } from 'net';

export interface SeenRequest {
	method: string;
	host: string;
	url: string;
	authorization?: string;
	body: string;
}

/** What the server at the end of a redirect answers: a plausible DocSpace user, easy to spot in any output. */
export const ELSEWHERE_MARKER = 'ELSEWHERE-BODY-MUST-NOT-APPEAR';
const elsewhereBody = JSON.stringify({
	response: {
		id: '00000000-0000-4000-8000-0000000000ee',
		displayName: ELSEWHERE_MARKER,
		token: ELSEWHERE_MARKER,
	},
	count: 1,
	status: 0,
	statusCode: 200,
});

async function listen(
	handler: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void,
) {
	const seen: SeenRequest[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString();
			seen.push({
				method: req.method ?? '',
				host: req.headers.host ?? '',
				url: req.url ?? '',
				authorization: req.headers.authorization,
				body,
			});
			handler(req, body, res);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		port,
		seen,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/**
 * Two real servers on 127.0.0.1 with random ports: a "portal" that answers every
 * request with `status` and a Location chosen by the test, and a second server
 * ("elsewhere") that answers anything with a DocSpace-like body and records
 * whether a credential reached it. `localhost` resolves to 127.0.0.1 here, so
 * `http://localhost:<port>` is another origin (another host name) for the same socket.
 */
export async function redirectingPortal() {
	let redirect = { status: 302, location: '/' };
	const elsewhere = await listen((_req, _body, res) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(elsewhereBody);
	});
	const portal = await listen((req, _body, res) => {
		const atPortal = req.headers.host === `127.0.0.1:${portal.port}`;
		// A request that arrives under another host name followed the redirect: answer like "elsewhere".
		if (!atPortal) {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(elsewhereBody);
			return;
		}
		res.writeHead(redirect.status, { Location: redirect.location, 'Content-Type': 'text/html' });
		res.end(
			`<html><body>Moved to <a href="${redirect.location}">${redirect.location}</a></body></html>`,
		);
	});
	const origin = `http://127.0.0.1:${portal.port}`;
	const targets = {
		'another port': `http://127.0.0.1:${elsewhere.port}`,
		'another host and port': `http://localhost:${elsewhere.port}`,
		'another host name, same port': `http://localhost:${portal.port}`,
		'the same origin': origin,
	};
	return {
		origin,
		targets,
		/** Answer every portal request with this redirect from now on. */
		redirectTo(status: number, location: string) {
			redirect = { status, location };
		},
		/** Requests that reached anything but the portal's own origin. */
		offOrigin: () => [
			...elsewhere.seen,
			...portal.seen.filter((r) => r.host !== `127.0.0.1:${portal.port}`),
		],
		atPortal: () => portal.seen.filter((r) => r.host === `127.0.0.1:${portal.port}`),
		reset() {
			elsewhere.seen.length = 0;
			portal.seen.length = 0;
		},
		close: async () => {
			await elsewhere.close();
			await portal.close();
		},
	};
}

export type RedirectingPortal = Awaited<ReturnType<typeof redirectingPortal>>;
