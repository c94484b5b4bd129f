import type { Ctx, Route } from '../http';
import { ApiError, paging, requireAdmin, ValidationError } from '../http';
import type { AuditEvent, LoginEvent } from '../model';
import { FOLDER_TYPE } from '../model';

const LAST = 20;

function date(ctx: Ctx, name: string): number | undefined {
	const raw = ctx.query.get(name);
	if (!raw) return undefined;
	const ms = Date.parse(raw);
	if (Number.isNaN(ms)) throw new ValidationError({ [name]: [`The value '${raw}' is not valid.`] });
	return ms;
}

function newestFirst<T extends { date: string; id: number }>(events: T[]): T[] {
	return [...events].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
}

function filterEvents<T extends AuditEvent | LoginEvent>(ctx: Ctx, events: T[], match: (e: T) => boolean): T[] {
	// Without the audit option in the plan, the server silently answers with the 20 newest events.
	if (!ctx.state.auditInPlan) return newestFirst(events).slice(0, LAST);
	const { count, startIndex } = paging(ctx);
	const from = date(ctx, 'from');
	const to = date(ctx, 'to');
	const userId = ctx.query.get('userId')?.toLowerCase();
	const action = Number(ctx.query.get('action') ?? 0);
	const selected = events.filter((e) => {
		const at = Date.parse(e.date);
		if (from !== undefined && at < from) return false;
		if (to !== undefined && at > to) return false;
		if (userId && e.userId !== userId) return false;
		if (action > 0 && e.actionId !== action) return false;
		return match(e);
	});
	return newestFirst(selected).slice(startIndex, startIndex + count);
}

function report(ctx: Ctx, title: string, actionId: number) {
	requireAdmin(ctx);
	if (!ctx.state.auditInPlan) throw new ApiError(402, 'The option is not available on your current plan', 'ASC.Core.Billing.BillingException');
	const my = ctx.state.myDocuments(ctx.user.id);
	if (!my) throw new ApiError(403, 'Access denied', 'System.Security.SecurityException');
	const file = ctx.state.newEntry({ kind: 'file', title, parentId: my.id, createdBy: ctx.user.id, folderType: FOLDER_TYPE.DEFAULT, shares: {}, size: 4096 });
	ctx.state.recordAudit({ userId: ctx.user.id, actionId, actionType: 12, location: 29, product: 7, target: [String(file.id)], entries: [1], action: 'Report downloaded' });
	return { response: `${ctx.origin}/doceditor?fileid=${file.id}&options={"codePage":65001}` };
}

export const auditRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/security/audit/events/filter',
		handler: (ctx) => {
			requireAdmin(ctx);
			const q = ctx.query;
			const events = filterEvents(ctx, ctx.state.audit, (e) => {
				if (q.get('actionType') && e.actionType !== Number(q.get('actionType'))) return false;
				if (q.get('moduleType') && e.location !== Number(q.get('moduleType'))) return false;
				if (q.get('entryType') && !e.entries.includes(Number(q.get('entryType')))) return false;
				if (q.get('target') && !e.target.includes(String(q.get('target')).toLowerCase())) return false;
				return true;
			});
			return { response: events.map((e) => ctx.dto.auditEvent(e)) };
		},
	},
	{
		method: 'GET',
		pattern: '/security/audit/events/last',
		handler: (ctx) => {
			requireAdmin(ctx);
			return { response: newestFirst(ctx.state.audit).slice(0, LAST).map((e) => ctx.dto.auditEvent(e)) };
		},
	},
	{ method: 'POST', pattern: '/security/audit/events/report', handler: (ctx) => report(ctx, `AuditTrail_${Date.now()}.csv`, 6028) },
	{
		method: 'GET',
		pattern: '/security/audit/login/filter',
		handler: (ctx) => {
			requireAdmin(ctx);
			return { response: filterEvents(ctx, ctx.state.logins, () => true).map((e) => ctx.dto.loginEvent(e)) };
		},
	},
	{
		method: 'GET',
		pattern: '/security/audit/login/last',
		handler: (ctx) => {
			requireAdmin(ctx);
			return { response: newestFirst(ctx.state.logins).slice(0, LAST).map((e) => ctx.dto.loginEvent(e)) };
		},
	},
	{ method: 'POST', pattern: '/security/audit/login/report', handler: (ctx) => report(ctx, `LoginHistory_${Date.now()}.csv`, 6027) },
	{
		method: 'GET',
		pattern: '/security/audit/types',
		handler: (ctx) => {
			requireAdmin(ctx);
			return {
				response: {
					actions: ['LoginSuccess', 'LoginFail', 'Logout', 'UserCreated', 'UserUpdated', 'UserDeleted', 'UsersUpdatedStatus', 'UserDataReassigns', 'UserDataRemoving', 'FileMoved', 'FolderMoved', 'RoomArchived', 'RoomChangeOwner'],
					actionTypes: ['None', 'Create', 'Update', 'Delete', 'Link', 'Unlink', 'Attach', 'Detach', 'Send', 'Import', 'Export', 'UpdateAccess', 'Download', 'Upload', 'Copy', 'Move', 'Reassigns', 'Follow', 'Unfollow', 'Logout'],
					productTypes: ['Documents', 'Login', 'Settings', 'Contacts'],
					moduleTypes: ['None', 'Files', 'Folders', 'DocumentsSettings', 'Rooms', 'Settings', 'Contacts', 'Agents'],
					entryTypes: ['None', 'File', 'Folder', 'User', 'Group', 'Room', 'Tag', 'Agent'],
				},
			};
		},
	},
];
