import { config } from '@n8n/node-cli/eslint';

// n8n's own community-node rules for everything that ships (nodes/, credentials/,
// package.json). Code that is never published — tests, the sandbox, benchmarks and
// scripts — runs on plain Node and may use its built-ins.
export default [
	...config,
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
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
