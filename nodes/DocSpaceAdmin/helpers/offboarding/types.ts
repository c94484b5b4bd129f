import type { IDataObject } from 'n8n-workflow';

import type { EmployeeFull, EntryDto, TaskProgress } from '../../api/dto';
import type { ReassignmentNeed } from '../reassignment';
import type { OAuthClientDto } from '../../api/clients';
import type { GroupDto } from '../../api/groups';
import type { ApiKeyDto } from '../../api/keys';
import type { ArchivePlan } from './archive';

export type StepStatus = 'pending' | 'alreadyDone' | 'skipped';
/** Steps that change nobody's access: reading the audit, filing the report. */
export const BOOKKEEPING_STEPS: ReadonlySet<string> = new Set(['auditSummary', 'storeReport']);
/** What happens to the profile at the end; only these exact values start anything. */
export const FINAL_STEPS = ['keep', 'deleteProfile', 'removeData'] as const;
export type FinalStep = (typeof FINAL_STEPS)[number];

/** Where Run stores its report (Run only; Preview stores nothing). */
export interface ReportTarget {
	storeIn: 'nowhere' | 'archiveRoom' | 'folder';
	/** With `folder`: the folder or room, validated. */
	folderId?: string;
	/** With `folder` in a Run of many leavers: one report of the whole run goes there instead (see runReport). */
	withRun?: boolean;
}

export interface OffboardingSettings {
	workspaceFolderId?: string;
	archiveInto: 'newRoom' | 'existingRoom';
	archiveRoomTitle?: string;
	archiveRoomId?: string;
	readOnlyGroupId?: string;
	archiveTheRoom: boolean;
	leaveGroups: boolean;
	/** Who takes over the groups the leaver manages; the recipient when not given. */
	newGroupManagerId?: string;
	leaveRooms: boolean;
	removeFormFillers: boolean;
	revokeKeysAndApps: boolean;
	finalStep: FinalStep;
	report?: ReportTarget;
}

/** Every door the leaver could still open besides their data: groups, room memberships, keys and apps. */
export interface AccessFacts {
	groups: GroupDto[];
	managed: GroupDto[];
	/** Rooms the leaver is a member of (not owner) that the credential's user may take them out of. */
	rooms: EntryDto[];
	/** Rooms they stay in, and why. */
	keptRooms: Array<{ room: EntryDto; reason: string }>;
	keys: ApiKeyDto[];
	clients: OAuthClientDto[];
	/** Why the leaver's API keys could not be listed, if they could not (a scoped key: 403). */
	keysUnreadable?: string;
	/** Why the leaver's OAuth apps could not be listed, if they could not. */
	clientsUnreadable?: string;
}

/**
 * What an offboarding knows of the portal: read by Preview before anything changes, and kept up
 * to date by Run as its steps change things (the archive room Run creates, the audit it reads).
 */
export interface OffboardingState {
	user: EmployeeFull;
	recipient: EmployeeFull;
	self: EmployeeFull;
	/** Who takes over the groups the leaver manages. */
	successor: EmployeeFull;
	settings: OffboardingSettings;
	/** When an earlier run deleted the profile: then only what outlives a profile is planned. */
	deletedOn?: string;
	reassignTask?: TaskProgress;
	need?: ReassignmentNeed;
	access: AccessFacts;
	archive: ArchivePlan;
	audit?: IDataObject;
	/** While Run runs: the report of the run so far (what the report files show). */
	progress?: () => { report: IDataObject; steps: IDataObject[] };
	/** Where Run stored the report, or why it could not. */
	storedReport?: IDataObject;
}
