import { archiveOperation } from './archive.shared';

export const { description, execute } = archiveOperation(
	'unarchive',
	'The archived room to bring back',
);
