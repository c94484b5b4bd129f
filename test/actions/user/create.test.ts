import { operations } from '../../harness/operations';
import { useSandbox } from '../../harness/sandbox';

const current = useSandbox();

const { paired: run } = operations(current);

describe('User → Create', () => {
	it('creates a user of the chosen type', async () => {
		const params = {
			resource: 'user',
			operation: 'create',
			firstName: 'Nina',
			lastName: 'New',
			email: 'nina.new@corp.example',
			type: 'RoomAdmin',
		};
		const { json } = await run(params);
		expect(json[0]).toMatchObject({
			displayName: 'Nina New',
			type: 'roomAdmin',
			status: 'active',
			activationStatus: 'pending',
		});
		const again = await run(params);
		expect(again.json[0].error).toBe(
			'Could not create the user: User with this email is already registered',
		);
	});
});
