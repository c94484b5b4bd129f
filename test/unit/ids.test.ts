import { emailProblem, idProblem } from '../../nodes/DocSpaceAdmin/helpers/ids';

describe('id validation (before an id enters a URL path)', () => {
	it.each([
		['user', '3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f'],
		['group', ' 3F2B8C1E-5D6A-4E2F-9B7C-1A2B3C4D5E6F '],
		['folder', '1201'],
		['room', 1170],
		['file', '9007199254740993'],
	] as const)('accepts a %s id %j', (kind, value) => {
		expect(idProblem(kind, value)).toBeUndefined();
	});

	it.each([
		['user', '../people/@self', /got "\.\.\/people\/@self"/],
		['user', '3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f/../x', /Expected a user ID/],
		['user', '3f2b8c1e%2F5d6a', /Expected a user ID/],
		['user', '', /got an empty value/],
		['user', { id: 'x' }, /got an object/],
		['user', ['a'], /got a list/],
		['folder', '12.5', /positive whole number/],
		['folder', '-3', /positive whole number/],
		['folder', '0', /positive whole number/],
		['room', '1e3', /positive whole number/],
		['file', 'x'.repeat(5000), /\.\.\."$/],
	] as const)('rejects a %s id %j', (kind, value, problem) => {
		expect(idProblem(kind, value)).toMatch(problem);
	});

	it('checks emails', () => {
		expect(emailProblem('jane.doe@corp.example')).toBeUndefined();
		expect(emailProblem('jane.doe@corp')).toMatch(/Expected an email address/);
		expect(emailProblem('a/b@corp.example')).toMatch(/Expected an email address/);
	});
});
