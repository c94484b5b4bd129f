import { searchUsers } from '../../nodes/DocSpaceAdmin/methods/listSearch';
import { loadOptionsContext } from '../harness/context';
import { employee, numberedEmployee } from '../harness/fixtures';
import { apiKeyCredentials, envelope, portal } from '../harness/portal';

describe('searchUsers (resource locator list)', () => {
	it('searches on the server and hands out a token for the next page', async () => {
		portal()
			.get('/api/2.0/people/filter')
			.query({ count: 50, startIndex: 0, sortBy: 'displayname', filterValue: 'user' })
			.reply(
				200,
				envelope(
					Array.from({ length: 50 }, (_, i) => numberedEmployee(i + 1)),
					{ total: 60 },
				),
			)
			.get('/api/2.0/people/filter')
			.query({ count: 50, startIndex: 50, sortBy: 'displayname', filterValue: 'user' })
			.reply(
				200,
				envelope(
					Array.from({ length: 10 }, (_, i) => numberedEmployee(i + 51)),
					{ total: 60 },
				),
			);
		const ctx = loadOptionsContext(structuredClone(apiKeyCredentials));

		const first = await searchUsers.call(ctx, ' user ');
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({
			name: 'User 1 (user1@corp.example)',
			value: '00000000-0000-4000-8000-000000000001',
			url: 'https://portal.example.com/accounts/view/user1',
		});
		expect(first.paginationToken).toBe('50');

		const second = await searchUsers.call(ctx, 'user', first.paginationToken);
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
	});

	it('lists everyone when nothing is typed', async () => {
		portal()
			.get('/api/2.0/people/filter')
			.query({ count: 50, startIndex: 0, sortBy: 'displayname' })
			.reply(200, envelope([employee()], { total: 1 }));
		const result = await searchUsers.call(loadOptionsContext(structuredClone(apiKeyCredentials)));
		expect(result.results.map((r) => r.name)).toEqual(['Jane Doe (jane.doe@corp.example)']);
	});
});

describe('user lists that fit the operation (against the sandbox)', () => {
	it('offers disabled users for Delete/Reassign-from and active admins for Reassign-to', async () => {
		const { testSandbox, sandboxCredentials, recordSandboxRequests } = await import(
			'../harness/sandbox'
		);
		const { searchAdmins, searchDisabledUsers } = await import(
			'../../nodes/DocSpaceAdmin/methods/listSearch'
		);
		const sandbox = await testSandbox();
		try {
			const ctx = loadOptionsContext(sandboxCredentials(sandbox) as never);
			const disabled = await searchDisabledUsers.call(ctx);
			expect(disabled.results.map((r) => r.name)).toEqual([
				'Greg Former (greg.former@corp.example)',
				'Paula Gone (paula.gone@corp.example)',
				'Victor Stale (victor.stale@corp.example)',
			]);
			const admins = await searchAdmins.call(ctx);
			expect(admins.results.map((r) => r.name.split(' (')[0])).toEqual([
				'Alex Admin',
				'Bob Brown',
				'Dana Scully',
				'Hannah Hughes',
				'Rita Rooms',
				'Sam Okafor',
			]);
			recordSandboxRequests(sandbox);
		} finally {
			await sandbox.stop();
		}
	});
});
