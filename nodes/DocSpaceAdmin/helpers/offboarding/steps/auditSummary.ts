import { counted } from '../../names';
import type { IDataObject } from 'n8n-workflow';

import { AUDIT_ACTION, AUDIT_ENTRY } from '../../../api/codes';
import type { AuditEventDto } from '../../../api/audit';
import { readEvents } from '../../audit';
import type { Portal, Step } from './step';
import { nameOf } from './step';

/** The audit events that tell an offboarding's story. */
const OFFBOARDING_ACTIONS: number[] = [
	AUDIT_ACTION.USER_UPDATED,
	AUDIT_ACTION.USER_DELETED,
	AUDIT_ACTION.USERS_UPDATED_STATUS,
	AUDIT_ACTION.USERS_DELETED,
	AUDIT_ACTION.USER_DATA_REASSIGNS,
	AUDIT_ACTION.USER_DATA_REMOVING,
];
const EVENTS_READ = 100;

/** The user's trail: what they did (as actor) and what was done to them (as target). */
async function readTrail({ ctx, itemIndex }: Portal, userId: string): Promise<IDataObject> {
	try {
		const asActor = (await readEvents(
			ctx,
			'events',
			{ userId },
			EVENTS_READ,
			itemIndex,
		)) as AuditEventDto[];
		const asTarget = (await readEvents(
			ctx,
			'events',
			{ target: userId, entryType: AUDIT_ENTRY.USER },
			EVENTS_READ,
			itemIndex,
		)) as AuditEventDto[];
		const byAction: Record<string, number> = {};
		for (const e of asActor) {
			const action = String(e.action ?? e.actionId);
			byAction[action] = (byAction[action] ?? 0) + 1;
		}
		return {
			available: true,
			eventsByUser: asActor.length,
			lastActivity: asActor[0]?.date,
			byAction,
			offboardingEvents: asTarget
				.filter((e) => OFFBOARDING_ACTIONS.includes(e.actionId ?? 0))
				.map((e) => ({ date: e.date, action: e.action, by: e.user })),
		};
	} catch (error) {
		return { available: false, reason: (error as Error).message };
	}
}

export const auditSummary = {
	name: 'auditSummary',
	title: 'Summarise their audit trail (reads only)',
	destructive: false,
	settings: [],
	plan: (state) => ({
		status: 'pending',
		detail: state.deletedOn
			? 'Summarise the audit trail (reads only)'
			: `Summarise the audit trail of ${nameOf(state.user)} (reads only)`,
	}),
	async run(portal, state) {
		state.audit = await readTrail(portal, state.user.id);
		return state.audit.available
			? `${counted(Number(state.audit.eventsByUser), 'event')} by the user`
			: `Audit trail not available: ${String(state.audit.reason)}`;
	},
} satisfies Step<'auditSummary'>;
