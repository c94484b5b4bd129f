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
