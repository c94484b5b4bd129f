import { EMPLOYEE_STATUS } from '../../nodes/DocSpaceAdmin/api/codes';
import { emptyArchive } from '../../nodes/DocSpaceAdmin/helpers/offboarding/archive';
import { STEPS } from '../../nodes/DocSpaceAdmin/helpers/offboarding/steps';
import type {
	OffboardingSettings,
	OffboardingState,
} from '../../nodes/DocSpaceAdmin/helpers/offboarding/types';

// What the tests of the offboarding steps share (test/steps/): each step plans from plain values, no
// node, no request.

export const jane = { id: 'jane', displayName: 'Jane Doe', status: EMPLOYEE_STATUS.ACTIVE };
export const bob = {
	id: 'bob',
	displayName: 'Bob Brown',
	status: EMPLOYEE_STATUS.ACTIVE,
	isRoomAdmin: true,
};
export const admin = {
	id: 'admin',
	displayName: 'Alex Admin',
	status: EMPLOYEE_STATUS.ACTIVE,
	isAdmin: true,
};
export const SETTINGS: OffboardingSettings = {
	archiveInto: 'newRoom',
	archiveTheRoom: false,
	leaveGroups: true,
	leaveRooms: true,
	removeFormFillers: false,
	revokeKeysAndApps: true,
	finalStep: 'keep',
};
/** Jane leaves for Bob, planned by Alex, an admin; no workspace folder chosen. */
export const state = (overrides: Partial<OffboardingState> = {}): OffboardingState => ({
	user: jane,
	recipient: bob,
	self: admin,
	successor: bob,
	settings: SETTINGS,
	access: { groups: [], managed: [], rooms: [], keptRooms: [], keys: [], clients: [] },
	archive: { ...emptyArchive(), skipped: 'No workspace folder chosen' },
	...overrides,
});
/** The step module of this name, from the one list. */
export const step = (name: string) => STEPS.find((s) => s.name === name)!;
