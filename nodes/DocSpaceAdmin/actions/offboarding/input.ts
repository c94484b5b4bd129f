import type { IExecuteFunctions } from 'n8n-workflow';

import type {
	FinalStep,
	OffboardingInput,
	OffboardingSettings,
} from '../../helpers/offboarding/plan';
import { requireId } from '../../helpers/validate';
import { readUserLocator } from '../parameters';

/** Preview's and Run's parameters, read once into plain values. */
export function readOffboardingInput(ctx: IExecuteFunctions, itemIndex: number): OffboardingInput {
	const node = ctx.getNode();
	const text = (name: string) => String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const flag = (name: string, fallback: boolean) =>
		ctx.getNodeParameter(name, itemIndex, fallback) as boolean;
	const optional = (name: string, label: string, kind: 'folder' | 'group' | 'room' | 'user') => {
		const value = text(name);
		return value ? requireId(node, kind, value, label, itemIndex) : undefined;
	};
	const workspaceFolderId = optional('workspaceFolderId', 'Workspace Folder ID', 'folder');
	const archiveInto = ctx.getNodeParameter(
		'archiveInto',
		itemIndex,
		'newRoom',
	) as OffboardingSettings['archiveInto'];
	const settings: OffboardingSettings = {
		workspaceFolderId,
		archiveInto,
		archiveRoomTitle: archiveInto === 'newRoom' ? text('archiveRoomTitle') : undefined,
		archiveRoomId:
			workspaceFolderId && archiveInto === 'existingRoom'
				? optional('archiveRoomId', 'Archive Room ID', 'room')
				: undefined,
		readOnlyGroupId: workspaceFolderId
			? optional('readOnlyGroupId', 'Read-Only Group ID', 'group')
			: undefined,
		archiveTheRoom: flag('archiveTheRoom', false),
		leaveGroups: flag('leaveGroups', true),
		newGroupManagerId: optional('newGroupManagerId', 'New Group Manager ID', 'user'),
		leaveRooms: flag('leaveRooms', true),
		removeFormFillers: flag('removeFormFillers', false),
		revokeKeysAndApps: flag('revokeKeysAndApps', true),
		finalStep: ctx.getNodeParameter('finalStep', itemIndex, 'keep') as FinalStep,
	};
	return {
		user: readUserLocator(ctx, 'user', 'User', itemIndex),
		recipient: readUserLocator(ctx, 'recipient', 'Recipient', itemIndex),
		settings,
	};
}
