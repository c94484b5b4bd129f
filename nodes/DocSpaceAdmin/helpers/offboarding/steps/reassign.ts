import { TASK_STATUS } from '../../../api/codes';
import { getTaskProgress, startReassignment } from '../../../api/peopleTasks';
import { isTaskFinished, waitForTask } from '../../poller/waitForTask';
import { isArchived, reassignmentNeed, reassignmentOutcome } from '../../reassignment';
import { isDisabled } from '../../users';
import { ownedRooms, sharedReads } from '../sharedReads';
import { completed } from './jobs';
import type { Step } from './step';
import { deletedOn, nameOf, ReadBackMismatch } from './step';

export const reassign = {
	name: 'reassign',
	title: 'Hand over their rooms and shared files to the recipient, and wait',
	destructive: true,
	settings: [],
	async read(portal, state) {
		const { ctx, itemIndex } = portal;
		// DocSpace answers 403 to these reads for an admin leaver unless the caller is the owner.
		if (state.deletedOn || (state.user.isAdmin && !state.self.isOwner)) return;
		// Only a disabled user's data can be being reassigned (ReassignController.StartReassign).
		if (isDisabled(state.user))
			state.reassignTask = await getTaskProgress(ctx, 'reassign', state.user.id, itemIndex);
		const shared = sharedReads(portal).leavers > 1;
		state.need = await reassignmentNeed(
			ctx,
			state.user.id,
			itemIndex,
			shared ? await ownedRooms(portal, state.user.id) : undefined,
		);
	},
	plan(state) {
		if (state.deletedOn) return { status: 'alreadyDone', detail: deletedOn(state) };
		const { reassignTask: task, need } = state;
		const name = nameOf(state.user);
		if (task !== undefined && !isTaskFinished(task))
			return {
				status: 'pending',
				detail: `Wait for the running reassignment (${task.percentage}%)`,
			};
		if (need?.needed)
			return {
				status: 'pending',
				detail: `Hand over the rooms and shared files of ${name} to ${nameOf(state.recipient)}, and wait (${name} ${need.reasons.join('; ')})`,
			};
		return task?.status === TASK_STATUS.COMPLETED
			? { status: 'alreadyDone', detail: 'Data already reassigned' }
			: { status: 'skipped', detail: `${name} owns no rooms and shared no files` };
	},
	async run({ ctx, itemIndex, wait }, { user, recipient, reassignTask }) {
		// A start while one runs returns the running task (QueueWorker.StartAsync): never a second job.
		if (!reassignTask || isTaskFinished(reassignTask))
			await startReassignment(ctx, user.id, recipient.id, false, itemIndex);
		const result = await waitForTask(
			ctx,
			'reassign',
			user.id,
			'the reassignment',
			wait,
			itemIndex,
			undefined,
			reassignmentOutcome(ctx, user.id, itemIndex),
		);
		completed(result, 'The reassignment');
		return `Rooms and shared files handed to ${recipient.displayName ?? recipient.id}`;
	},
	async verify({ ctx, itemIndex }, { user }) {
		// ReassignController.NecessaryReassign with Type=Guest: active rooms, then shared entries.
		const left = await reassignmentNeed(ctx, user.id, itemIndex);
		if (left.needed)
			throw new ReadBackMismatch(`that ${nameOf(user)} still ${left.reasons.join('; ')}`);
		return `${nameOf(user)} owns no room and shares no file any more`;
	},
	summary: ({ need }) => ({
		ownedRooms: (need?.ownedRooms ?? []).map((r) => ({
			id: r.id,
			title: r.title,
			archived: isArchived(r),
		})),
		reassignment: need ? { needed: need.needed, reasons: need.reasons } : undefined,
	}),
} satisfies Step<'reassign'>;
