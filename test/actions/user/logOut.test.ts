import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

const { paired: run } = operations(current);

describe('User → Log Out All Sessions', () => {
	it('logs a user out everywhere', async () => {
		const { json } = await run({
			resource: 'user',
			operation: 'logOut',
			user: { __rl: true, mode: 'email', value: 'jane.doe@corp.example' },
		});
		expect(json[0]).toEqual({ loggedOut: true, id: IDS.jane });
		expect(sandbox.state.user(IDS.jane)!.sessions).toBe(0);
	});
});
