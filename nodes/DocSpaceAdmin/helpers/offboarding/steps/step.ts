import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EmployeeFull } from '../../../api/dto';
import type { WaitSettings } from '../../poller/waitSettings';
import type { SharedReads } from '../sharedReads';
import type { OffboardingSettings, OffboardingState, StepStatus } from '../types';

/** Where a step reads and writes: the node's context, the item, and how long a job may take. */
export interface Portal {
	ctx: IExecuteFunctions;
	itemIndex: number;
	wait: WaitSettings;
	/** What the plans of this node execution read once for all leavers (see sharedReads). */
	reads?: SharedReads;
}

/** What Preview says of a step, and what it found that stops or worries the run. */
export interface StepPlan {
	status: StepStatus;
	detail: string;
	blockers?: string[];
	warnings?: string[];
}

/** One step of the offboarding, all of it in one place; `STEPS` (./index) lists them in order. */
export interface Step<Name extends string = string> {
	name: Name;
	/** What a person reads for the step. */
	title: string;
	/** Changes or erases data: never runs after a failed step. */
	destructive: boolean;
	/** The settings that decide whether and how it runs. */
	settings: ReadonlyArray<keyof OffboardingSettings>;
	/** Reads from the portal what its plan needs, into the state; reads only. */
	read?(portal: Portal, state: OffboardingState): Promise<void>;
	/** What Preview says, from the state alone. */
	plan(state: OffboardingState): StepPlan;
	/** Carries out a pending step; returns what was done. */
	run(portal: Portal, state: OffboardingState, planned: StepPlan): Promise<string>;
	/**
	 * Reads the portal back after `run` and says what it found; throws `ReadBackMismatch` when the
	 * portal does not show what the step claims (then the step failed, whatever DocSpace answered).
	 */
	verify?(portal: Portal, state: OffboardingState): Promise<string>;
	/** Its part of the summary that Preview and Run output. */
	summary?(state: OffboardingState): IDataObject;
}

export const nameOf = (user: EmployeeFull) => user.displayName ?? user.email ?? user.id;
export const quotedTitles = (entries: Array<{ title?: string; name?: string }>) =>
	entries.map((e) => `"${e.title ?? e.name}"`).join(', ');
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const isPortalAdmin = (user: EmployeeFull) => user.isOwner === true || user.isAdmin === true;
/** The wording of the memberships a deleted profile ended. */
export const MEMBERSHIPS_ENDED =
	'The profile is deleted, which ended its group and room memberships';
/** The wording of a step the deleted profile took with it. */
export const deletedOn = (state: OffboardingState) =>
	`The profile was deleted on ${state.deletedOn}`;

/** The portal, read back after a step, does not show what the step did. */
export class ReadBackMismatch extends Error {
	constructor(found: string) {
		super(`Read back, DocSpace shows ${found}`);
	}
}
