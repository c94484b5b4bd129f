import { getProgressOperation } from '../progress.shared';

export const { description, execute } = getProgressOperation(
	'reassignment',
	'reassign',
	'searchDisabledUsers',
);
