/**
 * Groups (products/ASC.People/Server/Api/GroupsController.cs, `GroupController`). Reads need
 * Action_ReadGroups (refused to guests); writes need Action_EditGroups + Action_AddRemoveUser, which in
 * practice only the owner and DocSpace admins hold. Members are `User.groups`; the manager is `Group.managerId`,
 * a separate ref, as in the server's UserGroup table (RefType Contains / Manager).
 */
import type { Ctx, Route } from '../http';
import { bodyList, denied, notFound, paging, requireAdmin } from '../http';
import type { Group, User } from '../model';
import { STATUS } from '../model';

const GROUP_NOT_FOUND = 'Group not found';
const USER_NOT_FOUND = 'The user could not be found';

/** DemandPermissionsAsync(Action_ReadGroups): denied to guests. */
function requireReader(ctx: Ctx): void {
	if (ctx.user.type === 'Guest') throw denied();
}

function groupOr404(ctx: Ctx, id: string): Group {
	const group = ctx.state.group(id);
	if (!group) throw notFound(GROUP_NOT_FOUND);
	return group;
}

/** GetGroups → UserManager.GetGroupsAsync → EFUserService.BuildUserGroupSearch (RefType Manager or Contains). */
function listGroups(ctx: Ctx) {
	requireReader(ctx);
	const { count, startIndex } = paging(ctx);
	let groups = [...ctx.state.groups];
	const userId = ctx.query.get('userId')?.toLowerCase();
	if (userId) {
		const user = ctx.state.user(userId);
		groups =
			ctx.query.get('manager') === 'true'
				? groups.filter((g) => g.managerId === userId)
				: groups.filter((g) => !!user?.groups.includes(g.id));
	}
	const text = ctx.query.get('filterValue')?.toLowerCase();
	if (text) groups = groups.filter((g) => g.name.toLowerCase().includes(text));
	groups.sort((a, b) => a.name.localeCompare(b.name));
	if (
		ctx.query.get('sortOrder') === '1' ||
		ctx.query.get('sortOrder')?.toLowerCase() === 'descending'
	)
		groups.reverse();
	return {
		response: groups.slice(startIndex, startIndex + count).map((g) => ctx.dto.group(g, ctx.user)),
		total: groups.length,
	};
}

/** UserManagerWrapper.ValidateUserAsync: an existing, not disabled, non-guest user. */
function mayManage(user: User): boolean {
	return user.status !== STATUS.Terminated && user.type !== 'Guest';
}

export const groupRoutes: Route[] = [
	{ method: 'GET', pattern: '/group', handler: listGroups },
	{
		method: 'GET',
		pattern: '/group/{id}',
		handler: (ctx) => {
			requireReader(ctx);
			const group = groupOr404(ctx, ctx.params.id);
			return {
				response: ctx.dto.group(group, ctx.user, ctx.query.get('includeMembers') === 'true'),
			};
		},
	},
	{
		method: 'GET',
		pattern: '/group/user/{userid}',
		handler: (ctx) => {
			// GetGroupByUserId → GetUserGroupsAsync: no status filter; an unknown user has no groups.
			requireReader(ctx);
			const user = ctx.state.user(ctx.params.userid);
			const groups = ctx.state.groups.filter((g) => !!user?.groups.includes(g.id));
			return { response: groups.map((g) => ctx.dto.groupSummary(g)) };
		},
	},
	{
		method: 'DELETE',
		pattern: '/group/{id}/members',
		handler: (ctx) => {
			// RemoveMembersFrom → RemoveUserFromDepartmentAsync: unknown ids skipped; only the Contains ref goes.
			requireAdmin(ctx);
			const group = groupOr404(ctx, ctx.params.id);
			for (const id of bodyList(ctx.body.members)) {
				const user = ctx.state.user(String(id));
				if (user) user.groups = user.groups.filter((g) => g !== group.id);
			}
			return { response: ctx.dto.group(group, ctx.user) };
		},
	},
	{
		method: 'PUT',
		pattern: '/group/{id}/manager',
		handler: (ctx) => {
			// SetGroupManager: 404s first, then TransferUserToDepartmentAsync returns silently for a guest or a
			// disabled user; otherwise the manager ref is replaced and the user is added as a member (EditGroups).
			const group = groupOr404(ctx, ctx.params.id);
			const user = ctx.state.user(
				typeof ctx.body.userId === 'string' ? ctx.body.userId : undefined,
			);
			if (!user) throw notFound(USER_NOT_FOUND);
			if (mayManage(user)) {
				requireAdmin(ctx);
				group.managerId = user.id;
				if (!user.groups.includes(group.id)) user.groups.push(group.id);
			}
			return { response: ctx.dto.group(group, ctx.user) };
		},
	},
];
