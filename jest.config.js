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
	testTimeout: 30000,
	// Each test file loads n8n-core afresh and the heap grows file by file; a worker that
	// ends a file above this is replaced, so the order of files cannot exhaust memory.
	workerIdleMemoryLimit: '512MB',
};
