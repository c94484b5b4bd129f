import { API_KEYS, PASSWORD } from './seed';
import { startSandbox } from './server';

/** `npm run sandbox [-- --port 8092]`: a local DocSpace stand-in for demos and manual tests. */
async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const flag = (name: string) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const port = Number(flag('port') ?? process.env.SANDBOX_PORT ?? 8092);
	const sandbox = await startSandbox({
		port,
		speed: {
			taskStepMs: Number(flag('step-ms') ?? 500),
			fileOpMs: Number(flag('fileop-ms') ?? 800),
		},
	});
	const people = sandbox.state.users
		.map(
			(u) =>
				`  ${u.type.padEnd(13)} ${u.status === 2 ? 'disabled' : u.status === 4 ? 'pending ' : 'active  '} ${`${u.firstName} ${u.lastName}`.padEnd(18)} ${u.email.padEnd(30)} ${u.id}`,
		)
		.join('\n');
	console.log(`DocSpace sandbox portal: ${sandbox.origin}
API key (owner, all permissions): ${API_KEYS.owner}
Password for every seeded person: ${PASSWORD}

Seeded people:
${people}

Try: curl -H "Authorization: Bearer ${API_KEYS.owner}" ${sandbox.origin}/api/2.0/people/@self
Controls (not DocSpace API): GET ${sandbox.origin}/__sandbox/log, GET ${sandbox.origin}/__sandbox/state, PUT ${sandbox.origin}/__sandbox/faults,
  GET ${sandbox.origin}/__sandbox/notify (messages the templates posted), POST ${sandbox.origin}/__sandbox/reset
Press Ctrl-C to stop.`);
	const stop = () => void sandbox.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
