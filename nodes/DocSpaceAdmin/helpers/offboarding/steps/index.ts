import { archiveAccess } from './archiveAccess';
import { archiveTheRoom } from './archiveTheRoom';
import { auditSummary } from './auditSummary';
import { createArchiveRoom } from './createArchiveRoom';
import { disable } from './disable';
import { finalize } from './finalize';
import { leaveGroups } from './leaveGroups';
import { leaveRooms } from './leaveRooms';
import { moveWorkspace } from './moveWorkspace';
import { reassign } from './reassign';
import { revokeKeysAndApps } from './revokeKeysAndApps';
import { storeReport } from './storeReport';
import type { Step } from './step';

const ORDER = [
	disable,
	reassign,
	leaveGroups,
	leaveRooms,
	revokeKeysAndApps,
	createArchiveRoom,
	archiveAccess,
	moveWorkspace,
	finalize,
	auditSummary,
	// The report goes in before the room is archived: an archived room accepts no new file.
	storeReport,
	archiveTheRoom,
] as const satisfies readonly Step[];

export type StepName = (typeof ORDER)[number]['name'];
/** The offboarding's steps, in the only order they may run: Preview, Run and the notice loop over it. */
export const STEPS: ReadonlyArray<Step<StepName>> = ORDER;
export type { Portal, Step, StepPlan } from './step';
