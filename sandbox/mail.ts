/**
 * A mail server on loopback with an inbox you can read: what the templates' approval e-mails
 * and reports go to while you try them with the sandbox. Not part of DocSpace.
 */
import type { AddressInfo } from 'net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Mail {
	id: number;
	from: string;
	to: string[];
	subject: string;
	text: string;
	html: string;
	date: string;
	/** The links of the message's HTML, in order (an approval mail's buttons). */
	links: string[];
}

const LINK = /<a\b[^>]*\bhref="([^"]+)"/gi;
const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	'#39': "'",
	'#x27': "'",
};
const decode = (html: string) =>
	html.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]);
/** The words of an HTML mail as it reads with its line breaks kept (n8n's mails use pre-line). */
const readable = (html: string) =>
	decode(
		html
			.replace(/<(style|head)[\s\S]*?<\/\1>/gi, '')
			.replace(/<br\s*\/?>/gi, '\n')
			.replace(/<[^>]+>/g, ''),
	)
		.split('\n')
		.map((line) => line.trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();

export class Inbox {
	readonly mails: Mail[] = [];
	host = '127.0.0.1';
	port = 0;
	private readonly server = new SMTPServer({
		// Loopback only, for trying things out: any login is accepted, nothing is relayed.
		authOptional: true,
		onAuth: (_auth, _session, done) => done(null, { user: 'sandbox' }),
		disabledCommands: ['STARTTLS'],
		banner: 'DocSpace sandbox inbox',
		logger: false,
		onData: (stream, _session, done) => {
			simpleParser(stream)
				.then((parsed) => {
					const html = typeof parsed.html === 'string' ? parsed.html : '';
					const to = [parsed.to].flat().flatMap((a) => a?.value ?? []);
					this.mails.push({
						id: this.mails.length + 1,
						from: parsed.from?.text ?? '',
						to: to.map((a) => a.address ?? ''),
						subject: parsed.subject ?? '',
						text: html ? readable(html) : (parsed.text ?? ''),
						html,
						date: (parsed.date ?? new Date()).toISOString(),
						links: [...html.matchAll(LINK)].map((m) => decode(m[1])),
					});
					done();
				})
				.catch((error: Error) => done(error));
		},
	});

	async start(port = 0, host = '127.0.0.1'): Promise<number> {
		await new Promise<void>((resolve, reject) => {
			this.server.server.once('error', reject);
			this.server.listen(port, host, () => resolve());
		});
		this.host = host;
		this.port = (this.server.server.address() as AddressInfo).port;
		return this.port;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** The mails sent to `address` (any case), oldest first. */
	to(address: string): Mail[] {
		const wanted = address.toLowerCase();
		return this.mails.filter((m) => m.to.some((a) => a.toLowerCase() === wanted));
	}
}
