import { EMPLOYEE_STATUS } from '../../api/codes';
import { statusOperation } from './status.shared';

export const { description, execute, executeBatch } = statusOperation(
	'enable',
	EMPLOYEE_STATUS.ACTIVE,
	'Makes a disabled user active again (this takes a seat).',
);
