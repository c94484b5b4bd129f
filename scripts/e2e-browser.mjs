// The editor in Chromium (Debian's /usr/bin/chromium, driven by playwright-core): sign in, open the
// on-demand offboarding template, open the DocSpace Admin node, read its resources and operations,
// check its icon loads, run the Preview step and read its output. Screenshots go to `artifacts`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { OWNER } from './n8n.mjs';

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const RESOURCES = [
	'Audit',
	'Data Reassignment',
	'Data Removal',
	'Folder / File',
	'Offboarding',
	'Personal Folder',
	'Room',
	'User',
];

/** Debian's Chromium, headless. */
export function launchBrowser() {
	// Without the background-networking switches Chromium keeps calling out of this closed network.
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic',
		],
	});
}

export async function browserChecks({
	url,
	check,
	artifacts,
	sandbox,
	workflowId,
	bulkWorkflowId,
	approver,
}) {
	// n8n 1.x and 2.x share the selectors used here (checked on 1.123.81 and 2.41.1).
	if (
		!check(
			`Chromium is installed (${CHROMIUM})`,
			existsSync(CHROMIUM),
			'apt-get install -y chromium',
		)
	)
		return;
	const browser = await launchBrowser();
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	const shot = (name) => page.screenshot({ path: join(artifacts, name) });
	const texts = (selector) =>
		page.evaluate(
			(s) =>
				[...document.querySelectorAll(s)]
					.filter((e) => e.offsetParent)
					.map((e) => e.textContent.trim()),
			selector,
		);
	try {
		await page.goto(`${url}/signin`);
		// n8n 2.x and late 1.x name the field emailOrLdapLoginId, older 1.x releases email.
		await page
			.locator('input[name="emailOrLdapLoginId"], input[name="email"]')
			.first()
			.fill(OWNER.email);
		await page.fill('input[name="password"]', OWNER.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: 30_000 });
		check('editor: signed in', true);

		await page.goto(`${url}/workflow/${workflowId}`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		const preview = page.locator(
			'[data-test-id="canvas-node"][data-node-name="Preview offboarding"]',
		);
		const icon = await preview
			.locator('img')
			.evaluate((img) => ({ src: img.src, width: img.naturalWidth }));
		check(
			'editor: the template opens and the node icon loads',
			icon.width > 0 && icon.src.endsWith('/docspace.svg'),
			JSON.stringify(icon),
		);
		await shot('1-template.png');

		await preview.dblclick();
		await page.waitForSelector('[data-test-id="ndv"] [data-test-id="parameter-input-resource"]', {
			timeout: 30_000,
		});
		await page.locator('[data-test-id="parameter-input-resource"]').click();
		await page.waitForTimeout(500);
		const resources = await texts('.el-select-dropdown__item, [role="option"]');
		check(
			'editor: the node lists every resource',
			RESOURCES.every((r) => resources.includes(r)),
			resources.join(', '),
		);
		await shot('2-resources.png');
		await page.keyboard.press('Escape');
		await page.locator('[data-test-id="parameter-input-operation"]').click();
		await page.waitForTimeout(500);
		const operations = await texts('.el-select-dropdown__item, [role="option"]');
		check(
			'editor: Offboarding lists Preview and Run',
			['Preview', 'Run'].every((o) => operations.some((shown) => shown.startsWith(o))),
			operations.join(', '),
		);
		await page.keyboard.press('Escape');

		await page.locator('[data-test-id="node-execute-button"]').click();
		const output = page.locator('[data-test-id="output-panel"]');
		await output.getByText('canRun').first().waitFor({ timeout: 60_000 });
		const shown = await output.innerText();
		check(
			'editor: Execute step shows the Preview plan',
			/canRun/.test(shown) && /Project Phoenix|Sales Deals/.test(shown),
			/canRun/.test(shown) ? '' : shown.slice(0, 300),
		);
		check(
			'editor: the Preview step wrote nothing',
			sandbox.writes().length === 0,
			sandbox
				.writes()
				.map((r) => r.path)
				.join(', '),
		);
		await shot('3-preview-output.png');

		if (bulkWorkflowId) {
			// The bulk template as it opens: n8n fits the whole canvas in the window.
			await page.goto(`${url}/workflow/${bulkWorkflowId}`);
			await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
			await page.waitForTimeout(1_000);
			const box = await page
				.locator('[data-test-id="canvas-node"][data-node-name="Run every leaver"]')
				.boundingBox();
			// About 45 px is where a node's icon and name stop being legible.
			check(
				'editor: the bulk template opens at a zoom where its nodes are legible',
				Boolean(box) && box.width >= 45,
				`node width ${Math.round(box?.width ?? 0)} px`,
			);
			await shot('7-bulk-template.png');
		}

		if (approver) {
			// The approver's side in a real browser: the run started from the editor mails the plan,
			// and the mail's button opens n8n's page with the plan and the decision form.
			const mailsBefore = sandbox.inbox.to(approver).length;
			await page.goto(`${url}/workflow/${workflowId}`);
			await page.locator('[data-test-id="execute-workflow-button"]').first().click();
			const deadline = Date.now() + 60_000;
			while (sandbox.inbox.to(approver).length === mailsBefore && Date.now() < deadline)
				await page.waitForTimeout(500);
			const link = sandbox.inbox.to(approver)[mailsBefore]?.links[0];
			let shown = '';
			if (link) {
				// The mail leaves before n8n has saved the execution as waiting; until then n8n 1.x answers
				// the link with an error page, so the approver's reload is what a person would do.
				for (let tries = 0; tries < 15; tries++) {
					await page.goto(link);
					const form = page.getByText('Decision').first();
					if (
						await form.waitFor({ timeout: 2_000 }).then(
							() => true,
							() => false,
						)
					)
						break;
				}
				await page.getByText('Decision').first().waitFor({ timeout: 5_000 });
				await page.waitForTimeout(1_000);
				await shot('8-approval-form.png');
				shown = await page.innerText('body');
			}
			check(
				'editor: the approval mail’s button opens n8n’s page with the plan and the decision form, and decides nothing',
				/leaves\./.test(shown) && /Decision/.test(shown) && sandbox.writes().length === 0,
				link
					? `${sandbox.writes().length} writes; ${shown.slice(0, 200)}`
					: 'no approval mail arrived',
			);
		}
	} catch (error) {
		await shot('failure.png').catch(() => undefined);
		check('editor checks ran', false, String(error.message ?? error).slice(0, 600));
	}
	try {
		await oauthChecks({ page, url, check, artifacts, sandbox });
	} catch (error) {
		await page.screenshot({ path: join(artifacts, 'oauth-failure.png') }).catch(() => undefined);
		check('editor: OAuth2 checks ran', false, String(error.message ?? error).slice(0, 600));
	} finally {
		await browser.close();
	}
}

