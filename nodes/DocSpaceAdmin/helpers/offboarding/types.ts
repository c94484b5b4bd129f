export type StepName =
	| 'disable'
	| 'reassign'
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
	finalStep: FinalStep;
}
