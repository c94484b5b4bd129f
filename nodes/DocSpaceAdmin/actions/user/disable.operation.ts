import { statusOperation } from './status.shared';

export const { description, execute, executeBatch } = statusOperation(
	'disable',
	2,
	'Disables the user, signs them out everywhere and frees their seat. Their data stays until it is reassigned or removed.',
);
