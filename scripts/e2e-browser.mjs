// The editor in Chromium (Debian's /usr/bin/chromium, driven by playwright-core): sign in, open the
// on-demand offboarding template, open the DocSpace Admin node, read its resources and operations,
// check its icon loads, run the Preview step and read its output. Screenshots go to `artifacts`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { OWNER } from './n8n.mjs';

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const RESOURCES = ['Audit', 'Data Reassignment', 'Data Removal', 'Folder / File', 'Offboarding', 'Personal Folder', 'Room', 'User'];

export async function browserChecks({ url, check, artifacts, sandbox, workflowId }) {
	// n8n 1.x and 2.x share the selectors used here (checked on 1.123.81 and 2.41.1).
	if (!check(`Chromium is installed (${CHROMIUM})`, existsSync(CHROMIUM), 'apt-get install -y chromium')) return;
	// Without the background-networking switches Chromium keeps calling out of this closed network.
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
	});
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	const shot = (name) => page.screenshot({ path: join(artifacts, name) });
	const texts = (selector) => page.evaluate((s) => [...document.querySelectorAll(s)].filter((e) => e.offsetParent).map((e) => e.textContent.trim()), selector);
	try {
		await page.goto(`${url}/signin`);
		// n8n 2.x and late 1.x name the field emailOrLdapLoginId, older 1.x releases email.
		await page.locator('input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(OWNER.email);
		await page.fill('input[name="password"]', OWNER.password);
		await page.click('[data-test-id="form-submit-button"]');
		await page.waitForURL((u) => !u.pathname.includes('signin'), { timeout: 30_000 });
		check('editor: signed in', true);

		await page.goto(`${url}/workflow/${workflowId}`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		const preview = page.locator('[data-test-id="canvas-node"][data-node-name="Preview offboarding"]');
		const icon = await preview.locator('img').evaluate((img) => ({ src: img.src, width: img.naturalWidth }));
		check('editor: the template opens and the node icon loads', icon.width > 0 && icon.src.endsWith('/docspace.svg'), JSON.stringify(icon));
		await shot('1-template.png');

		await preview.dblclick();
		await page.waitForSelector('[data-test-id="ndv"] [data-test-id="parameter-input-resource"]', { timeout: 30_000 });
		await page.locator('[data-test-id="parameter-input-resource"]').click();
		await page.waitForTimeout(500);
		const resources = await texts('.el-select-dropdown__item, [role="option"]');
		check('editor: the node lists every resource', RESOURCES.every((r) => resources.includes(r)), resources.join(', '));
		await shot('2-resources.png');
		await page.keyboard.press('Escape');
		await page.locator('[data-test-id="parameter-input-operation"]').click();
		await page.waitForTimeout(500);
		const operations = await texts('.el-select-dropdown__item, [role="option"]');
		check('editor: Offboarding lists Preview and Run', ['Preview', 'Run'].every((o) => operations.some((shown) => shown.startsWith(o))), operations.join(', '));
		await page.keyboard.press('Escape');

		await page.locator('[data-test-id="node-execute-button"]').click();
		const output = page.locator('[data-test-id="output-panel"]');
		await output.getByText('canRun').first().waitFor({ timeout: 60_000 });
		const shown = await output.innerText();
		check('editor: Execute step shows the Preview plan', /canRun/.test(shown) && /Project Phoenix|Sales Deals/.test(shown), /canRun/.test(shown) ? '' : shown.slice(0, 300));
		check('editor: the Preview step wrote nothing', sandbox.writes().length === 0, sandbox.writes().map((r) => r.path).join(', '));
		await shot('3-preview-output.png');
	} catch (error) {
		await shot('failure.png').catch(() => undefined);
		check('editor checks ran', false, String(error.message ?? error).slice(0, 600));
	} finally {
		await browser.close();
	}
}
