export type StepName =
	| 'disable'
	| 'reassign'
	| 'leaveGroups'
	| 'leaveRooms'
	| 'revokeKeysAndApps'
	| 'createArchiveRoom'
	| 'archiveAccess'
	| 'moveWorkspace'
	| 'archiveTheRoom'
	| 'finalize'
	| 'auditSummary';
export type StepStatus = 'pending' | 'alreadyDone' | 'skipped';
export type FinalStep = 'keep' | 'deleteProfile' | 'removeData';

export interface PlannedStep {
	step: StepName;
	status: StepStatus;
	detail: string;
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
}
