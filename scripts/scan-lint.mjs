// The verification scanner's lint stage (@n8n/scan-community-package), run offline:
// once on the source it would fetch from the repository, once on the packed tarball.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'docspace-scan-'));
let failed = false;

function report(label, result) {
	console.log(`scanner lint (${label}): ${result.passed ? 'passed' : result.message}`);
	if (!result.passed) {
		failed = true;
		if (result.details) console.log(result.details);
	}
}

try {
	if (!existsSync(join(root, 'dist')))
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

	report(
		'source',
		await analyzePackage(root, ['package.json', '{nodes,credentials}/**/*.{js,ts,json}']),
	);

	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	)[0];
	const extracted = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work]);
	report('tarball', await analyzePackage(extracted, ['**/*.js', 'package.json']));

	const unexpected = packed.files
		.map((f) => f.path)
		.filter(
			(p) =>
				!p.startsWith('dist/') && !/^(package\.json|README\.md|LICENSE\.md|CHANGELOG\.md)$/.test(p),
		);
	const leaked = packed.files
		.map((f) => f.path)
		.filter((p) => /(^|\/)(test|sandbox|bench|scripts)\//.test(p));
	const manifest = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8'));
	const runtimeDeps = Object.keys(manifest.dependencies ?? {});
	console.log(
		`tarball: ${packed.files.length} files, ${(packed.size / 1024).toFixed(1)} kB packed, ${runtimeDeps.length} runtime dependencies`,
	);
	if (unexpected.length || leaked.length || runtimeDeps.length) {
		failed = true;
		console.log(
			'tarball must hold only dist/ and package metadata, with no runtime dependencies:',
			{
				unexpected,
				leaked,
				runtimeDeps,
			},
		);
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
