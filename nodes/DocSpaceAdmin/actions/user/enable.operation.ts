import { statusOperation } from './status.shared';

export const { description, execute, executeBatch } = statusOperation(
	'enable',
	1,
	'Makes a disabled user active again (this takes a seat).',
);
