import type { IDataObject } from 'n8n-workflow';

import type { EmployeeFull, EntryDto, ShareDto } from '../../api/dto';
import { allowed, shareSubjectId } from '../entries';
import { isArchived } from '../reassignment';
import { ROOM_TYPE, SHARE } from '../../api/codes';
import { getFolder } from '../../api/files';
import type { GroupDto } from '../../api/groups';
import { getRoom } from '../../api/rooms';
import { archiveRoomLeaver, archiveTitle, findOwnArchiveRoom } from './archiveIdentity';
import { accessLostByMove, roomSpaceShortfall } from './moveChecks';
import { groupOnce, roomMembersOnce } from './sharedReads';
import type { Portal } from './steps/step';
import { nameOf } from './steps/step';
import type { OffboardingSettings } from './types';

/** Room types in which users and groups may hold the roles the archive uses (FileSecurity.AvailableRoomAccesses). */
const GROUP_READ_ROOMS: number[] = [
	ROOM_TYPE.CUSTOM,
	ROOM_TYPE.EDITING,
	ROOM_TYPE.VIRTUAL_DATA,
	ROOM_TYPE.AI,
];
const ROOM_TYPE_NAMES: Record<number, string> = {
	[ROOM_TYPE.FILLING_FORMS]: 'form-filling',
	[ROOM_TYPE.EDITING]: 'collaboration',
	[ROOM_TYPE.CUSTOM]: 'custom',
	[ROOM_TYPE.PUBLIC]: 'public',
	[ROOM_TYPE.VIRTUAL_DATA]: 'virtual data',
	[ROOM_TYPE.AI]: 'AI',
};
const ROLE_NAMES: Record<number, string> = {
	[SHARE.READ_WRITE]: 'owner',
	[SHARE.ROOM_MANAGER]: 'room manager',
	[SHARE.CONTENT_CREATOR]: 'content creator',
	[SHARE.EDITING]: 'editor',
	[SHARE.REVIEW]: 'reviewer',
	[SHARE.COMMENT]: 'commenter',
	[SHARE.READ]: 'viewer',
	[SHARE.FILL_FORMS]: 'form filler',
};

export interface Invitation {
	id: string;
	access: number;
}

/** Someone who will be able to open the archived workspace, and why. */
export interface Viewer {
	id?: string;
	name: string;
	kind: 'user' | 'group' | 'docSpaceAdmins';
	role: string;
	note?: string;
}

export interface ArchivePlan {
	workspace?: EntryDto;
	/** The room the workspace goes to; `undefined` id while Run has yet to create it. */
	room?: { id?: number; title: string; exists: boolean; archived: boolean; why: string };
	invitations: Invitation[];
	visibleTo: Viewer[];
	/** The workspace is in the archive room already (an earlier run moved it). */
	alreadyMoved: boolean;
	/** Why there is nothing to archive, if there is not. */
	skipped?: string;
	blockers: string[];
	warnings: string[];
	/** What DocSpace would refuse in the move itself, and whose access the move ends. */
	move: { blockers: string[]; warnings: string[] };
}

/**
 * The workspace half of the plan. DocSpace shares files and folders inside rooms only by
 * external link (FileSecurity._availableRoomFileAccesses), so who can see an archived
 * workspace is decided by the members of the room it sits in: the plan moves it into an
 * archive room, sets that room's members, and lists exactly who will see it.
 */
