import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AuditEventDto, AuditFilter, EventKind } from '../api/audit';
import { listAuditEvents } from '../api/audit';
import { requireId } from './validate';
import { compact } from './values';

/** What DocSpace answers to any filter when the plan lacks the audit trail (SecurityController.GetLastAuditEvents). */
const LATEST_EVENTS = 20;

/** The filters DocSpace ignores when Action is set, with their labels in the node. */
const IGNORED_WITH_ACTION = {
	actionType: 'Action Type',
	moduleType: 'Module',
	entryType: 'Entry Type',
} as const;

function isoDate(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = Date.parse(String(value));
	if (Number.isNaN(ms)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid value in the parameter '${label}' [item ${itemIndex}]`,
			{
				description: 'Enter a date and time, e.g. 2026-11-01T00:00:00Z, or pick one.',
				itemIndex,
			},
		);
	}
	return new Date(ms).toISOString();
}

/** The node's filter fields, validated, as DocSpace's query parameters. */
export function readAuditFilter(
	ctx: IExecuteFunctions,
	filters: IDataObject,
	itemIndex: number,
): AuditFilter {
	const node = ctx.getNode();
	const filter: AuditFilter = {};
	if (filters.userId)
		filter.userId = requireId(node, 'user', filters.userId, 'Actor User ID', itemIndex);
	if (filters.action) filter.action = Number(filters.action);
	if (filters.actionType) filter.actionType = Number(filters.actionType);
	if (filters.moduleType) filter.moduleType = Number(filters.moduleType);
	if (filters.entryType) filter.entryType = Number(filters.entryType);
	if (typeof filters.target === 'string' && filters.target.trim())
		filter.target = filters.target.trim();
	filter.from = isoDate(ctx, filters.from, 'From', itemIndex);
	filter.to = isoDate(ctx, filters.to, 'To', itemIndex);
	return compact(filter);
}

/** 'A', 'B' and 'C' */
function quoted(labels: string[]): string {
	const names = labels.map((label) => `'${label}'`);
	const last = names.pop() as string;
	return names.length ? `${names.join(', ')} and ${last}` : last;
}

interface UnusedFilter {
	labels: string[];
	problem: string;
	description: string;
}

/**
 * The filters of this query DocSpace would silently skip (AuditEventsRepository.GetByFilterWithActionsAsync):
 * with Action set, Action Type, Module and Entry Type play no part; without it, Target and Entry Type
 * filter only together.
 */
function unusedFilters(filter: AuditFilter): UnusedFilter | undefined {
	if (filter.action) {
		const labels = Object.entries(IGNORED_WITH_ACTION)
			.filter(([key]) => filter[key as keyof AuditFilter] !== undefined)
			.map(([, label]) => label);
		if (!labels.length) return undefined;
		return {
			labels,
			problem: "cannot be combined with 'Action'",
			description:
				'DocSpace ignores them when Action is set, so the events would not be filtered by them. Remove them, or clear Action.',
		};
	}
	if (filter.target && !filter.entryType) {
		return {
			labels: ['Target'],
			problem: "filters nothing without 'Action' or 'Entry Type'",
			description:
				'DocSpace matches Target only together with an Action (events with exactly this target) or an Entry Type (events about that kind of item whose target contains the ID). Add an Action or Entry Type filter, e.g. Entry Type "User" for a user ID.',
		};
	}
	if (filter.entryType && !filter.target) {
		return {
			labels: ['Entry Type'],
			problem: "filters nothing without 'Target'",
			description:
				'DocSpace filters by Entry Type only together with a Target. Add the ID of the user, group, room, folder or file as Target, or remove Entry Type.',
		};
	}
	return undefined;
}

function unusedFilterError(
	ctx: IExecuteFunctions,
	{ labels, problem, description }: UnusedFilter,
	itemIndex: number,
): NodeOperationError {
	const parameters = `The parameter${labels.length > 1 ? 's' : ''} ${quoted(labels)}`;
	return new NodeOperationError(ctx.getNode(), `${parameters} ${problem} [item ${itemIndex}]`, {
		description,
		itemIndex,
	});
}

function targetOf(event: AuditEventDto): string[] {
	return (event.target ?? []).map((t) => String(t).toLowerCase());
}

/**
 * Action set (branch A): that action and, with Target, a stored target equal to it. Checked leniently,
 * as Target among the returned items, so an unexpected storage format cannot raise a false alarm.
 */
function byAction(event: AuditEventDto, filter: AuditFilter): boolean {
	return (
		event.actionId === filter.action &&
		(!filter.target || targetOf(event).includes(filter.target.toLowerCase()))
	);
}

/** No action: module, action type, and entry type with Target as a substring of the stored target (branch B). */
function byCategory(event: AuditEventDto, filter: AuditFilter): boolean {
	if (filter.moduleType && event.location !== filter.moduleType) return false;
	if (filter.actionType && event.actionType !== filter.actionType) return false;
	if (!filter.entryType || !filter.target) return true;
	return (
		(event.entries ?? []).includes(filter.entryType) &&
		targetOf(event).join(',').includes(filter.target.toLowerCase())
	);
}

/** Whether DocSpace's filtered query could have returned the event: only the filters it applies to this query. */
function passes(event: AuditEventDto, filter: AuditFilter): boolean {
	const at = Date.parse(event.date);
	if (filter.userId && event.userId?.toLowerCase() !== filter.userId.toLowerCase()) return false;
	if (filter.from && at < Date.parse(filter.from)) return false;
	if (filter.to && at > Date.parse(filter.to)) return false;
	return filter.action ? byAction(event, filter) : byCategory(event, filter);
}

/**
 * Reads audit or login events, newest first. When the portal's plan lacks the audit
 * trail, DocSpace ignores every filter and answers with its latest 20 events; that is
 * detected here (events the filters exclude, and no more than 20 of them) and reported
 * instead of being passed on as filtered data.
 */
export async function readEvents(
	ctx: IExecuteFunctions,
	kind: EventKind,
	filter: AuditFilter,
	limit: number | undefined,
	itemIndex: number,
): Promise<AuditEventDto[]> {
	const unused = kind === 'events' ? unusedFilters(filter) : undefined;
	if (unused) throw unusedFilterError(ctx, unused, itemIndex);
	const events = await listAuditEvents(ctx, kind, filter, limit, itemIndex);
	if (events.length <= LATEST_EVENTS && events.some((event) => !passes(event, filter))) {
		throw new NodeOperationError(
			ctx.getNode(),
			`DocSpace ignored the filters and returned its latest events instead [item ${itemIndex}]`,
			{
				description:
					'This happens when the portal’s plan does not include the audit trail: DocSpace then answers every filtered request with the 20 newest events. Upgrade the plan (DocSpace → Payments) or remove the filters to read those latest events.',
				itemIndex,
			},
		);
	}
	return events;
}
