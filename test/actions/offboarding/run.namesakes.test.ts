import { IDS } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { byId } from '../../harness/operations';
import { useArchiveOffboarding } from '../../harness/offboarding';

const { current, offboarding, run } = useArchiveOffboarding();
let sandbox: Sandbox;
beforeEach(() => {
	sandbox = current();
});

describe('Offboarding → Run: namesakes', () => {
	/** Liam and Noah are both called John Smith; Bob receives Liam's data, Rita Noah's. */
	function johnSmiths() {
		const { state } = sandbox;
		for (const key of ['liam', 'noah']) {
			const user = state.user(state.ids[key])!;
			user.firstName = 'John';
			user.lastName = 'Smith';
		}
		const leaver = (key: 'liam' | 'noah', recipient: string, extra: Record<string, unknown> = {}) =>
			offboarding('run', {
				user: byId(state.ids[key]),
				recipient: byId(recipient),
				workspaceFolderId: String(state.folders[`workspace:${key}`]),
				readOnlyGroupId: '',
				...extra,
			});
		return { state, leaver };
	}

	it('gives each John Smith an archive room of his own, which only his recipient can open', async () => {
		const { state, leaver } = johnSmiths();
		const first = await run(leaver('liam', IDS.bob));
		const second = await run(leaver('noah', state.ids.rita));
		expect([first.success, second.success]).toEqual([true, true]);

		const roomOf = (key: string) =>
			state.entry(state.entry(state.folders[`workspace:${key}`])!.parentId)!;
		expect(roomOf('liam').title).toBe(`Archive – John Smith (${state.ids.liam})`);
		expect(roomOf('noah').title).toBe(`Archive – John Smith (${state.ids.noah})`);
		expect(roomOf('liam').id).not.toBe(roomOf('noah').id);
		const noahsWork = state.entry(state.folders['workspace:noah'])!;
		expect(state.access(state.user(IDS.bob)!, noahsWork)).toBe(0);
		expect(state.access(state.user(state.ids.rita)!, noahsWork)).toBeGreaterThan(0);
	});

	it('Preview says which room and why it is this leaver’s; a rerun finds it by the user ID', async () => {
		const { state, leaver } = johnSmiths();
		await run(leaver('liam', IDS.bob));
		const again = await run({ ...leaver('liam', IDS.bob), operation: 'preview' });
		expect(again.archive).toMatchObject({
			room: {
				title: `Archive – John Smith (${state.ids.liam})`,
				exists: true,
				why: expect.stringContaining('its title carries their user ID'),
			},
		});
		const namesake = await run({ ...leaver('noah', state.ids.rita), operation: 'preview' });
		expect(namesake.archive).toMatchObject({
			room: {
				title: `Archive – John Smith (${state.ids.noah})`,
				exists: false,
				why: expect.stringContaining('A new room for John Smith'),
			},
		});
	});

	it('refuses another leaver’s archive room chosen by ID, before any write', async () => {
		const { state, leaver } = johnSmiths();
		await run(leaver('liam', IDS.bob));
		const liamsRoom = state.entry(state.folders['workspace:liam'])!.parentId;
		sandbox.log.length = 0;
		const report = await run(
			leaver('noah', state.ids.rita, {
				archiveInto: 'existingRoom',
				archiveRoomId: String(liamsRoom),
			}),
		);
		expect(report.error).toContain('The offboarding cannot start');
		expect(report.description).toContain('is the archive room of another leaver');
		expect(sandbox.writes()).toEqual([]);
	});
});
