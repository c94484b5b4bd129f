import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { readEvents } from '../audit';
import type { EmployeeFull } from '../../api/dto';
import { userType } from '../names';
import type { UserRef } from '../users';
import { fetchUser, isActiveAdminOrRoomAdmin, isDisabled } from '../users';
import { AUDIT_ACTION, HTTP, httpCodeOf } from '../../api/codes';
import { emptyArchive } from './archive';
import { selfOnce, userOnce } from './sharedReads';
import type { Portal, StepName } from './steps';
import { STEPS } from './steps';
import { nameOf } from './steps/step';
import type {
	AccessFacts,
	FinalStep,
	OffboardingSettings,
	OffboardingState,
	StepStatus,
} from './types';

export type { FinalStep, OffboardingSettings, StepName };

/** Who leaves, who receives, and how: everything the operations read from their parameters. */
export interface OffboardingInput {
	user: UserRef;
	recipient: UserRef;
	settings: OffboardingSettings;
}

export interface PlannedStep {
	step: StepName;
	status: StepStatus;
	detail: string;
}

/** Everything Preview shows and Run acts on; built from reads only. */
export interface Plan extends OffboardingState {
	/** One per step of `STEPS`, in its order. */
	steps: PlannedStep[];
	warnings: string[];
	/** Reasons the plan cannot run at all. */
	blockers: string[];
}

/** Whether the plan still has the step to do. */
export const isPending = (plan: Plan, step: StepName): boolean =>
	plan.steps.some((s) => s.step === step && s.status === 'pending');

/** What DocSpace would refuse for this leaver, recipient and credential (UserController, ReassignController). */
function peopleBlockers(
	user: EmployeeFull,
	recipient: EmployeeFull,
	self: EmployeeFull,
	finalStep: FinalStep,
): string[] {
	const name = nameOf(user);
	const blockers: string[] = [];
	if (user.isOwner)
		blockers.push('The portal owner cannot be offboarded. Transfer portal ownership first.');
	if (user.id === self.id)
		blockers.push(
			'The credential’s own user cannot be offboarded with it: DocSpace refuses to disable or reassign the caller. Use another admin’s credential.',
		);
	if (user.isAdmin && !user.isOwner && !self.isOwner)
		blockers.push(
			`${name} is a DocSpace admin: only the portal owner may disable them and hand over their data. Use the owner’s credential.`,
		);
	if (user.isLDAP && !isDisabled(user))
		blockers.push(
			`${name} signs in through LDAP: DocSpace refuses to disable LDAP users. Disable them in your LDAP directory, then run again.`,
		);
	if (user.isLDAP && finalStep === 'deleteProfile')
		blockers.push(
			`${name} signs in through LDAP: DocSpace refuses to delete LDAP users. Choose "Keep the Disabled Profile".`,
		);
	if (user.id === recipient.id)
		blockers.push('The recipient must be someone else than the departing user.');
	if (!isActiveAdminOrRoomAdmin(recipient))
		blockers.push(
			`${nameOf(recipient)} cannot receive data: choose an active DocSpace admin or room admin.`,
		);
	return blockers;
}

const noAccess = (): AccessFacts => ({
	groups: [],
	managed: [],
	rooms: [],
	keptRooms: [],
	keys: [],
	clients: [],
});

/** The leaver, or (by user ID) the date an earlier run deleted the profile. */
async function readLeaver(
	{ ctx, itemIndex }: Portal,
	ref: UserRef,
): Promise<{ user: EmployeeFull; deletedOn?: string }> {
	try {
		return { user: await fetchUser(ctx, ref, 'User', itemIndex) };
	} catch (error) {
		const userId = 'id' in ref ? ref.id : undefined;
		const deletedOn =
			userId && httpCodeOf(error) === HTTP.NOT_FOUND
				? await deletionDate({ ctx, itemIndex } as Portal, userId)
				: undefined;
		if (!userId || !deletedOn) throw new NodeApiError(ctx.getNode(), error as JsonObject);
		return { user: { id: userId, displayName: userId }, deletedOn };
	}
}

/** Reads what every step needs, then asks each step what it will do: no writes. */
export async function buildPlan(portal: Portal, input: OffboardingInput): Promise<Plan> {
	const { settings } = input;
	const recipient = await userOnce(portal, input.recipient, 'Recipient');
	const self = await selfOnce(portal);
	const { user, deletedOn } = await readLeaver(portal, input.user);
	const successor =
		settings.newGroupManagerId && !deletedOn
			? await userOnce(portal, { id: settings.newGroupManagerId }, 'New Group Manager ID')
			: recipient;
	const state: OffboardingState = {
		user,
		recipient,
		self,
		successor,
		settings,
		deletedOn,
		access: noAccess(),
		archive: emptyArchive(),
	};
	for (const step of STEPS) await step.read?.(portal, state);
	const blockers = deletedOn ? [] : peopleBlockers(user, recipient, self, settings.finalStep);
	const warnings: string[] = [];
	const steps = STEPS.map((step): PlannedStep => {
		const planned = step.plan(state);
		blockers.push(...(planned.blockers ?? []));
		warnings.push(...(planned.warnings ?? []));
		return { step: step.name, status: planned.status, detail: planned.detail };
	});
	return Object.assign(state, { steps, blockers, warnings });
}

export function planSummary(plan: Plan): IDataObject {
	const { user, recipient, self } = plan;
	return {
		user: {
			id: user.id,
			displayName: user.displayName,
			email: user.email,
			status: isDisabled(user) ? 'disabled' : 'active',
			type: userType(user),
			profileUrl: user.profileUrl,
		},
		recipient: { id: recipient.id, displayName: recipient.displayName, email: recipient.email },
		ranAs: { id: self.id, displayName: self.displayName, type: userType(self) },
		...Object.assign({}, ...STEPS.map((step) => step.summary?.(plan) ?? {})),
	};
}

async function deletionDate(
	{ ctx, itemIndex }: Portal,
	userId: string,
): Promise<string | undefined> {
	try {
		const [event] = await readEvents(
			ctx,
			'events',
			{ action: AUDIT_ACTION.USER_DELETED, target: userId },
			1,
			itemIndex,
		);
		return event?.date;
	} catch {
		return undefined;
	}
}
