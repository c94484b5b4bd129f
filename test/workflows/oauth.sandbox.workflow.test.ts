/**
 * The node with Authentication "OAuth2": n8n-core's requestOAuth2 signs the requests with the token
 * n8n stored when the credential was connected, and refreshes it when DocSpace answers 401.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { searchUsers } from '../../nodes/DocSpaceAdmin/methods/listSearch';
import { loadOptionsContext } from '../harness/context';
import { connectedOAuthCredential } from '../harness/oauth';
import { useSandbox } from '../harness/sandbox';
import { jsonOf, runWorkflow, singleNodeWorkflow } from '../harness/runWorkflow';

const current = useSandbox();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

function oauthWorkflow() {
	const wf = singleNodeWorkflow({
		authentication: 'oAuth2',
		resource: 'user',
		operation: 'get',
		user: { __rl: true, mode: 'id', value: IDS.jane },
		output: 'raw',
	});
	wf.nodes[1].credentials = {
		docSpaceOAuth2Api: { id: 'docSpaceOAuth2Api', name: 'DocSpace OAuth2' },
	};
	return wf;
}

describe('OAuth2 credential (engine run, real HTTP)', () => {
	it('gets a user with the access token n8n stored after connecting', async () => {
		const credential = await connectedOAuthCredential(sandbox);
		const { output, errors } = await runWorkflow(oauthWorkflow(), {
			docSpaceOAuth2Api: credential,
		});

		expect(errors).toEqual({});
		expect(jsonOf(output['DocSpace Admin'])).toEqual([
			expect.objectContaining({ id: IDS.jane, displayName: 'Jane Doe' }),
		]);
		expect(sandbox.log.map((r) => `${r.status} ${r.method} ${r.path}`)).toEqual([
			`200 GET /people/${IDS.jane}`,
		]);
		expect(sandbox.log[0].userId).toBe(sandbox.state.ids.sam);
	});

	it('refreshes an expired access token on the 401 and stores the new one', async () => {
		const credential = await connectedOAuthCredential(sandbox);
		const expired = String(
			(credential.oauthTokenData as ICredentialDataDecryptedObject).access_token,
		);
		sandbox.oauth.expireAccessTokens();
		const store = { docSpaceOAuth2Api: credential };

		const { output, errors, credentials } = await runWorkflow(oauthWorkflow(), store);

		expect(errors).toEqual({});
		expect(jsonOf(output['DocSpace Admin'])).toEqual([expect.objectContaining({ id: IDS.jane })]);
		expect(sandbox.log.map((r) => `${r.status} ${r.method} ${r.path}`)).toEqual([
			`401 GET /people/${IDS.jane}`,
			`200 GET /people/${IDS.jane}`,
		]);
		expect(sandbox.oauth.tokenRequests.map((r) => `${r.grantType} ${r.status}`)).toEqual([
			'authorization_code 200',
			'refresh_token 200',
		]);
		const saved = (store.docSpaceOAuth2Api.oauthTokenData ?? {}) as ICredentialDataDecryptedObject;
		expect(credentials.savedTokenData).toHaveLength(1);
		expect(saved.access_token).not.toBe(expired);
		expect(sandbox.oauth.grant(String(saved.access_token))).toBeDefined();
	});

	it('names the missing scope’s failure without leaking the tokens or the client secret', async () => {
		const credential = await connectedOAuthCredential(sandbox);
		const wf = oauthWorkflow();
		wf.nodes[1].parameters = {
			authentication: 'oAuth2',
			resource: 'user',
			operation: 'disable',
			user: { __rl: true, mode: 'id', value: IDS.jane },
		} as never;
		// The app was connected with accounts:read only.
		const tokenData = credential.oauthTokenData as ICredentialDataDecryptedObject;
		const grant = sandbox.oauth.grant(String(tokenData.access_token))!;
		grant.scopes = ['accounts:read'];

		const { errors } = await runWorkflow(wf, { docSpaceOAuth2Api: credential });

		const text = JSON.stringify(errors);
		expect(errors['DocSpace Admin']).toBeDefined();
		expect(sandbox.log.at(-1)?.status).toBe(403);
		for (const secret of [tokenData.access_token, tokenData.refresh_token, credential.clientSecret])
			expect(text).not.toContain(String(secret).slice(0, 12));
	});

	it('searches users for the "From list" picker with the OAuth2 credential', async () => {
		const credential = await connectedOAuthCredential(sandbox);
		const ctx = loadOptionsContext(
			{ docSpaceOAuth2Api: credential },
			{
				parameters: { authentication: 'oAuth2', resource: 'user', operation: 'get' },
				credentials: { docSpaceOAuth2Api: { id: 'docSpaceOAuth2Api', name: 'DocSpace OAuth2' } },
			},
		);

		const result = await searchUsers.call(ctx, 'jane');

		expect(result.results.map((r) => r.value)).toContain(IDS.jane);
		expect(sandbox.log.every((r) => r.status === 200 && r.userId === sandbox.state.ids.sam)).toBe(
			true,
		);
	});
});
