import { roomQuota, usedSpace } from './quota';
import type {
	ApiKey,
	AuditEvent,
	Entry,
	FileOp,
	Group,
	LoginEvent,
	OAuthClient,
	Task,
	User,
	Webhook,
} from './model';
import { FOLDER_TYPE } from './model';
import type { SandboxState } from './state';

/** The shapes the real server writes (camelCase, enums as numbers, dates as strings). */
export class Dtos {
	constructor(
		private state: SandboxState,
		private origin: string,
	) {}

	avatar(size: string): string {
		return `${this.origin}/static/images/default_user_photo_size_${size}.png?hash=1183254891`;
	}

	employee(user: User) {
		return {
			id: user.id,
			displayName: this.state.displayName(user),
			avatar: this.avatar('200-200'),
			avatarSmall: this.avatar('32-32'),
			profileUrl: `${this.origin}/accounts/view/${user.userName}`,
			hasAvatar: false,
			isAnonim: false,
		};
	}

	employeeFull(user: User, viewer?: User) {
		const creator = user.createdBy ? this.state.user(user.createdBy) : undefined;
		return {
			firstName: user.firstName,
			lastName: user.lastName,
			userName: user.userName,
			email: user.email,
			status: user.status,
			activationStatus: user.activationStatus,
			terminated: user.terminated,
			department: user.groups
				.map((g) => this.state.groups.find((x) => x.id === g)?.name)
				.filter(Boolean)
				.join(', '),
			groups: user.groups.map((g) => {
				const group = this.state.groups.find((x) => x.id === g)!;
				return { id: group.id, name: group.name, manager: group.managerId };
			}),
			isAdmin: user.type === 'DocSpaceAdmin',
			isRoomAdmin: user.type === 'RoomAdmin',
			isLDAP: user.isLDAP ?? false,
			isOwner: user.type === 'Owner',
			isVisitor: user.type === 'Guest',
			isCollaborator: user.type === 'User',
			cultureName: 'en-US',
			mobilePhoneActivationStatus: 0,
			isSSO: false,
			createdBy: creator && this.state.isAdmin(viewer) ? this.employee(creator) : undefined,
			registrationDate: user.registrationDate,
			hasPersonalFolder: user.hasPersonalFolder,
			tfaAppEnabled: user.tfa ?? false,
			...this.employee(user),
			avatarMax: this.avatar('200-200'),
			avatarMedium: this.avatar('48-48'),
		};
	}

	task(task: Task) {
		return {
			id: `1_${task.userId}_${TASK_CLASS[task.queue]}`,
			error: task.error,
			percentage: task.percentage,
			isCompleted: task.status >= 2,
			status: task.status,
		};
	}

	entry(entry: Entry, viewer: User) {
		const root = this.state.root(entry);
		const common = {
			id: entry.id,
			title: entry.title,
			access: this.state.access(viewer, entry),
			security: this.state.security(viewer, entry),
			shared: Object.keys(entry.shares).length > 0,
			rootFolderId: root.id,
			rootFolderType: root.folderType,
			createdBy: this.person(entry.createdBy),
			updatedBy: this.person(entry.createdBy),
			created: entry.created,
			updated: entry.updated,
		};
		if (entry.kind === 'file') {
			const dot = entry.title.lastIndexOf('.');
			return {
				folderId: entry.parentId,
				version: entry.version ?? 1,
				versionGroup: 1,
				contentLength: `${((entry.size ?? 0) / 1024).toFixed(1)} KB`,
				pureContentLength: entry.size ?? 0,
				fileStatus: 0,
				viewUrl: `${this.origin}/filehandler.ashx?action=view&fileid=${entry.id}`,
				webUrl: `${this.origin}/doceditor?fileid=${entry.id}&version=${entry.version ?? 1}`,
				fileType: 7,
				fileExst: dot > 0 ? entry.title.slice(dot) : '',
				...common,
				fileEntryType: 2,
			};
		}
		const children = this.state.children(entry.id);
		return {
			parentId: entry.parentId,
			filesCount: children.filter((c) => c.kind === 'file').length,
			foldersCount: children.filter((c) => c.kind === 'folder').length,
			roomType: entry.roomType,
			private: false,
			type: entry.folderType,
			ownedBy: entry.roomType !== undefined ? this.person(entry.createdBy) : undefined,
			...(entry.roomType !== undefined ? this.roomSpace(entry) : {}),
			...common,
			fileEntryType: 1,
		};
	}

	/**
	 * FolderDtoHelper.GetAsync: a room's used space, and while room quotas are on (not in the
	 * Archive) its limit: its own setting, else the portal's default; -1 means none.
	 */
	private roomSpace(room: Entry) {
		const quota = roomQuota(this.state, room);
		const inArchive = this.state.root(room).folderType === FOLDER_TYPE.ARCHIVE;
		return {
			usedSpace: usedSpace(this.state, room),
			...(quota && !inArchive ? { quotaLimit: quota.limit, isCustomQuota: quota.custom } : {}),
		};
	}

	private person(id: string) {
		const user = this.state.user(id);
		return user
			? this.employee(user)
			: { id, displayName: 'Deleted user', hasAvatar: false, isAnonim: false };
	}

