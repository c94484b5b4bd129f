import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireId } from './validate';
import { apiRequestAllItems } from '../transport';
import { compact, readLimit } from './values';

export interface AuditEventDto {
	id: number;
	date: string;
	userId?: string;
	actionId?: number;
	actionType?: number;
	location?: number;
	target?: string[];
	[key: string]: unknown;
}

export interface AuditFilter {
	userId?: string;
	action?: number;
	actionType?: number;
	moduleType?: number;
	target?: string;
	from?: string;
	to?: string;
}

function isoDate(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = Date.parse(String(value));
	if (Number.isNaN(ms)) {
		throw new NodeOperationError(ctx.getNode(), `Invalid value in the parameter '${label}' [item ${itemIndex}]`, {
			description: 'Enter a date and time, e.g. 2026-11-01T00:00:00Z, or pick one.',
			itemIndex,
		});
	}
	return new Date(ms).toISOString();
}

/** The node's filter fields, validated, as DocSpace's query parameters. */
export function readAuditFilter(ctx: IExecuteFunctions, filters: IDataObject, itemIndex: number): AuditFilter {
	const node = ctx.getNode();
	const filter: AuditFilter = {};
	if (filters.userId) filter.userId = requireId(node, 'user', filters.userId, 'Actor User ID', itemIndex);
	if (filters.action) filter.action = Number(filters.action);
	if (filters.actionType) filter.actionType = Number(filters.actionType);
	if (filters.moduleType) filter.moduleType = Number(filters.moduleType);
	if (typeof filters.target === 'string' && filters.target.trim()) filter.target = filters.target.trim();
	filter.from = isoDate(ctx, filters.from, 'From', itemIndex);
	filter.to = isoDate(ctx, filters.to, 'To', itemIndex);
	return compact(filter);
}

function matches(event: AuditEventDto, filter: AuditFilter): boolean {
	const at = Date.parse(event.date);
	if (filter.userId && event.userId?.toLowerCase() !== filter.userId.toLowerCase()) return false;
	if (filter.action && event.actionId !== filter.action) return false;
	if (filter.actionType && event.actionType !== filter.actionType) return false;
	if (filter.moduleType && event.location !== filter.moduleType) return false;
	if (filter.target && !(event.target ?? []).map((t) => t.toLowerCase()).includes(filter.target.toLowerCase())) return false;
	if (filter.from && at < Date.parse(filter.from)) return false;
	if (filter.to && at > Date.parse(filter.to)) return false;
	return true;
}

/**
 * Reads audit or login events, newest first. When the portal's plan lacks the audit
 * trail, DocSpace ignores every filter and answers with its latest 20 events; that is
 * detected here and reported instead of being passed on as filtered data.
 */
export async function readEvents(
	ctx: IExecuteFunctions,
	kind: 'events' | 'login',
	filter: AuditFilter,
	limit: number | undefined,
	itemIndex: number,
): Promise<AuditEventDto[]> {
	const events = (await apiRequestAllItems.call(
		ctx,
		{
			method: 'GET',
			path: ['security', 'audit', kind, 'filter'],
			qs: filter as IDataObject,
			error: { action: kind === 'events' ? 'read the audit trail' : 'read the login history', requiredRole: 'a DocSpace admin or the owner', itemIndex },
		},
		limit,
	)) as AuditEventDto[];
	const filtered = Object.keys(filter).length > 0;
	if (filtered && events.some((event) => !matches(event, filter))) {
		throw new NodeOperationError(ctx.getNode(), `DocSpace ignored the filters and returned its latest events instead [item ${itemIndex}]`, {
			description:
				'This happens when the portal’s plan does not include the audit trail: DocSpace then answers every filtered request with the 20 newest events. Upgrade the plan (DocSpace → Payments) or remove the filters to read those latest events.',
			itemIndex,
		});
	}
	return events;
}

/** Get Events and Get Login Events: Return All / Limit and the filters from the node's parameters. */
export async function eventsFromParameters(ctx: IExecuteFunctions, kind: 'events' | 'login', itemIndex: number): Promise<IDataObject[]> {
	const filter = readAuditFilter(ctx, ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject, itemIndex);
	return (await readEvents(ctx, kind, filter, readLimit(ctx, itemIndex), itemIndex)) as IDataObject[];
}
