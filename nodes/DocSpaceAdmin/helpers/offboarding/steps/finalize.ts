import { HTTP, httpCodeOf } from '../../../api/codes';
import { deleteUser, getUserById } from '../../../api/people';
import { getTaskProgress, startRemoval } from '../../../api/peopleTasks';
import { isTaskFinished, waitForTask } from '../../poller/waitForTask';
import { removalOutcome } from '../../reassignment';
import { completed } from './jobs';
import type { Step, StepPlan } from './step';
import { deletedOn, nameOf, ReadBackMismatch } from './step';

const PRIVATE_FILES_WARNING =
	'Private files in the user’s "My documents" cannot be transferred by an admin: files they never shared are deleted with the profile. Ask the user to move or share what must be kept before they leave.';

export const finalize = {
	name: 'finalize',
	title: 'Optionally delete the profile, or erase their personal documents and delete it',
	destructive: true,
	settings: ['finalStep'],
	plan(state): StepPlan {
		if (state.deletedOn) return { status: 'alreadyDone', detail: deletedOn(state) };
		const name = nameOf(state.user);
		switch (state.settings.finalStep) {
			case 'keep':
				return { status: 'skipped', detail: 'The disabled profile is kept' };
			case 'deleteProfile':
				return {
					status: 'pending',
					detail: `Delete the profile of ${name} (their remaining personal files go with it)`,
					warnings: [PRIVATE_FILES_WARNING],
				};
			case 'removeData':
				return {
					status: 'pending',
					detail: `Erase the personal documents of ${name} and delete the profile`,
					warnings: [PRIVATE_FILES_WARNING],
				};
			default:
				throw new Error(`Unknown final step "${String(state.settings.finalStep)}"`);
		}
	},
	async run({ ctx, itemIndex, wait }, { user, settings }) {
		const name = user.displayName ?? user.id;
		// Never erase anything while DocSpace is still handing the data over.
		const task = await getTaskProgress(ctx, 'reassign', user.id, itemIndex);
		if (task && !isTaskFinished(task))
			throw new Error('The reassignment is still running; nothing was deleted');
		if (settings.finalStep === 'deleteProfile') {
			await deleteUser(ctx, user.id, itemIndex);
			return `Profile of ${name} deleted`;
		}
		// Erasing is never a fallback: only the exact choice starts it.
		if (settings.finalStep !== 'removeData')
			throw new Error(`Unknown final step "${String(settings.finalStep)}"; nothing was deleted`);
		await startRemoval(ctx, user.id, itemIndex);
		completed(
			await waitForTask(
				ctx,
				'remove',
				user.id,
				'the data removal',
				wait,
				itemIndex,
				undefined,
				removalOutcome(ctx, user.id, itemIndex),
			),
			'The data removal',
		);
		return `Personal documents and profile of ${name} removed`;
	},
	async verify({ ctx, itemIndex }, { user }) {
		const left = await getUserById(ctx, user.id, itemIndex).catch((error: unknown) => {
			if (httpCodeOf(error) === HTTP.NOT_FOUND) return undefined;
			throw error;
		});
		if (left) throw new ReadBackMismatch(`the profile of ${nameOf(user)} still there`);
		return `no profile has the ID ${user.id} any more`;
	},
} satisfies Step<'finalize'>;