	folderContent(folder: Entry, viewer: User, page: Entry[], total: number, startIndex: number) {
		return {
			files: page.filter((e) => e.kind === 'file').map((e) => this.entry(e, viewer)),
			folders: page.filter((e) => e.kind === 'folder').map((e) => this.entry(e, viewer)),
			current: this.entry(folder, viewer),
			pathParts: this.state
				.ancestors(folder)
				.map((e) => ({ id: e.id, title: e.title, folderType: e.folderType, roomType: e.roomType })),
			startIndex,
			count: page.length,
			total,
			new: 0,
		};
	}

	fileOp(op: FileOp, viewer: User) {
		const done = op.status >= 2;
		const entries = (ids: number[]) =>
			ids
				.map((id) => this.state.entry(id))
				.filter((e): e is Entry => !!e)
				.map((e) => this.entry(e, viewer));
		return {
			id: op.id,
			Operation: op.operation,
			progress: op.progress,
			error: op.error,
			processed: String(op.processed),
			finished: done,
			status: op.status,
			files: done && op.kind !== 'delete' ? entries(op.resultFiles) : undefined,
			folders: done && op.kind !== 'delete' ? entries(op.resultFolders) : undefined,
		};
	}

	share(subjectId: string, access: number, entry: Entry) {
		const user = this.state.user(subjectId);
		const group = user ? undefined : this.state.groups.find((g) => g.id === subjectId);
		return {
			access,
			sharedToUser: user ? this.employeeFull(user) : undefined,
			sharedToGroup: group
				? { id: group.id, name: group.name, manager: group.managerId }
				: undefined,
			isLocked: false,
			isOwner: entry.createdBy === subjectId,
			canEditAccess: entry.createdBy !== subjectId,
			canEditInternal: false,
			canEditDenyDownload: false,
			canEditExpirationDate: false,
			canRevoke: entry.createdBy !== subjectId,
			subjectType: user ? 0 : 2,
		};
	}

	/** What audit and login events share: who, when, from where. */
	private eventBase(event: AuditEvent | LoginEvent, page: string) {
		const user = this.state.user(event.userId);
		return {
			id: event.id,
			date: event.date,
			user: user ? this.state.displayName(user) : 'Deleted user',
			userId: event.userId,
			action: event.action,
			actionId: event.actionId,
			ip: '192.0.2.10',
			browser: 'Chrome 141',
			platform: 'Windows 11',
			page: `${this.origin}${page}`,
		};
	}

	auditEvent(event: AuditEvent) {
		return {
			...this.eventBase(event, '/rooms/shared'),
			actionType: event.actionType,
			product: event.product,
			location: event.location,
			target: event.target,
			entries: event.entries,
			context: event.context,
		};
	}

	loginEvent(event: LoginEvent) {
		return { ...this.eventBase(event, '/login'), login: event.login };
	}

	/**
	 * GroupDto (GroupFullDtoHelper): `manager` unless there is none; `membersCount` and `members` count only
	 * active and pending users; `members` only when asked for.
	 */
	group(group: Group, viewer: User, includeMembers = false) {
		const manager = group.managerId ? this.state.user(group.managerId) : undefined;
		const members = this.state.groupMembers(group);
		return {
			id: group.id,
			name: group.name,
			category: '00000000-0000-0000-0000-000000000000',
			isLDAP: false,
			isSystem: false,
			manager: manager ? this.employeeFull(manager, viewer) : undefined,
			members: includeMembers ? members.map((u) => this.employeeFull(u, viewer)) : undefined,
			membersCount: members.length,
		};
	}

	/** GroupSummaryDto as `GET group/user/{id}` sends it: neither manager nor members. */
	groupSummary(group: Group) {
		return { id: group.id, name: group.name, isSystem: false };
	}

	/** ApiKeyResponseDto (ApiKeyMapper.MapManual); the secret itself is only sent when the key is created. */
	apiKey(key: ApiKey) {
		return {
			id: key.id,
			name: key.name,
			keyPostfix: key.key.slice(-4),
			permissions: key.permissions,
			lastUsed: key.lastUsed,
			createOn: key.createOn,
			createBy: this.person(key.userId),
			expiresAt: key.expiresAt,
			isActive: key.isActive,
		};
	}

	/** ClientResponse of the identity service (snake_case; the secret is left out of lists: assumption). */
	client(client: OAuthClient) {
		return {
			name: client.name,
			tenant: 1,
			scopes: client.scopes,
			enabled: client.enabled,
			client_id: client.clientId,
			website_url: client.websiteUrl,
			authentication_methods: ['client_secret_post'],
			redirect_uris: client.redirectUris,
			allowed_origins: client.allowedOrigins,
			logout_redirect_uris: [],
			created_on: client.createdOn,
			created_by: client.createdBy,
			modified_on: client.modifiedOn,
			modified_by: client.modifiedBy,
			is_public: client.isPublic,
		};
	}

	webhook(webhook: Webhook) {
		return {
			configs: {
				id: webhook.id,
				name: webhook.name,
				uri: webhook.uri,
				enabled: webhook.enabled,
				ssl: webhook.ssl,
				triggers: webhook.triggers,
				targetId: webhook.targetId,
				createdBy: this.person(webhook.createdBy),
				createdOn: webhook.created,
			},
			status:
				this.state.deliveries.filter((d) => d.webhookId === webhook.id).at(-1)?.status === 'failed'
					? 0
					: 200,
		};
	}
}

export const TASK_CLASS: Record<Task['queue'], string> = {
	reassign: 'ReassignProgressItem',
	remove: 'RemoveProgressItem',
	type: 'UpdateUserTypeProgressItem',
	personalFolder: 'DeletePersonalFolderProgressItem',
};

export { FOLDER_TYPE };
