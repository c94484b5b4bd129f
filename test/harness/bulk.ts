import { IDS } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';

// What the tests and benchmarks of many leavers at once share: the items, and Offboarding's
// parameters that read each leaver from their item.

/** Preview or Run with each item's leaver and recipient by e-mail, their workspace into a new archive room. */
export const leaverOfEachItem = (
	operation: 'preview' | 'run',
	extra: Record<string, unknown> = {},
) => ({
	resource: 'offboarding',
	operation,
	user: { __rl: true, mode: 'email', value: '={{ $json.email }}' },
	recipient: { __rl: true, mode: 'email', value: '={{ $json.recipientEmail }}' },
	workspaceFolderId: '={{ $json.workspaceFolderId }}',
	archiveInto: 'newRoom',
	archiveRoomTitle: '',
	readOnlyGroupId: '',
	archiveTheRoom: false,
	finalStep: 'keep',
	...extra,
});

/** `count` new leavers, each with a workspace folder (every fourth owning a room), all handed to Bob: one item each. */
export function leaverItems(sandbox: Sandbox, count: number) {
	const bob = sandbox.state.user(IDS.bob)!.email;
	return sandbox.state.addLeavers(count, 4, true).map((l) => ({
		id: l.id,
		email: l.email,
		recipientEmail: bob,
		workspaceFolderId: String(l.workspaceId),
	}));
}
