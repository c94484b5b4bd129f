// Build step after `tsc`: replaces the per-module JavaScript in dist/ with one bundled file per
// entry n8n loads (every node and credential listed in package.json "n8n"), at the same path.
// n8n requires each of those files when it starts; one file instead of ~90 modules cuts that
// from ~65 ms to a few ms (see README "Performance"). n8n-workflow (the host's copy) and Node's
// built-ins stay external; the package has no runtime dependencies to inline.
//
// Each bundle is self-contained, so module state is not shared between the entries. The
// module-level state there is: transport/writeLimiter.ts, keyed by execution and used by the
// DocSpace Admin node's executions only, and the trigger's memory of deliveries it accepted
// (DocSpaceAdminTrigger/deliveries.ts), keyed by workflow, node and webhook registration.
// Errors cross entries by duck typing (SignInError's `signInFailed`), never by `instanceof`.
// nodes/shared/ (what the nodes and the credentials have in common) is inlined into every bundle
// that imports it, so it keeps no state.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const entries = [...manifest.n8n.credentials, ...manifest.n8n.nodes];

/**
 * Every module of the source imports n8n-workflow, and esbuild keeps one `require("n8n-workflow")`
 * per module. When the host has loaded n8n-workflow first (n8n has), Node resolves each of these
 * again, ~0.4 ms apiece: ~18 ms for the main node. So the host module is required once, at the top,
 * and each module's binding points at it (bindings stay live: code reads `import_….Name` at use).
 * Routing the imports through a shared bundled module instead costs more: esbuild copies every
 * export of n8n-workflow into it (`__reExport`/`__toESM`).
 */
const HOST = 'n8n-workflow';
const HOST_REQUIRE = /^(var|const|let) (\w+) = require\("n8n-workflow"\);$/gm;
function requireHostOnce(code) {
	const replaced = code.replace(HOST_REQUIRE, '$1 $2 = __host_n8n_workflow;');
	if (/require\(["']n8n-workflow["']\)/.test(replaced))
		throw new Error('bundle: an n8n-workflow require was not rewritten');
	if (replaced === code) return code;
	const strict = '"use strict";\n';
	const head = replaced.startsWith(strict) ? strict : '';
	return `${head}var __host_n8n_workflow = require("${HOST}");\n${replaced.slice(head.length)}`;
}

const sourceOf = (distFile) => join(root, distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

for (const entry of entries) {
	const result = await build({
		entryPoints: [sourceOf(entry)],
		outfile: join(root, entry),
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: [HOST],
		write: false,
		// Readable output: the package is reviewed as published.
		minify: false,
		keepNames: false,
		legalComments: 'none',
		sourcemap: false,
		logLevel: 'warning',
	});
	for (const file of result.outputFiles) {
		mkdirSync(dirname(file.path), { recursive: true });
		writeFileSync(file.path, requireHostOnce(file.text));
	}
}

// Everything tsc emitted besides the bundles and the assets n8n reads beside them (codex
// .node.json, icons, output schemas) is no longer needed.
const keep = new Set(entries.map((e) => join(root, e)));
const removable = (file) => /\.(js|js\.map|d\.ts|d\.ts\.map)$/.test(file) && !keep.has(file);
function prune(dir) {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			prune(path);
			if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
		} else if (removable(path) || relative(dist, path) === 'package.json') {
			rmSync(path);
		}
	}
}
prune(dist);
