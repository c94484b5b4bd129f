import { EMPLOYEE_STATUS } from '../../api/codes';
import { statusOperation } from './status.shared';

export const { description, execute, executeBatch } = statusOperation(
	'disable',
	EMPLOYEE_STATUS.TERMINATED,
	'Disables the user, signs them out everywhere and frees their seat. Their data stays until it is reassigned or removed.',
);