export async function readArchive(
	portal: Portal,
	settings: OffboardingSettings,
	leaver: EmployeeFull,
	recipient: EmployeeFull,
	self: EmployeeFull,
): Promise<ArchivePlan> {
	const { ctx, itemIndex } = portal;
	const plan = emptyArchive();
	if (!settings.workspaceFolderId) return { ...plan, skipped: 'No workspace folder chosen' };

	const workspace = await getFolder(ctx, settings.workspaceFolderId, 'workspace folder', itemIndex);
	plan.workspace = workspace;
	let room: EntryDto | undefined;
	if (settings.archiveInto === 'existingRoom') {
		if (!settings.archiveRoomId)
			plan.blockers.push('"Archive Into" is "An Existing Room" but no Archive Room ID was given.');
		else room = await getRoom(ctx, settings.archiveRoomId, itemIndex);
		if (room && room.roomType === undefined)
			plan.blockers.push(
				`"${room.title}" (ID ${room.id}) is a folder, not a room: choose a room as the archive.`,
			);
		if (room) {
			const madeFor = archiveRoomLeaver(room.title);
			if (madeFor && madeFor !== leaver.id.toLowerCase())
				plan.blockers.push(
					`"${room.title}" (ID ${room.id}) is the archive room of another leaver (user ID ${madeFor}): their recipient and viewers would see this workspace. Choose a room that is not another leaver’s archive.`,
				);
		}
	} else {
		const title = archiveTitle(leaver, settings.archiveRoomTitle);
		room = await findOwnArchiveRoom(portal, leaver.id, title, self);
		if (!room && !(self.isOwner || self.isAdmin || self.isRoomAdmin)) {
			plan.blockers.push(
				`The credential’s user ${nameOf(self)} may not create rooms: use a DocSpace admin or room admin account, or archive into an existing room.`,
			);
		}
		if (!room)
			plan.room = {
				title,
				exists: false,
				archived: false,
				why: `A new room for ${nameOf(leaver)}: its title carries their user ID, so a later run finds it again and no other leaver’s files go into it`,
			};
	}
	if (room)
		plan.room = {
			id: room.id,
			title: room.title ?? String(room.id),
			exists: true,
			archived: isArchived(room),
			why:
				settings.archiveInto === 'existingRoom'
					? 'Chosen in "Archive Room ID": everyone listed under visibleTo will see the workspace'
					: `Created for ${nameOf(leaver)} by an earlier run: its title carries their user ID and the room is owned by ${nameOf(self)}`,
		};
	if (!plan.room) return { ...plan, skipped: 'No archive room' };

	if (workspace.roomType !== undefined)
		plan.blockers.push(
			`"${workspace.title}" is a room, not a folder: rooms are handed over by the reassignment.`,
		);
	const alreadyMoved = room !== undefined && workspace.parentId === room.id;
	plan.alreadyMoved = alreadyMoved;
	if (!alreadyMoved && !allowed(workspace, 'Move')) {
		plan.blockers.push(
			`The credential’s user ${nameOf(self)} may not move "${workspace.title}": in a room only its owner, room managers and (for their own folders) content creators may move folders. Invite the credential’s user to that room as room manager.`,
		);
	}
	const members = room ? await roomMembersOnce(portal, room.id) : [];
	const ownerId = (room?.ownedBy ?? room?.createdBy)?.id ?? self.id;
	plan.invitations = wantedInvitations(members, ownerId, recipient, settings.readOnlyGroupId);
	if (room) checkExistingRoom(plan, room, alreadyMoved, settings);
	// Read, not assumed: DocSpace skips an unknown group without a word (FileSharing.SetAceObjectAsync).
	const group = settings.readOnlyGroupId
		? await groupOnce(portal, settings.readOnlyGroupId)
		: undefined;
	plan.visibleTo = viewers(
		members,
		plan.invitations,
		group,
		ownerId,
		room ? undefined : self,
		recipient,
		leaver,
	);
	if (plan.visibleTo.some((v) => v.id === leaver.id)) {
		plan.warnings.push(
			`${nameOf(leaver)} is a member of the archive room; once disabled they cannot sign in, and they leave the room when the profile is deleted.`,
		);
	}
	if (!alreadyMoved && workspace.roomType === undefined)
		await checkMove(portal, plan, workspace, room, leaver, group);
	return plan;
}

export function emptyArchive(): ArchivePlan {
	return {
		invitations: [],
		visibleTo: [],
		alreadyMoved: false,
		blockers: [],
		warnings: [],
		move: { blockers: [], warnings: [] },
	};
}

/** The move's own refusals and losses, read before anything changes (an unmade room has no quota yet). */
async function checkMove(
	portal: Portal,
	plan: ArchivePlan,
	workspace: EntryDto,
	room: EntryDto | undefined,
	leaver: EmployeeFull,
	group: GroupDto | undefined,
): Promise<void> {
	const { ctx, itemIndex } = portal;
	// The leaver keeps nothing: they are disabled first.
	const ids = [...plan.visibleTo.map((v) => v.id), ...(group?.members ?? []).map((m) => m.id)];
	const keep = new Set(ids.filter((id): id is string => !!id && id !== leaver.id));
	const lost = await accessLostByMove(portal, workspace, keep);
	if (lost) plan.move.warnings.push(lost);
	const shortfall = room && (await roomSpaceShortfall(ctx, workspace, room, itemIndex));
	if (shortfall) plan.move.blockers.push(shortfall);
}

