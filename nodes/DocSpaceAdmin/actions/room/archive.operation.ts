import { archiveOperation } from './archive.shared';

export const { description, execute } = archiveOperation(
	'archive',
	'The room to move to the Archive; its content becomes read-only',
);
