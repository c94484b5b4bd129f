import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { callApi, callApiAllPages } from '../transport';

/** One function per audit-trail call (`security/audit`, ASC.AuditTrail). */

/** The fields of AuditEventDto / LoginEventDto the node reads. */
export interface AuditEventDto {
	id: number;
	date: string;
	userId?: string;
	actionId?: number;
	actionType?: number;
	location?: number;
	target?: string[];
	entries?: number[];
	[key: string]: unknown;
}

/** Query of `security/audit/{events|login}/filter`; login history takes only userId, action, from and to. */
export interface AuditFilter {
	userId?: string;
	action?: number;
	actionType?: number;
	moduleType?: number;
	entryType?: number;
	target?: string;
	from?: string;
	to?: string;
}

/** The audit trail (`events`) or the login history (`login`). */
export type EventKind = 'events' | 'login';

const AUDIT_ROLE = 'a DocSpace admin or the owner';

/** `GET security/audit/{kind}/filter`, newest first, `limit` events (undefined: all). */
export async function listAuditEvents(
	ctx: IExecuteFunctions,
	kind: EventKind,
	filter: AuditFilter,
	limit: number | undefined,
	itemIndex: number,
): Promise<AuditEventDto[]> {
	return await callApiAllPages<AuditEventDto>(
		ctx,
		{
			method: 'GET',
			path: ['security', 'audit', kind, 'filter'],
			qs: filter as IDataObject,
			error: {
				action: kind === 'events' ? 'read the audit trail' : 'read the login history',
				requiredRole: AUDIT_ROLE,
				itemIndex,
			},
		},
		limit,
	);
}

/** `POST security/audit/{kind}/report`: a CSV in the caller's "My documents"; returns the link to it. */
export async function createAuditReport(
	ctx: IExecuteFunctions,
	kind: EventKind,
	itemIndex: number,
): Promise<string | undefined> {
	const envelope = await callApi<string>(ctx, {
		method: 'POST',
		path: ['security', 'audit', kind, 'report'],
		error: { action: 'create the report', requiredRole: AUDIT_ROLE, itemIndex },
	});
	return envelope.response;
}
