import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_WAIT, MAX_POLL_INTERVAL_SECONDS } from '../helpers/poller/waitSettings';

/** "Wait for Completion" and its options, shown on every operation that starts a server job. */

// The poller's defaults, by plain names (n8n's lint reads a default given as a name, not as `a.b`).
const {
	onTimeout: onTimeoutDefault,
	pollIntervalSeconds: pollIntervalDefault,
	timeoutSeconds: timeoutDefault,
} = DEFAULT_WAIT;

const ON_TIMEOUT_CHOICES = {
	fail: {
		name: 'Fail',
		value: 'fail',
		description: 'Stop with an error; the job keeps running in DocSpace',
	},
	returnStatus: {
		name: 'Return Current Status',
		value: 'returnStatus',
		description: 'Output the last progress and carry on',
	},
	terminate: {
		name: 'Terminate the Job',
		value: 'terminate',
		description: 'Ask DocSpace to stop the job, then output its status',
	},
} as const;

/** How long to wait for a DocSpace job, and what to do when it takes longer. */
export function waitOptionsProperty(
	onTimeout: Array<keyof typeof ON_TIMEOUT_CHOICES>,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Wait Options',
		name: 'waitOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'On Timeout',
				name: 'onTimeout',
				type: 'options',
				default: onTimeoutDefault,
				options: onTimeout.map((choice) => ({ ...ON_TIMEOUT_CHOICES[choice] })),
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_POLL_INTERVAL_SECONDS },
				default: pollIntervalDefault,
				description: `Longest pause between two progress checks (at most ${MAX_POLL_INTERVAL_SECONDS}: DocSpace forgets a finished job about a minute after it ends); the first checks come sooner`,
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: timeoutDefault,
				description: 'How long to wait at most. The workflow’s own timeout still applies.',
			},
		],
		...extra,
	};
}

export function waitProperties(jobName: string): INodeProperties[] {
	return [
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description: `Whether to wait until DocSpace has finished the ${jobName}. Off: return as soon as it has started (check it later with Get Progress).`,
		},
		waitOptionsProperty(['fail', 'returnStatus', 'terminate'], {
			displayOptions: { show: { waitForCompletion: [true] } },
		}),
	];
}
