/** The wire types (DTOs) of DocSpace's answers, as far as the node reads them. */

/** The fields of DocSpace's EmployeeFullDto that the node reads. */
export interface EmployeeFull {
	id: string;
	displayName?: string;
	firstName?: string;
	lastName?: string;
	email?: string;
	userName?: string;
	status?: number;
	activationStatus?: number;
	isOwner?: boolean;
	isAdmin?: boolean;
	isRoomAdmin?: boolean;
	isCollaborator?: boolean;
	isVisitor?: boolean;
	isLDAP?: boolean;
	isSSO?: boolean;
	department?: string;
	/** GroupSummaryDto: the groups the user is in; absent when none. */
	groups?: Array<{ id: string; name?: string }>;
	registrationDate?: string;
	terminated?: string;
	profileUrl?: string;
	[key: string]: unknown;
}

/** TaskProgressResponseDto: reassign, remove, type change, personal folder. */
export interface TaskProgress {
	id: string;
	error: string;
	percentage: number;
	isCompleted: boolean;
	status: number;
}

/** FileOperationDto (note the capital "O" the server really sends). */
export interface FileOperation {
	id: string;
	Operation?: number;
	progress?: number;
	error?: string;
	processed?: string;
	finished?: boolean;
	status?: number;
	files?: Array<Record<string, unknown>>;
	folders?: Array<Record<string, unknown>>;
	[key: string]: unknown;
}

/** The fields of FileDto/FolderDto the node reads. */
export interface EntryDto {
	id: number;
	title?: string;
	parentId?: number;
	folderId?: number;
	rootFolderId?: number;
	rootFolderType?: number;
	roomType?: number;
	fileEntryType?: number;
	access?: number;
	createdBy?: { id?: string; displayName?: string };
	ownedBy?: { id?: string; displayName?: string };
	created?: string;
	updated?: string;
	/** Files: bytes. */
	pureContentLength?: number;
	/** Rooms: bytes stored (FolderDtoHelper: the room's counter). */
	usedSpace?: number;
	/** Rooms, while room quotas are on and the caller may edit or create there: bytes, -1 none. */
	quotaLimit?: number;
	[key: string]: unknown;
}

/** The fields of FileShareDto the node reads. */
export interface ShareDto {
	access: number;
	sharedToUser?: {
		id: string;
		displayName?: string;
		email?: string;
		isAdmin?: boolean;
		isOwner?: boolean;
	};
	sharedToGroup?: { id: string; name?: string };
	isOwner?: boolean;
	subjectType?: number;
}
