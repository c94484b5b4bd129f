// Fills package.json's `repository`, `homepage` and `bugs` from the GitHub repository the workflow runs
// in (GITHUB_SERVER_URL / GITHUB_REPOSITORY), so the published package names the repository its npm
// provenance attests — what n8n's verification compares. Run by .github/workflows/publish.yml before
// `npm run release`; the committed package.json carries no invented address.
// Locally: `GITHUB_REPOSITORY=owner/name node scripts/package-metadata.mjs --dry-run` prints the result.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const file = join(root, 'package.json');
const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
const repository = process.env.GITHUB_REPOSITORY;
if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
	console.error('GITHUB_REPOSITORY (owner/name) is not set: run this in GitHub Actions or set it.');
	process.exit(1);
}
const url = `${server}/${repository}`;
const manifest = JSON.parse(readFileSync(file, 'utf8'));
manifest.repository = { type: 'git', url: `git+${url}.git` };
manifest.homepage = `${url}#readme`;
manifest.bugs = { url: `${url}/issues` };
const text = `${JSON.stringify(manifest, null, 2)}\n`;
if (process.argv.includes('--dry-run')) console.log(text);
else writeFileSync(file, text);
console.log(`package.json: repository, homepage and bugs → ${url}`);
