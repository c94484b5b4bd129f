const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTRY_ID = /^[1-9][0-9]{0,17}$/;
const EMAIL = /^[^\s@/\\]+@[^\s@/\\]+\.[^\s@/\\]+$/;

export type IdKind = 'user' | 'group' | 'subject' | 'file' | 'folder' | 'room';

const EXPECTED: Record<IdKind, string> = {
	user: 'a user ID (GUID, e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f)',
	group: 'a group ID (GUID, e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f)',
	subject: 'a user or group ID (GUID, e.g. 3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f)',
	file: 'a file ID (a positive whole number, e.g. 1201)',
	folder: 'a folder ID (a positive whole number, e.g. 1201)',
	room: 'a room ID (a positive whole number, e.g. 1170)',
};

/** Why `value` is not a valid id of this kind, or undefined when it is. */
export function idProblem(kind: IdKind, value: unknown): string | undefined {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string' || text.trim() === '') {
		return `Expected ${EXPECTED[kind]}, got ${describe(value)}`;
	}
	const pattern = kind === 'user' || kind === 'group' || kind === 'subject' ? GUID : ENTRY_ID;
	if (!pattern.test(text.trim())) {
		return `Expected ${EXPECTED[kind]}, got "${truncate(text)}"`;
	}
	return undefined;
}

export function emailProblem(value: unknown): string | undefined {
	if (typeof value !== 'string' || !EMAIL.test(value.trim()) || value.length > 254) {
		return `Expected an email address (e.g. jane.doe@example.com), got ${describe(value)}`;
	}
	return undefined;
}

export function describe(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'an empty value';
	if (typeof value === 'string') return `"${truncate(value)}"`;
	if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
	return `"${truncate(String(value))}"`;
}

function truncate(text: string): string {
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
