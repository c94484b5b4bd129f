/**
 * DocSpace's numeric codes, named once. Values are the server's enums
 * (common/ASC.Core.Common/Core/EmployeeStatus.cs, common/ASC.Common/Threading/DistributedTaskStatus.cs,
 * products/ASC.Files/Core/Core/Security/FileShare.cs, common/ASC.Core.Common/Messaging/MessageAction.cs,
 * common/services/ASC.AuditTrail/Types/*.cs).
 */

export const EMPLOYEE_STATUS = { ACTIVE: 1, TERMINATED: 2, PENDING: 4 } as const;
export type EmployeeStatusCode = (typeof EMPLOYEE_STATUS)[keyof typeof EMPLOYEE_STATUS];

/** EmployeeType, as `GET people/filter` takes it in `employeeTypes`. */
export const EMPLOYEE_TYPE = { ROOM_ADMIN: 1, GUEST: 2, DOCSPACE_ADMIN: 3, USER: 4 } as const;

export const TASK_STATUS = {
	CREATED: 0,
	RUNNING: 1,
	COMPLETED: 2,
	CANCELED: 3,
	FAILED: 4,
} as const;

/** FileShare: access levels of files, folders and room roles. */
export const SHARE = {
	NONE: 0,
	READ_WRITE: 1,
	READ: 2,
	RESTRICT: 3,
	VARIES: 4,
	REVIEW: 5,
	COMMENT: 6,
	FILL_FORMS: 7,
	ROOM_MANAGER: 9,
	EDITING: 10,
	CONTENT_CREATOR: 11,
} as const;

/** RoomType, as `POST files/rooms` takes it and rooms report it. */
export const ROOM_TYPE = {
	FILLING_FORMS: 1,
	EDITING: 2,
	CUSTOM: 5,
	PUBLIC: 6,
	VIRTUAL_DATA: 8,
	AI: 9,
} as const;

/** FolderType values of the roots the node tells apart. */
export const FOLDER_TYPE = { TRASH: 3, MY_DOCUMENTS: 5, ROOMS: 14, ARCHIVE: 20 } as const;
/** ASC.Files.Core FilterType (the `filterType` of folder listings). */
export const FILTER_TYPE = { FILES_ONLY: 1 } as const;
/** TenantEntityQuotaSettings.NoQuota: a room without a storage limit. */
export const NO_QUOTA = -1;

/** SearchArea and SubjectFilter of `GET files/rooms`. */
export const SEARCH_AREA = { ACTIVE: 0, ARCHIVE: 1, ANY: 2 } as const;
export const SUBJECT_FILTER = { OWNER: 0, MEMBER: 1 } as const;

/** ShareFilterType of `GET files/rooms/{id}/share`. */
export const SHARE_FILTER = { USERS_AND_GROUPS: 0, USERS: 16, GROUPS: 32 } as const;

/** FileOperationType. */
export const FILE_OPERATION = { MOVE: 0, COPY: 1, DELETE: 2 } as const;

/** RoomSecurityError in the answer of `PUT files/rooms/{id}/share`. */
export const ROOM_SECURITY_ERROR = { NONE: 0, FORM_ROLE_BLOCKING_DELETION: 1 } as const;

/** MessageAction values the node reads in the audit trail and the login history. */
export const AUDIT_ACTION = {
	/** MessageAction.None: `action=0` is mapped to it, i.e. no action filter. */
	NONE: -1,
	LOGIN_SUCCESS: 1000,
	LOGIN_FAIL_INVALID_COMBINATION: 1002,
	LOGIN_FAIL_DISABLED_PROFILE: 1004,
	LOGOUT: 1006,
	LOGIN_SUCCESS_VIA_API: 1010,
	USER_UPDATED: 4006,
	USER_DELETED: 4018,
	USERS_UPDATED_STATUS: 4020,
	USERS_DELETED: 4022,
	USER_DATA_REASSIGNS: 4030,
	USER_DATA_REMOVING: 4031,
	FILE_CREATED: 5000,
	FILE_MOVED: 5015,
	FOLDER_CREATED: 5019,
	ROOM_CREATED: 5070,
} as const;

/** EntryType of audit events. */
export const AUDIT_ENTRY = { FILE: 1, FOLDER: 2, USER: 23, GROUP: 24, ROOM: 25 } as const;

/** ActionType of audit events (Types/ActionType.cs); 0 (None) means no filter. */
export const AUDIT_ACTION_TYPE = {
	CREATE: 1,
	UPDATE: 2,
	DELETE: 3,
	UPDATE_ACCESS: 11,
	DOWNLOAD: 12,
	UPLOAD: 13,
	COPY: 14,
	MOVE: 15,
	REASSIGNS: 16,
	LOGOUT: 19,
} as const;

/** LocationType of audit events, sent as `moduleType` (Types/LocationType.cs); 0 (None) means no filter. */
export const AUDIT_LOCATION = {
	FILES: 1,
	FOLDERS: 2,
	ROOMS: 27,
	SETTINGS: 29,
	CONTACTS: 30,
} as const;

/** HTTP statuses the node acts on. */
export const HTTP = {
	BAD_REQUEST: 400,
	PAYMENT_REQUIRED: 402,
	FORBIDDEN: 403,
	NOT_FOUND: 404,
} as const;

/** The httpCode of a NodeApiError (a string), as a number; NaN when no HTTP answer came (a network failure). */
export function httpCodeOf(error: unknown): number {
	const code = (error as { httpCode?: string | null }).httpCode;
	return code === null || code === undefined || code === '' ? NaN : Number(code);
}
