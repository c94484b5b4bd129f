import { contractProblems } from '../harness/contract';
import { JANE_ID } from '../harness/fixtures';
import { PORTAL } from '../harness/portal';

const api = (path: string) => `${PORTAL}/api/2.0${path}`;

describe('contract check against the official DocSpace OpenAPI spec', () => {
	it.each([
		['GET', api(`/people/${JANE_ID}`), undefined],
		['GET', api('/people/email?email=jane.doe%40corp.example'), undefined],
		[
			'GET',
			api('/people/filter?employeeStatus=2&employeeType=User&count=100&startIndex=0'),
			undefined,
		],
		['PUT', api('/people/status/2'), { userIds: [JANE_ID], resendAll: false }],
		['PUT', api(`/people/${JANE_ID}`), { disable: true }],
		[
			'POST',
			api('/people/reassign/start'),
			{ fromUserId: JANE_ID, toUserId: JANE_ID, deleteProfile: false },
		],
		['GET', api(`/people/reassign/progress/${JANE_ID}`), undefined],
		['GET', api('/files/fileops?id=7c9a1f0e-1b2c-4d3e-9f4a-5b6c7d8e9f00'), undefined],
		[
			'GET',
			api('/files/fileops/checkdestfolder?destFolderId=12&folderIds=1&folderIds=2'),
			undefined,
		],
		['POST', api('/authentication'), { userName: 'a@b.c', password: 'x' }],
		['POST', api('/files/rooms'), { title: 'Forms', roomType: 1 }],
		['GET', api('/files/file/12'), undefined],
	])('accepts %s %s', (method, url, body) => {
		expect(contractProblems({ method, url, body })).toEqual([]);
	});

	it.each([
		// The published offboarding sample's route does not exist.
		['PUT', api(`/people/${JANE_ID}/status`), { disabled: true }, /no such route/],
		// The field is `disable`; the server would silently ignore `disabled`.
		['PUT', api(`/people/${JANE_ID}`), { disabled: true }, /must NOT have additional properties/],
		['GET', api('/people/filter?count=500'), undefined, /query parameter count: .*must be <= 100/],
		['GET', api('/people/filter?pageSize=5'), undefined, /"pageSize" is not in the spec/],
		['PUT', api('/people/status/2'), { userIds: 'not-a-list' }, /body: \/userIds must be array/],
		['PATCH', api('/people/filter'), undefined, /method not allowed/],
		[
			'POST',
			api('/people/delete/personal/start'),
			{ userId: JANE_ID },
			/sends a body, but the spec declares none/,
		],
		[
			'GET',
			api('/security/audit/events/filter?productType=1'),
			undefined,
			/"productType" is not in the spec/,
		],
	])('rejects %s %s', (method, url, body, problem) => {
		expect(contractProblems({ method, url, body }).join('\n')).toMatch(problem);
	});
});
