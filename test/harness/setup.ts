import nock from 'nock';

import { takeContractProblems } from './contract';

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

afterEach(() => {
	// Every request a test sent must be one the official DocSpace API defines.
	const problems = takeContractProblems();
	nock.cleanAll();
	expect(problems).toEqual([]);
});

afterAll(() => {
	nock.enableNetConnect();
});
