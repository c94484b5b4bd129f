import { employee, JANE_ID } from '../harness/fixtures';
import { portalCredentials as credentials, workflow } from '../harness/operations';
import { envelope, portal, PORTAL } from '../harness/portal';
import { runWorkflow } from '../harness/runWorkflow';

describe('Credential: normalised portal URL', () => {
	it('sends requests to the origin only, whatever path the user pasted', async () => {
		const api = portal().get(`/api/2.0/people/${JANE_ID}`).reply(200, envelope(employee()));
		const creds = credentials();
		creds.docSpaceApi.baseUrl = `${PORTAL}/rooms/shared/filter?folder=1//`;
		const wf = workflow('user-get');
		wf.pinData = { Start: [{ json: { id: JANE_ID } }] };
		wf.nodes = wf.nodes.filter((n) => n.name !== 'Get User by Email');
		wf.connections = { Start: { main: [[{ node: 'Get User by ID', type: 'main', index: 0 }]] } };

		const { output, errors } = await runWorkflow(wf, creds);

		expect(errors).toEqual({});
		expect(output['Get User by ID'][0].json.id).toBe(JANE_ID);
		expect(api.isDone()).toBe(true);
	});
});