/** Recipient as room manager, the read-only group as viewers; nothing for who already has it. */
function wantedInvitations(
	members: ShareDto[],
	ownerId: string,
	recipient: EmployeeFull,
	groupId?: string,
): Invitation[] {
	const have = new Map(members.map((m) => [shareSubjectId(m), m.access]));
	const wanted: Invitation[] = [];
	if (recipient.id !== ownerId && have.get(recipient.id) !== SHARE.ROOM_MANAGER)
		wanted.push({ id: recipient.id, access: SHARE.ROOM_MANAGER });
	if (groupId && have.get(groupId) !== SHARE.READ) wanted.push({ id: groupId, access: SHARE.READ });
	return wanted;
}

/** What DocSpace would refuse for an existing room, found before anything changes. */
function checkExistingRoom(
	plan: ArchivePlan,
	room: EntryDto,
	alreadyMoved: boolean,
	settings: OffboardingSettings,
): void {
	const name = `"${room.title}"`;
	const typeName = ROOM_TYPE_NAMES[room.roomType ?? -1] ?? 'this';
	if (isArchived(room)) {
		if (!alreadyMoved)
			plan.blockers.push(
				`The archive room ${name} is in DocSpace’s Archive and accepts nothing new: restore it (Room → Unarchive) or choose another room.`,
			);
		if (plan.invitations.length)
			plan.blockers.push(
				`The members of ${name} cannot change while it is in DocSpace’s Archive: restore it first.`,
			);
		return;
	}
	if (settings.readOnlyGroupId && !GROUP_READ_ROOMS.includes(room.roomType ?? -1)) {
		plan.blockers.push(
			`A ${typeName} room does not accept groups as viewers: choose a custom, collaboration or virtual data room, or leave "Read-Only Group ID" empty.`,
		);
	}
	if (room.roomType === ROOM_TYPE.FILLING_FORMS && !alreadyMoved) {
		plan.blockers.push(
			`A form-filling room does not accept folders from other rooms: choose another archive room.`,
		);
	}
	if (plan.invitations.length && !allowed(room, 'EditAccess')) {
		plan.blockers.push(
			`The credential’s user may not change the members of ${name}: only its owner and room managers may (a DocSpace admin must be invited as room manager).`,
		);
	}
	if (!alreadyMoved && !(allowed(room, 'Create') && allowed(room, 'MoveTo'))) {
		plan.blockers.push(
			`The credential’s user may not move anything into ${name}: invite them there as room manager or content creator.`,
		);
	}
	if (settings.archiveTheRoom && !isArchived(room) && !allowed(room, 'Move')) {
		plan.blockers.push(
			`The credential’s user may not move ${name} to DocSpace’s Archive: only its owner or a DocSpace admin may.`,
		);
	}
}

function viewers(
	members: ShareDto[],
	invitations: Invitation[],
	invitedGroup: GroupDto | undefined,
	ownerId: string,
	newOwner: EmployeeFull | undefined,
	recipient: EmployeeFull,
	leaver: EmployeeFull,
): Viewer[] {
	const roles = new Map<string, { share?: ShareDto; access: number }>();
	for (const m of members) roles.set(shareSubjectId(m), { share: m, access: m.access });
	for (const i of invitations) roles.set(i.id, { share: roles.get(i.id)?.share, access: i.access });
	const list: Viewer[] = [];
	if (newOwner)
		list.push({
			id: newOwner.id,
			name: nameOf(newOwner),
			kind: 'user',
			role: 'owner',
			note: 'creates the room (the credential’s user)',
		});
	for (const [id, { share, access }] of roles) {
		if (!id || access === SHARE.NONE || access === SHARE.RESTRICT) continue;
		const group = share?.sharedToGroup ?? (id === invitedGroup?.id ? invitedGroup : undefined);
		const name =
			id === recipient.id
				? nameOf(recipient)
				: (share?.sharedToUser?.displayName ?? group?.name ?? id);
		const role = id === ownerId ? 'owner' : (ROLE_NAMES[access] ?? String(access));
		const note =
			id === leaver.id
				? 'the leaver (disabled)'
				: id === recipient.id
					? 'the recipient'
					: undefined;
		list.push({ id, name, kind: group ? 'group' : 'user', role, ...(note ? { note } : {}) });
	}
	list.push({
		name: 'Every DocSpace admin',
		kind: 'docSpaceAdmins',
		role: 'viewer',
		note: 'DocSpace admins can open every room',
	});
	return list;
}

export function archiveSummary(plan: ArchivePlan): IDataObject | undefined {
	if (!plan.workspace || !plan.room) return undefined;
	return {
		workspace: { id: plan.workspace.id, title: plan.workspace.title },
		room: { ...plan.room },
		visibleTo: plan.visibleTo as unknown as IDataObject[],
	};
}
