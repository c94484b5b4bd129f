import { operations } from '../../harness/operations';
import { API_KEYS, useSandbox } from '../../harness/sandbox';

const current = useSandbox();

const { paired: run } = operations(current);

describe('User → Send Deletion Instructions', () => {
	it('sends deletion instructions to the credential’s own user only', async () => {
		const { json } = await run(
			{ resource: 'user', operation: 'sendDeletionInstructions' },
			[{}],
			API_KEYS.user,
		);
		expect(json[0]).toEqual({
			sent: true,
			message:
				'Instructions to disable your profile has been sent to jane.doe@corp.example email address',
		});
		const owner = await run({ resource: 'user', operation: 'sendDeletionInstructions' });
		expect(owner.json[0].error).toBe('Could not send the deletion instructions: access denied');
	});
});
