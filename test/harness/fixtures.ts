import { PORTAL } from './portal';

export const OWNER_ID = '66faa6e4-f133-11ea-b126-00ffeec8b4ef';
export const JANE_ID = '3f2b8c1e-5d6a-4e2f-9b7c-1a2b3c4d5e6f';
export const BOB_ID = '8a1d4f7e-2c3b-4a5d-8e9f-0b1c2d3e4f5a';

/** An EmployeeFullDto as the server writes it (camelCase, nulls omitted, string dates). */
export function employee(overrides: Record<string, unknown> = {}) {
	return {
		firstName: 'Jane',
		lastName: 'Doe',
		userName: 'jane.doe',
		email: 'jane.doe@corp.example',
		status: 1,
		activationStatus: 1,
		department: '',
		isAdmin: false,
		isRoomAdmin: false,
		isLDAP: false,
		isOwner: false,
		isVisitor: false,
		isCollaborator: true,
		mobilePhoneActivationStatus: 0,
		isSSO: false,
		registrationDate: '2026-03-02T09:15:27.0000000Z',
		hasPersonalFolder: true,
		id: JANE_ID,
		displayName: 'Jane Doe',
		avatar: `${PORTAL}/static/images/default_user_photo_size_200-200.png?hash=90210`,
		profileUrl: `${PORTAL}/accounts/view/jane.doe`,
		hasAvatar: false,
		isAnonim: false,
		...overrides,
	};
}

/** The n-th of many generated users, for paging tests. */
export function numberedEmployee(n: number) {
	const hex = n.toString(16).padStart(12, '0');
	return employee({
		id: `00000000-0000-4000-8000-${hex}`,
		firstName: 'User',
		lastName: String(n),
		displayName: `User ${n}`,
		userName: `user${n}`,
		email: `user${n}@corp.example`,
		profileUrl: `${PORTAL}/accounts/view/user${n}`,
	});
}
