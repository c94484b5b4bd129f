import { terminateOperation } from '../progress.shared';

export const { description, execute } = terminateOperation(
	'reassignment',
	'reassign',
	'searchDisabledUsers',
);