/**
 * The DocSpace OAuth2 credential as a user sets it up: create it in the editor, fill in the portal and
 * the sandbox's OAuth app, "Connect my account" (a popup to the sandbox's /oauth2/authorize, which
 * approves and sends it back to n8n's /rest/oauth2-credential/callback), see it connected.
 */
async function oauthChecks({ page, url, check, artifacts, sandbox }) {
	const app = sandbox.state.clients.find((c) => c.name === 'n8n DocSpace Admin');
	// n8n's callback is {instance base URL}/rest/oauth2-credential/callback; register this run's port.
	app.redirectUris.push(`${url}/rest/oauth2-credential/callback`);
	const tokensBefore = sandbox.oauth.tokenRequests.length;

	await page.goto(`${url}/home/credentials/create`);
	const typeSelect = page.locator('[data-test-id="new-credential-type-select"] input');
	await typeSelect.waitFor({ timeout: 30_000 });
	await typeSelect.fill('DocSpace OAuth2');
	await page
		.locator('[data-test-id="new-credential-type-select-option"]')
		.filter({ hasText: 'DocSpace OAuth2 API' })
		.first()
		.click();
	await page.locator('[data-test-id="new-credential-type-button"]').click();
	const field = (name) => page.locator(`[data-test-id="parameter-input-${name}"] input`).first();
	await field('baseUrl').waitFor({ timeout: 30_000 });
	await field('baseUrl').fill(sandbox.origin);
	await field('clientId').fill(app.clientId);
	await field('clientSecret').fill(app.clientSecret);
	await page.waitForTimeout(500);
	await page.screenshot({ path: join(artifacts, '4-oauth-credential.png') });

	// n8n 1.x: a "Connect my account" button; 2.x: the "Connect" button of the not-connected banner.
	const connect = page
		.locator(
			'[data-test-id="oauth-connect-button"], [data-test-id="oauth-not-connected-banner"] button',
		)
		.first();
	const [popup] = await Promise.all([
		page.waitForEvent('popup', { timeout: 30_000 }),
		connect.click(),
	]);
	await popup.waitForEvent('close', { timeout: 30_000 }).catch(() => undefined);
	const banner = page.locator('[data-test-id="oauth-connect-success-banner"]');
	await banner.waitFor({ timeout: 30_000 });
	const bannerText = (await banner.innerText()).split('\n')[0].trim();
	check(
		'editor: the DocSpace OAuth2 credential connects with "Connect my account"',
		/connected/i.test(bannerText),
		bannerText,
	);
	const exchanged = sandbox.oauth.tokenRequests.slice(tokensBefore);
	check(
		"OAuth2: n8n exchanged the code (PKCE, client secret) at the sandbox's /oauth2/token",
		exchanged.some((r) => r.grantType === 'authorization_code' && r.status === 200),
		JSON.stringify(exchanged),
	);
	await page.screenshot({ path: join(artifacts, '5-oauth-connected.png') });

	// Run a node with it: a workflow (made through n8n's REST API as the editor does) whose DocSpace Admin
	// node uses Authentication "OAuth2" and this credential, executed from the editor.
	const created = await page.evaluate(
		async ({ user }) => {
			const headers = {
				'Content-Type': 'application/json',
				'browser-id': localStorage.getItem('n8n-browserId') ?? '',
			};
			const list = await (await fetch('/rest/credentials', { headers })).json();
			const credential = list.data.find((c) => c.type === 'docSpaceOAuth2Api');
			const nodes = [
				{
					parameters: {},
					id: 'b0000000-0000-4000-8000-000000000001',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
				},
				{
					parameters: {
						authentication: 'oAuth2',
						resource: 'user',
						operation: 'get',
						user: { __rl: true, mode: 'id', value: user },
						output: 'raw',
					},
					id: 'b0000000-0000-4000-8000-000000000002',
					name: 'Get user with OAuth2',
					type: 'n8n-nodes-docspace-admin.docSpaceAdmin',
					typeVersion: 1,
					position: [240, 0],
					credentials: { docSpaceOAuth2Api: { id: credential.id, name: credential.name } },
				},
			];
			const body = {
				name: 'DocSpace OAuth2 check',
				nodes,
				connections: {
					Start: { main: [[{ node: 'Get user with OAuth2', type: 'main', index: 0 }]] },
				},
				settings: { executionOrder: 'v1' },
				active: false,
			};
			const answer = await fetch('/rest/workflows', {
				method: 'POST',
				headers,
				body: JSON.stringify(body),
			});
			return { status: answer.status, id: (await answer.json())?.data?.id };
		},
		{ user: sandbox.state.ids.jane },
	);
	if (
		!check(
			'OAuth2: a workflow using the credential was created',
			Boolean(created.id),
			JSON.stringify(created),
		)
	)
		return;
	const logBefore = sandbox.log.length;
	await page.goto(`${url}/workflow/${created.id}`);
	const node = page.locator('[data-test-id="canvas-node"][data-node-name="Get user with OAuth2"]');
	await node.waitFor({ timeout: 60_000 });
	await node.dblclick();
	await page.locator('[data-test-id="node-execute-button"]').click();
	const output = page.locator('[data-test-id="output-panel"]');
	await output.getByText('Jane').first().waitFor({ timeout: 60_000 });
	const calls = sandbox.log.slice(logBefore);
	check(
		'editor: a DocSpace Admin node runs with the OAuth2 credential (Bearer access token, as the approving user)',
		calls.some(
			(r) =>
				r.status === 200 &&
				r.path === `/people/${sandbox.state.ids.jane}` &&
				r.userId === app.createdBy,
		),
		calls.map((r) => `${r.status} ${r.method} ${r.path}`).join(', '),
	);
	await page.screenshot({ path: join(artifacts, '6-oauth-node-output.png') });
}
