import { EMPLOYEE_STATUS } from '../../../api/codes';
import { getUserById, setUserStatus } from '../../../api/people';
import type { EmployeeFull } from '../../../api/dto';
import { isDisabled } from '../../users';
import type { Step } from './step';
import { deletedOn, nameOf, ReadBackMismatch } from './step';

/** What the step reports once DocSpace disabled the user, alone or in a list. */
export const disabledDetail = (user: EmployeeFull) =>
	`${user.displayName ?? user.id} disabled; sessions ended`;

export const disable = {
	name: 'disable',
	title: 'Disable the user and end their sessions',
	destructive: false,
	settings: [],
	plan(state) {
		if (state.deletedOn) return { status: 'alreadyDone', detail: deletedOn(state) };
		const name = nameOf(state.user);
		return isDisabled(state.user)
			? { status: 'alreadyDone', detail: `${name} is already disabled` }
			: { status: 'pending', detail: `Disable ${name} and end all their sessions` };
	},
	async run({ ctx, itemIndex }, { user }) {
		await setUserStatus(ctx, [user.id], EMPLOYEE_STATUS.TERMINATED, 'disable the user', itemIndex);
		return disabledDetail(user);
	},
	async verify({ ctx, itemIndex }, { user }) {
		const now = await getUserById(ctx, user.id, itemIndex);
		if (!now || !isDisabled(now))
			throw new ReadBackMismatch(`the profile with status ${String(now?.status)}, not disabled`);
		// UserController.UpdateUserStatus resets the user's sign-in cookies with the status change.
		return 'the profile is disabled (status 2); the status change ended its sessions';
	},
} satisfies Step<'disable'>;
