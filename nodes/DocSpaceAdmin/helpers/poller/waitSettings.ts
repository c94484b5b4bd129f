/** How long and how often the poller waits for a DocSpace job, and what it does at the deadline. */

export type OnTimeout = 'fail' | 'returnStatus' | 'terminate';

export interface WaitSettings {
	timeoutSeconds: number;
	pollIntervalSeconds: number;
	onTimeout: OnTimeout;
}

export const DEFAULT_WAIT: WaitSettings = {
	timeoutSeconds: 600,
	pollIntervalSeconds: 5,
	onTimeout: 'fail',
};

export const FIRST_POLL_DELAY_MS = 250;
/** The shortest pause between two polls, however close the job seems to its end. */
export const MIN_POLL_DELAY_MS = 100;
/**
 * The longest pause between two polls, whatever the user chose: DocSpace drops a finished
 * people task about 60 s after its last update (DistributedTaskQueue), and a poller that
 * sleeps longer may never see the result.
 */
export const MAX_POLL_INTERVAL_SECONDS = 30;
