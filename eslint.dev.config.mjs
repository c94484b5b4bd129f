import { config } from '@n8n/node-cli/eslint';

// Lint for the code that is never published — tests, the sandbox, benchmarks and scripts:
// n8n's community-node rules (the same `config` as eslint.config.mjs, which must stay n8n's
// default while `n8n.strict` is true), except the rules that keep a node runnable on n8n Cloud.
// This code runs on plain Node and may use its built-ins, timers and any dev dependency.
// `npm run lint` runs it on test/, sandbox/, bench/ and scripts/.
export default [
	...config,
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.build/**', 'artifacts/**'] },
	{
		files: ['test/**/*.ts', 'sandbox/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-http-request-with-manual-auth': 'off',
			'@n8n/community-nodes/missing-paired-item': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'@n8n/community-nodes/no-silent-error-swallowing': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
			'no-console': 'off',
		},
	},
];
