/** The sandbox portal's in-memory data. Field names follow DocSpace's where they exist. */

/** DocSpace's ApiDateTime text: ISO 8601 with seven fraction digits (`2026-11-01T09:00:00.0000000Z`). */
export function isoNow(now = Date.now()): string {
	return new Date(now).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export type UserType = 'Owner' | 'DocSpaceAdmin' | 'RoomAdmin' | 'User' | 'Guest';

export interface User {
	id: string;
	firstName: string;
	lastName: string;
	email: string;
	userName: string;
	type: UserType;
	/** EmployeeStatus: 1 Active, 2 Terminated (disabled), 4 Pending */
	status: 1 | 2 | 4;
	/** EmployeeActivationStatus: 0 NotActivated, 1 Activated, 2 Pending */
	activationStatus: 0 | 1 | 2;
	registrationDate: string;
	terminated?: string;
	groups: string[];
	password: string;
	isLDAP?: boolean;
	createdBy?: string;
	/** Live sessions; disabling a user ends them. */
	sessions: number;
	/** Two-factor sign-in: password logins get `tfa: true` and no token. */
	tfa?: boolean;
	/** Guests only have a "My documents" folder after something was shared with them. */
	hasPersonalFolder: boolean;
}

export interface Group {
	id: string;
	name: string;
	managerId?: string;
}

/** FolderType values the sandbox uses (Folder.cs `enum FolderType`). */
export const FOLDER_TYPE = {
	DEFAULT: 0,
	TRASH: 3,
	USER: 5,
	VIRTUAL_ROOMS: 14,
	FILLING_FORMS_ROOM: 15,
	EDITING_ROOM: 16,
	CUSTOM_ROOM: 19,
	ARCHIVE: 20,
	PUBLIC_ROOM: 22,
	VIRTUAL_DATA_ROOM: 29,
} as const;

/** RoomType (request enum of `POST files/rooms`) → FolderType (DocSpaceHelper.MapToFolderType). */
export const ROOM_FOLDER_TYPE: Record<number, number> = {
	1: FOLDER_TYPE.FILLING_FORMS_ROOM,
	2: FOLDER_TYPE.EDITING_ROOM,
	5: FOLDER_TYPE.CUSTOM_ROOM,
	6: FOLDER_TYPE.PUBLIC_ROOM,
	8: FOLDER_TYPE.VIRTUAL_DATA_ROOM,
};

/** FileShare values (FileShare.cs, numbered from 0). */
export const SHARE = {
	None: 0,
	ReadWrite: 1,
	Read: 2,
	Restrict: 3,
	Review: 5,
	Comment: 6,
	FillForms: 7,
	RoomManager: 9,
	Editing: 10,
	ContentCreator: 11,
} as const;

/** EmployeeStatus values. */
export const STATUS = { Active: 1, Terminated: 2, Pending: 4 } as const;

/** DistributedTaskStatus values. */
export const TASK_STATUS = {
	Created: 0,
	Running: 1,
	Completed: 2,
	Canceled: 3,
	Failted: 4,
} as const;

export interface Entry {
	id: number;
	kind: 'folder' | 'file';
	title: string;
	/** 0 for root folders. */
	parentId: number;
	createdBy: string;
	created: string;
	updated: string;
	folderType: number;
	/** Set on rooms (folders right under the Rooms or Archive root). */
	roomType?: number;
	/** For "My documents" and Trash roots: whose they are. */
	ownerId?: string;
	/** subject id (user or group) → FileShare */
	shares: Record<string, number>;
	/** Room members whose form-filling role blocks removal without `force`. */
	formRoles?: string[];
	size?: number;
	/** A room's own storage quota in bytes (sandbox/quota.ts ROOM_QUOTA; unset: the portal's default). */
	quota?: number;
	/** Files uploaded through `POST files/{folderId}/insert`: their text (UTF-8) and version. */
	content?: string;
	version?: number;
}

export interface Task {
	queue: 'reassign' | 'remove' | 'type' | 'personalFolder';
	userId: string;
	initiatorId: string;
	startedAt: number;
	status: number;
	percentage: number;
	error: string;
	params: Record<string, unknown>;
	/** Set once the job's effects were applied. */
	applied: boolean;
	/** When the task last published a change (finished tasks expire `expiryMs` after it). */
	updatedAt: number;
	failAt?: { percent: number; message: string };
	stuckAt?: number;
}

export interface FileOp {
	id: string;
	operation: number;
	userId: string;
	startedAt: number;
	folderIds: number[];
	fileIds: number[];
	destFolderId?: number;
	conflict: 'Skip' | 'Overwrite' | 'Duplicate';
	holdResult: boolean;
	status: number;
	progress: number;
	error: string;
	processed: number;
	resultFolders: number[];
	resultFiles: number[];
	/** Finished and already reported once (or expired): gone from later status lists. */
	dequeued: boolean;
	/** When the operation last published a change (finished ones expire `expiryMs` after it). */
	updatedAt: number;
	stuck?: boolean;
	failWith?: string;
	kind: 'move' | 'copy' | 'delete' | 'archive' | 'unarchive';
}

export interface AuditEvent {
	id: number;
	date: string;
	userId: string;
	actionId: number;
	actionType: number;
	product: number;
	location: number;
	target: string[];
	entries: number[];
	action: string;
	context?: string;
}

export interface LoginEvent {
	id: number;
	date: string;
	userId: string;
	login: string;
	actionId: number;
	action: string;
}

export interface Webhook {
	id: number;
	name: string;
	uri: string;
	secretKey: string;
	enabled: boolean;
	ssl: boolean;
	triggers: number;
	targetId?: string;
	createdBy: string;
	created: string;
}

export interface Delivery {
	webhookId: number;
	trigger: string;
	body: string;
	signature: string;
	/** The request headers, as WebhookSender.Send sets them (routes/webhooks.ts webhookDelivery). */
	headers?: Record<string, string>;
	status: number | 'failed';
}

export interface ApiKey {
	id: string;
	name: string;
	key: string;
	userId: string;
	permissions: string[];
	createOn: string;
	/** Set when the key authenticates a request (ApiKeyManager.ValidateApiKeyAsync). */
	lastUsed?: string;
	expiresAt?: string;
	/** `PUT keys/{id} {isActive: false}` switches a key off; it then answers 401. */
	isActive: boolean;
}

/** An OAuth2 client of the identity service (ASC.Identity `ClientResponse`, snake_case there). */
export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	name: string;
	scopes: string[];
	enabled: boolean;
	websiteUrl: string;
	redirectUris: string[];
	allowedOrigins: string[];
	isPublic: boolean;
	createdOn: string;
	createdBy: string;
	modifiedOn: string;
	modifiedBy: string;
}

/** The scopes DocSpace's identity service knows (its IdentityScope seed data; `GET /api/2.0/scopes`). */
export const OAUTH_SCOPES = [
	'openid',
	'accounts.self:read',
	'accounts.self:write',
	'accounts:read',
	'accounts:write',
	'files:read',
	'files:write',
	'rooms:read',
	'rooms:write',
];
