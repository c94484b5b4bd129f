/**
 * How soon after a server job ends the node returns, and how many progress requests it makes,
 * against a script that polls every 2 s. Per job length, the node's and the loop's runs go side
 * by side on one sandbox (each run on its own user), so every run sees the same machine load.
 */
import { IDS } from '../sandbox/seed';
import { MILESTONES } from '../sandbox/state';
import type { Row } from './common';
import { api, runNode, sleep, withSandbox } from './common';
import type { Spread } from './stats';
import { spread } from './stats';

export const JOB_SECONDS = [1, 5, 30, 120];
export const LOOP_INTERVAL_MS = 2000;
export const lagTargetMs = (seconds: number) => 300 + seconds * 50;

interface Run {
	lagMs: number;
	polls: number;
}

export interface JobFigure {
	seconds: number;
	node: { lagMs: Spread; polls: Spread };
	loop: { lagMs: Spread; polls: Spread };
	lagTargetMs: number;
}

async function oneLength(seconds: number, runs: number): Promise<JobFigure> {
	// The sandbox reaches the last milestone after (milestones − 1) steps.
	const steps = MILESTONES.reassign.length - 1;
	const stepMs = (seconds * 1000) / steps;
	return await withSandbox(
		{ speed: { taskStepMs: stepMs }, extraUsers: 2 * runs },
		async (sandbox) => {
			const users = sandbox.state.users
				.filter((u) => u.email.startsWith('bench.'))
				.map((u) => u.id);
			await api(sandbox, 'PUT', '/people/status/2', { userIds: users, resendAll: false });
			const jobEnd = (userId: string) =>
				sandbox.state.tasks.get(sandbox.state.taskKey('reassign', userId))!.startedAt +
				stepMs * steps;
			const polls = (userId: string) =>
				sandbox.log.filter((r) => r.path === `/people/reassign/progress/${userId}`).length;

			const node = async (userId: string): Promise<Run> => {
				await runNode(sandbox, {
					resource: 'reassignment',
					operation: 'start',
					fromUser: { __rl: true, mode: 'id', value: userId },
					toUser: { __rl: true, mode: 'id', value: IDS.bob },
				});
				return { lagMs: Date.now() - jobEnd(userId), polls: polls(userId) };
			};
			const loop = async (userId: string): Promise<Run> => {
				await api(sandbox, 'POST', '/people/reassign/start', {
					fromUserId: userId,
					toUserId: IDS.bob,
					deleteProfile: false,
				});
				for (;;) {
					const progress = await api(sandbox, 'GET', `/people/reassign/progress/${userId}`);
					if (progress.response?.isCompleted) break;
					await sleep(LOOP_INTERVAL_MS);
				}
				return { lagMs: Date.now() - jobEnd(userId), polls: polls(userId) };
			};
			// Starts alternate node, loop, node … a few ms apart, as interleaved runs.
			const started: Array<Promise<Run>> = [];
			for (let i = 0; i < runs; i++) {
				started.push(node(users[2 * i]));
				await sleep(37);
				started.push(loop(users[2 * i + 1]));
				await sleep(37);
			}
			const all = await Promise.all(started);
			const side = (offset: number) => all.filter((_, i) => i % 2 === offset);
			const figure = (list: Run[]) => ({
				lagMs: spread(list.map((r) => r.lagMs)),
				polls: spread(list.map((r) => r.polls)),
			});
			return {
				seconds,
				node: figure(side(0)),
				loop: figure(side(1)),
				lagTargetMs: lagTargetMs(seconds),
			};
		},
	);
}

export async function jobWaits(
	runs: number,
	log: (line: string) => void,
): Promise<{ rows: Row[]; result: unknown }> {
	// Warm-up: one short job each, not recorded.
	await oneLength(1, 1);
	const figures = await Promise.all(JOB_SECONDS.map((s) => oneLength(s, runs)));
	const rows: Row[] = [];
	let nodePolls = 0;
	let loopPolls = 0;
	let totalSeconds = 0;
	const fmt = (s: Spread) => `${Math.round(s.median)} (${Math.round(s.min)}–${Math.round(s.max)})`;
	for (const f of figures) {
		nodePolls += f.node.polls.median;
		loopPolls += f.loop.polls.median;
		totalSeconds += f.seconds;
		log(
			`  ${f.seconds} s job: node lag ${fmt(f.node.lagMs)} ms, ${f.node.polls.median} polls; loop lag ${fmt(f.loop.lagMs)} ms, ${f.loop.polls.median} polls`,
		);
		rows.push({
			benchmark: `Wait for a ${f.seconds} s job`,
			figure: 'lag after the job ended (ms), median (min–max) / polls',
			node: `${fmt(f.node.lagMs)} / ${f.node.polls.median}`,
			baseline: `${fmt(f.loop.lagMs)} / ${f.loop.polls.median}`,
			target: `lag ≤ ${f.lagTargetMs}`,
			met: f.node.lagMs.median <= f.lagTargetMs,
		});
	}
	const perTwoSeconds = (polls: number) => (polls / totalSeconds) * 2;
	rows.push({
		benchmark: 'Wait for jobs (all four)',
		figure: 'progress requests per 2 s of job (medians)',
		node: perTwoSeconds(nodePolls).toFixed(2),
		baseline: perTwoSeconds(loopPolls).toFixed(2),
		target: '≤ 1',
		met: perTwoSeconds(nodePolls) <= 1,
	});
	return {
		rows,
		result: {
			runsPerSide: runs,
			loopIntervalMs: LOOP_INTERVAL_MS,
			lagTarget: '300 ms + 5 % of the job, on the median',
			jobs: figures,
			nodePollsPerTwoSecondsOfJob: perTwoSeconds(nodePolls),
			loopPollsPerTwoSecondsOfJob: perTwoSeconds(loopPolls),
		},
	};
}
