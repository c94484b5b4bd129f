import { PASSWORD } from '../../sandbox/seed';
import { API_KEYS, sandboxCredentials, useSandbox } from '../harness/sandbox';
import { leaks as leaksIn } from '../harness/leaks';
import { runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

/**
 * Runs the ways a credential can fail or be used and scans everything the runs
 * produced — output items, errors with their descriptions and causes, console
 * output — for the API key, the password and the session token.
 */
const current = useSandbox({ limits: { perMinute: 100_000 } });

it('no API key, password or session token appears in any output, error or log line', async () => {
	const sandbox = current();
	const captured: string[] = [];
	const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
		jest
			.spyOn(console, level)
			.mockImplementation((...args: unknown[]) => void captured.push(args.map(String).join(' '))),
	);
	const get = {
		resource: 'user',
		operation: 'get',
		user: { __rl: true, mode: 'id', value: sandbox.state.ids.jane },
	};
	const disableOwner = {
		resource: 'user',
		operation: 'disable',
		user: { __rl: true, mode: 'id', value: sandbox.state.ids.owner },
	};
	const password = {
		authType: 'password',
		email: 'alex.admin@corp.example',
		password: PASSWORD,
		sessionToken: '',
	};
	const runs: Array<[Record<string, unknown>, Record<string, unknown>]> = [
		[get, {}],
		[get, { apiKey: 'sk-wrong-key-0123456789abcdef' }],
		[disableOwner, {}],
		[get, { ...password, password: `${PASSWORD}-wrong` }],
		[get, password],
		[disableOwner, password],
		[get, { ...password, email: 'dana.scully@corp.example' }],
		[get, { baseUrl: 'portal-without-scheme.example' }],
		[get, { baseUrl: 'http://127.0.0.1:9' }],
	];
	const produced: string[] = [];
	try {
		for (const [parameters, overrides] of runs) {
			for (const continueOnFail of [true, false]) {
				const { output, errors, run } = await runWorkflow(
					singleNodeWorkflow(parameters, [{}], { continueOnFail }),
					sandboxCredentials(sandbox, overrides) as never,
				);
				produced.push(
					JSON.stringify(output),
					JSON.stringify(errors),
					JSON.stringify(run.data.resultData.error ?? null),
				);
				const error = run.data.resultData.error as
					| (Error & { cause?: unknown; description?: string })
					| undefined;
				if (error)
					produced.push(
						error.message,
						String(error.description),
						String(error.stack),
						JSON.stringify(error.cause ?? null),
					);
			}
		}
	} finally {
		spies.forEach((spy) => spy.mockRestore());
	}
	const tokens = [...sandbox.state.sessions.keys()];
	expect(tokens.length).toBeGreaterThan(0);
	const secrets = [API_KEYS.owner, 'sk-wrong-key-0123456789abcdef', PASSWORD, ...tokens];
	// Not only whole secrets: no 8-character fragment of one (test/harness/leaks.ts).
	const leaks = leaksIn([...produced, ...captured], secrets);
	console.log(
		`Secrets: ${runs.length * 2} runs, ${produced.length + captured.length} outputs and log lines scanned, ${leaks.length} leaks`,
	);
	expect(leaks).toEqual([]);
});
