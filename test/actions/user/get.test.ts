import { employee, JANE_ID } from '../../harness/fixtures';
import { portalCredentials as credentials, workflow } from '../../harness/operations';
import { API_KEY, envelope, errorEnvelope, portal } from '../../harness/portal';
import { jsonOf, runWorkflow } from '../../harness/runWorkflow';

describe('User → Get (engine run)', () => {
	it('finds users by email and by ID, and reports a missing user as an error item', async () => {
		const jane = employee({ status: 2, terminated: '2026-03-05T17:40:02.0000000Z' });
		const api = portal()
			.matchHeader('authorization', `Bearer ${API_KEY}`)
			.get('/api/2.0/people/email')
			.query({ email: 'jane.doe@corp.example' })
			.reply(200, envelope(jane))
			.get('/api/2.0/people/email')
			.query({ email: 'nobody@corp.example' })
			.reply(
				404,
				errorEnvelope(404, 'The user could not be found', 'ASC.Common.Web.ItemNotFoundException'),
			)
			.get(`/api/2.0/people/${JANE_ID}`)
			.reply(200, envelope(jane));

		const { output, expected, errors } = await runWorkflow(workflow('user-get'), credentials());

		expect(errors).toEqual({});
		expect(jsonOf(output['Get User by Email'])).toEqual(jsonOf(expected['Get User by Email']));
		expect(output['Get User by Email'].map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
		// The error item has no id, so the next node reports a parameter problem for it, without a request.
		const byId = output['Get User by ID'];
		expect(byId[0].json).toMatchObject({ id: JANE_ID, status: 2, isCollaborator: true });
		expect(byId[1].json.error).toBe("Invalid value in the parameter 'User' [item 1]");
		expect(api.isDone()).toBe(true);
	});
});
