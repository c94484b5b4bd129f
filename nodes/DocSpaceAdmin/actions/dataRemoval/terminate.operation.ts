import { terminateOperation } from '../progress.shared';

export const { description, execute } = terminateOperation(
	'dataRemoval',
	'remove',
	'searchDisabledUsers',
);
