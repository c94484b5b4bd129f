import { getProgressOperation } from '../progress.shared';

export const { description, execute } = getProgressOperation(
	'dataRemoval',
	'remove',
	'searchDisabledUsers',
);
