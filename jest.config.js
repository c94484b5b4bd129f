/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	// n8n-core keeps module-level state between files; jest's global cleanup only warns about it.
	testEnvironmentOptions: { globalsCleanup: 'off' },
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/harness/setup.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	// n8n's Wait node imports sanitize-html for its forms, whose parser ships as ES modules only: Node 24
	// (which n8n runs on) require()s them, jest on Node 20 cannot. The approval forms the templates show
	// are rendered with a stricter stand-in that escapes every tag.
	moduleNameMapper: { '^sanitize-html$': '<rootDir>/test/harness/noSanitizeHtml.ts' },
	testTimeout: 30000,
	// Each test file loads n8n-core afresh and the heap grows file by file; a worker that
	// ends a file above this is replaced, so the order of files cannot exhaust memory.
	workerIdleMemoryLimit: '512MB',
};
