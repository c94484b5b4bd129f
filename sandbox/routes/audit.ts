import type { Ctx, Route } from '../http';
import { ApiError, paging, requireAdmin, ValidationError } from '../http';
import type { AuditEvent, LoginEvent } from '../model';
import { FOLDER_TYPE } from '../model';

/*
 * Audit trail and login history filters as DocSpace-server applies them:
 * web/ASC.Web.Api/Api/SecurityController.cs (GetAuditEventsByFilter, GetLoginEventsByFilter: plan branch),
 * common/services/ASC.AuditTrail/Repositories/AuditEventsRepository.cs (GetByFilterWithActionsAsync) and
 * LoginEventsRepository.cs (GetByFilterAsync): the filters.
 */

/** GetLastAuditEvents / GetLastLoginEvents answer with this many events. */
const LAST = 20;
/** TenantAuditSettings.MaxLifeTime: the default audit trail lifetime, in days. */
const AUDIT_LIFETIME_DAYS = 180;
/** MessageAction.None; the controller maps `action=0` to it. */
const ACTION_NONE = -1;
/** None of LocationType, ActionType and EntryType: no filter. */
const NONE = 0;

type Matcher<T> = (event: T) => boolean;

function date(ctx: Ctx, name: string): number | undefined {
	const raw = ctx.query.get(name);
	if (!raw) return undefined;
	const ms = Date.parse(raw);
	if (Number.isNaN(ms)) throw new ValidationError({ [name]: [`The value '${raw}' is not valid.`] });
	return ms;
}

function enumParam(ctx: Ctx, name: string): number {
	const raw = ctx.query.get(name);
	if (!raw) return NONE;
	const value = Number(raw);
	if (!Number.isInteger(value))
		throw new ValidationError({ [name]: [`The value '${raw}' is not valid.`] });
	return value;
}

/** `action` absent, 0 or -1: no action filter (SecurityController.GetAuditEventsByFilter: `Action == 0 ? None`). */
function actionParam(ctx: Ctx): number | undefined {
	const action = enumParam(ctx, 'action');
	return action === NONE || action === ACTION_NONE ? undefined : action;
}

/**
 * The raw Target column: the ids joined by ',' (AuditEventDto splits it back into `target`). Compared
 * case-insensitively, as DocSpace's utf8_general_ci MySQL columns do (assumed for audit_events).
 */
function storedTarget(event: AuditEvent): string {
	return event.target.join(',').toLowerCase();
}

function newestFirst<T extends { date: string; id: number }>(events: T[]): T[] {
	return [...events].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
}

/** userId, from, to: the same in both repositories; a bound counts only when given. */
function actorAndPeriod(ctx: Ctx): Matcher<AuditEvent | LoginEvent> {
	const from = date(ctx, 'from');
	const to = date(ctx, 'to');
	const userId = ctx.query.get('userId')?.toLowerCase();
	return (e) => {
		const at = Date.parse(e.date);
		return (
			(!userId || e.userId === userId) &&
			(from === undefined || at >= from) &&
			(to === undefined || at <= to)
		);
	};
}

/**
 * AuditEventsRepository.GetByFilterWithActionsAsync. With an action: that action and, if `target` is
 * given, the stored target equal to it; moduleType, actionType and entryType are ignored. Without:
 * moduleType keeps the actions of that location, actionType the actions of that type, and entryType
 * with target (FindByEntry) the actions about that entry type whose stored target contains `target`;
 * target alone and entryType alone filter nothing. Not modelled: the mapper lookup for moduleType
 * (which may throw on the server) and actions without a mapper.
 */
function auditMatcher(ctx: Ctx): Matcher<AuditEvent> {
	const action = actionParam(ctx);
	const target = ctx.query.get('target')?.toLowerCase() || undefined;
	if (action !== undefined)
		return (e) => e.actionId === action && (target === undefined || storedTarget(e) === target);
	const moduleType = enumParam(ctx, 'moduleType');
	const actionType = enumParam(ctx, 'actionType');
	const entryType = enumParam(ctx, 'entryType');
	const byEntry = entryType !== NONE && target !== undefined;
	return (e) =>
		(moduleType === NONE || e.location === moduleType) &&
		(actionType === NONE || e.actionType === actionType) &&
		(!byEntry || (e.entries.includes(entryType) && storedTarget(e).includes(target)));
}

/** LoginEventsRepository.GetByFilterAsync: one exact action. */
function loginMatcher(ctx: Ctx): Matcher<LoginEvent> {
	const action = actionParam(ctx);
	return (e) => action === undefined || e.actionId === action;
}

/** The newest 20 events, within the retention window if there is one (GetLastAuditEvents / GetLastLoginEvents). */
function latest<T extends AuditEvent | LoginEvent>(events: T[], lifetimeDays?: number): T[] {
	const since = lifetimeDays === undefined ? -Infinity : Date.now() - lifetimeDays * 86_400_000;
	return newestFirst(events.filter((e) => Date.parse(e.date) >= since)).slice(0, LAST);
}

