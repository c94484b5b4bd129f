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
	// Every test file loads its own nock, which wraps Node's http again; unwrap this one so that
	// later files do not send each request through one interceptor per earlier file.
	nock.restore();
});