/**
 * SecurityController.GetAuditEventsByFilter / GetLoginEventsByFilter: the query is bound (and validated,
 * 400) before the action demands an admin (403); without the audit option in the plan the answer is the latest events, every filter and paging
 * ignored. Otherwise the filters, newest first, then Skip/Take.
 */
function filterEvents<T extends AuditEvent | LoginEvent>(
	ctx: Ctx,
	events: T[],
	matches: Matcher<T>,
	lifetimeDays?: number,
): T[] {
	const { count, startIndex } = paging(ctx);
	const inScope = actorAndPeriod(ctx);
	requireAdmin(ctx);
	if (!ctx.state.auditInPlan) return latest(events, lifetimeDays);
	return newestFirst(events.filter((e) => inScope(e) && matches(e))).slice(
		startIndex,
		startIndex + count,
	);
}

function report(ctx: Ctx, title: string, actionId: number) {
	requireAdmin(ctx);
	if (!ctx.state.auditInPlan)
		throw new ApiError(
			402,
			'The option is not available on your current plan',
			'ASC.Core.Billing.BillingException',
		);
	const my = ctx.state.myDocuments(ctx.user.id);
	if (!my) throw new ApiError(403, 'Access denied', 'System.Security.SecurityException');
	const file = ctx.state.newEntry({
		kind: 'file',
		title,
		parentId: my.id,
		createdBy: ctx.user.id,
		folderType: FOLDER_TYPE.DEFAULT,
		shares: {},
		size: 4096,
	});
	ctx.state.recordAudit({
		userId: ctx.user.id,
		actionId,
		actionType: 12,
		location: 29,
		product: 7,
		target: [String(file.id)],
		entries: [1],
		action: 'Report downloaded',
	});
	return { response: `${ctx.origin}/doceditor?fileid=${file.id}&options={"codePage":65001}` };
}

export const auditRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/security/audit/events/filter',
		handler: (ctx) => ({
			response: filterEvents(ctx, ctx.state.audit, auditMatcher(ctx), AUDIT_LIFETIME_DAYS).map(
				(e) => ctx.dto.auditEvent(e),
			),
		}),
	},
	{
		method: 'GET',
		pattern: '/security/audit/events/last',
		handler: (ctx) => {
			requireAdmin(ctx);
			return {
				response: latest(ctx.state.audit, AUDIT_LIFETIME_DAYS).map((e) => ctx.dto.auditEvent(e)),
			};
		},
	},
	{
		method: 'POST',
		pattern: '/security/audit/events/report',
		handler: (ctx) => report(ctx, `AuditTrail_${Date.now()}.csv`, 6028),
	},
	{
		method: 'GET',
		pattern: '/security/audit/login/filter',
		handler: (ctx) => ({
			response: filterEvents(ctx, ctx.state.logins, loginMatcher(ctx)).map((e) =>
				ctx.dto.loginEvent(e),
			),
		}),
	},
	{
		method: 'GET',
		pattern: '/security/audit/login/last',
		handler: (ctx) => {
			requireAdmin(ctx);
			return { response: latest(ctx.state.logins).map((e) => ctx.dto.loginEvent(e)) };
		},
	},
	{
		method: 'POST',
		pattern: '/security/audit/login/report',
		handler: (ctx) => report(ctx, `LoginHistory_${Date.now()}.csv`, 6027),
	},
	{
		method: 'GET',
		pattern: '/security/audit/types',
		handler: (ctx) => {
			requireAdmin(ctx);
			return {
				response: {
					actions: [
						'LoginSuccess',
						'LoginFail',
						'Logout',
						'UserCreated',
						'UserUpdated',
						'UserDeleted',
						'UsersUpdatedStatus',
						'UserDataReassigns',
						'UserDataRemoving',
						'FileMoved',
						'FolderMoved',
						'RoomArchived',
						'RoomChangeOwner',
					],
					actionTypes: [
						'None',
						'Create',
						'Update',
						'Delete',
						'Link',
						'Unlink',
						'Attach',
						'Detach',
						'Send',
						'Import',
						'Export',
						'UpdateAccess',
						'Download',
						'Upload',
						'Copy',
						'Move',
						'Reassigns',
						'Follow',
						'Unfollow',
						'Logout',
					],
					productTypes: ['Documents', 'Login', 'Settings', 'Contacts'],
					moduleTypes: [
						'None',
						'Files',
						'Folders',
						'DocumentsSettings',
						'Rooms',
						'Settings',
						'Contacts',
						'Agents',
					],
					entryTypes: ['None', 'File', 'Folder', 'User', 'Group', 'Room', 'Tag', 'Agent'],
				},
			};
		},
	},
];
