import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readableTime, runMessage } from '../../helpers/offboarding/runSummary';
import { calledByAgent, requireSameMessage, requireSamePlan } from '../agentGuard';
import { buildPlan } from '../../helpers/offboarding/plan';
import type { Portal } from '../../helpers/offboarding/steps';
import { STEPS } from '../../helpers/offboarding/steps';
import { reportFiles } from '../../helpers/offboarding/report';
import type { ReportTarget } from '../../helpers/offboarding/types';
import type { StepReport } from '../../helpers/offboarding/run';
import { requireRunnable, runPlan } from '../../helpers/offboarding/run';
import type { LeaverReport } from '../../helpers/offboarding/runReport';
import { runReportFiles } from '../../helpers/offboarding/runReport';
import { storeFiles } from '../../helpers/offboarding/steps/storeReport';
import type { BatchedSteps, PlannedLeaver } from '../../helpers/offboarding/runMany';
import {
	alsoReceiving,
	disableTogether,
	overTodaysWrites,
} from '../../helpers/offboarding/runMany';
import { SharedReads } from '../../helpers/offboarding/sharedReads';
import { mapWithLimit } from '../../helpers/parallel';
import { requireId } from '../../helpers/validate';
import type { OperationOutput } from '../node.type';
import { ItemsWithFiles } from '../node.type';
import { MAX_WRITES_IN_FLIGHT } from '../../transport/writeLimiter';
import { readWaitOptions } from '../parameters';
import { readOffboardingInput } from './input';
import { offboardingProperties } from './offboarding.descriptions';
import { showOnlyFor } from '../common.descriptions';

/**
 * An offboarding has one write in flight at a time, and the transport keeps an execution within
 * DocSpace's 15: more offboardings at once than that would only wait for a slot.
 */
const MAX_PARALLEL = MAX_WRITES_IN_FLIGHT;
/** Plans only read, so more of them may be read side by side than offboardings run. */
const PLANS_AT_ONCE = 5;

const properties: INodeProperties[] = [
	{
		displayName: `Runs, in this order: ${STEPS.map((step) => step.title).join(' → ')}. Steps already done are skipped; if a step fails, nothing after it changes or deletes data.`,
		name: 'runNotice',
		type: 'notice',
		default: '',
	},
	...offboardingProperties(true),
	{
		displayName: 'Plan ID',
		name: 'planId',
		type: 'string',
		default: '',
		placeholder: 'e.g. plan-3f2b8c1e5d6a4e2f9b7c1a2b',
		description:
			'The planId a Preview of this same offboarding returned. When set, Run goes ahead only if the plan is still exactly that one (same person, same settings, nothing changed on the portal since). An AI agent must always give it.',
	},
	{
		displayName: 'Plan Message',
		name: 'planMessage',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description:
			'The message of that Preview, as the approver read it. When set, Run goes ahead only if the plan still reads exactly so, e.g. when an AI agent’s call is reviewed by a person who sees this text.',
	},
	{
		displayName: 'Report',
		name: 'report',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Attach Report Files',
				name: 'attachFiles',
				type: 'boolean',
				default: true,
				description:
					'Whether to add the report as files: a CSV of the steps (binary "reportCsv") and a readable HTML summary (binary "reportHtml")',
			},
			{
				displayName: 'Offboardings at Once',
				name: 'parallel',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PARALLEL },
				default: 1,
				description: `With several input items (e.g. a list of leavers): how many offboardings run at the same time (at most ${MAX_PARALLEL}). Each item still gets its own report, paired to it.`,
			},
			{
				displayName: 'One Report per Leaver',
				name: 'perLeaver',
				type: 'boolean',
				default: false,
				description:
					'Whether each leaver gets their own two report files in the folder. Off: a Run of several leavers stores one report of the whole run there (a CSV and an HTML page), two writes instead of two per leaver. Used with "Store Report In: A Folder".',
			},
			{
				displayName: 'Report Folder ID',
				name: 'folderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1290',
				description: 'Used with "Store Report In: A Folder"',
			},
			{
				displayName: 'Store Report In',
				name: 'storeIn',
				type: 'options',
				default: 'nowhere',
				options: [
					{ name: 'Nowhere', value: 'nowhere' },
					{
						name: 'The Archive Room',
						value: 'archiveRoom',
						description: 'Next to the archived workspace (when there is one)',
					},
					{
						name: 'A Folder',
						value: 'folder',
						description: 'A folder or room where the credential’s user may create files',
					},
				],
			},
		],
	},
];

export const description = showOnlyFor('offboarding', 'run', properties);

interface ReportOptions {
	attachFiles?: boolean;
	storeIn?: 'nowhere' | 'archiveRoom' | 'folder';
	folderId?: string;
	perLeaver?: boolean;
	parallel?: number;
}

function reportOptions(ctx: IExecuteFunctions, itemIndex: number): ReportOptions {
	return ctx.getNodeParameter('report', itemIndex, {}) as ReportOptions;
}

/** Where the report goes; a folder must be named before the offboarding changes anything. */
function reportTarget(
	ctx: IExecuteFunctions,
	options: ReportOptions,
	itemIndex: number,
	manyLeavers: boolean,
): ReportTarget {
	const storeIn = options.storeIn ?? 'nowhere';
	if (storeIn !== 'folder') return { storeIn };
	if (options.folderId?.trim())
		return {
			storeIn,
			folderId: requireId(ctx.getNode(), 'folder', options.folderId, 'Report Folder ID', itemIndex),
			withRun: manyLeavers && options.perLeaver !== true,
		};
	throw new NodeOperationError(
		ctx.getNode(),
		`Missing value in the parameter 'Report Folder ID' [item ${itemIndex}]`,
		{
			description:
				'Enter the folder or room the report goes to, or choose another "Store Report In". Nothing was changed.',
			itemIndex,
		},
	);
}

/** A leaver's offboarding with its plan read, nothing changed yet. */
interface Prepared extends PlannedLeaver {
	started: number;
	portal: Portal;
	options: ReportOptions;
}

async function prepare(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reads?: SharedReads,
): Promise<Prepared> {
	const started = Date.now();
	const options = reportOptions(ctx, itemIndex);
	const input = readOffboardingInput(ctx, itemIndex);
	input.settings.report = reportTarget(ctx, options, itemIndex, (reads?.leavers ?? 1) > 1);
	// Run always waits for each DocSpace job: the steps after it depend on it.
	const portal: Portal = { ctx, itemIndex, wait: readWaitOptions(ctx, itemIndex), reads };
	const plan = await buildPlan(portal, input);
	const planId = String(ctx.getNodeParameter('planId', itemIndex, '') ?? '').trim();
	if (planId || calledByAgent(ctx)) requireSamePlan(ctx, plan, planId, itemIndex);
	const planMessage = String(ctx.getNodeParameter('planMessage', itemIndex, '') ?? '');
	if (planMessage.trim()) requireSameMessage(ctx, plan, planMessage, itemIndex);
	requireRunnable(portal, plan);
	return { itemIndex, started, portal, options, plan };
}

interface Offboarded extends LeaverReport {
	output: OperationOutput;
}

async function offboard(
	{ started, portal, options, plan }: Prepared,
	batched?: BatchedSteps,
): Promise<Offboarded> {
	const { ctx } = portal;
	const { steps, report } = await runPlan(portal, plan, started, batched);
	if (plan.storedReport) report.storedReport = plan.storedReport;
	report.message = runMessage(report, steps, readableTime(new Date(), ctx.getTimezone()));
	return { report, steps, output: await withFiles(ctx, options, report, steps) };
}

async function withFiles(
	ctx: IExecuteFunctions,
	options: ReportOptions,
	report: IDataObject,
	steps: StepReport[],
): Promise<OperationOutput> {
	if (options.attachFiles === false) return [report];
	const { csv, html } = reportFiles(report, steps, new Date(), ctx.getTimezone());
	const binary: IBinaryKeyData = {
		reportCsv: await ctx.helpers.prepareBinaryData(
			Buffer.from(csv.content, 'utf8'),
			csv.fileName,
			csv.mimeType,
		),
		reportHtml: await ctx.helpers.prepareBinaryData(
			Buffer.from(html.content, 'utf8'),
			html.fileName,
			html.mimeType,
		),
	};
	return new ItemsWithFiles([{ json: report, binary }]);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<OperationOutput> {
	return (await offboard(await prepare(this, itemIndex))).output;
}

/** The user locator's value as typed, to spot the same leaver given twice. */
function leaverKey(ctx: IExecuteFunctions, itemIndex: number): string {
	const locator = ctx.getNodeParameter('user', itemIndex, undefined, { extractValue: false }) as
		| { value?: unknown }
		| string;
	return String(typeof locator === 'object' && locator !== null ? locator.value : locator)
		.trim()
		.toLowerCase();
}

/** Items whose leaver an earlier item already has: two runs of one offboarding would race. */
function duplicates(ctx: IExecuteFunctions, itemIndices: number[]): Map<number, Error> {
	const firstOf = new Map<string, number>();
	const found = new Map<number, Error>();
	for (const itemIndex of itemIndices) {
		const key = leaverKey(ctx, itemIndex);
		const first = firstOf.get(key);
		if (first === undefined) {
			firstOf.set(key, itemIndex);
			continue;
		}
		found.set(
			itemIndex,
			new NodeOperationError(
				ctx.getNode(),
				`The same leaver is also in item ${first} [item ${itemIndex}]`,
				{
					description:
						'Each leaver is offboarded once per run: remove the duplicate row. Nothing was changed for this item.',
					itemIndex,
				},
			),
		);
	}
	return found;
}

/**
 * Several leavers: every plan is read first (what they share, once), leavers past today's write
 * allowance are refused, then all who are still active are disabled in lists, then up to
 * "Offboardings at Once" run their other steps side by side, each in its own safe order and each
 * result kept at its item's place.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndices: number[],
): Promise<Array<OperationOutput | Error>> {
	const parallel = Math.min(
		MAX_PARALLEL,
		Number(reportOptions(this, itemIndices[0] ?? 0).parallel ?? 1),
	);
	const refused = duplicates(this, itemIndices);
	const reads = new SharedReads(itemIndices.length);
	const prepared = await mapWithLimit(itemIndices.length, PLANS_AT_ONCE, async (position) => {
		const duplicate = refused.get(itemIndices[position]);
		if (duplicate) throw duplicate;
		return await prepare(this, itemIndices[position], reads);
	});
	const isReady = (entry: Prepared | Error): entry is Prepared => !(entry instanceof Error);
	for (const refusals of [alsoReceiving, overTodaysWrites])
		for (const [itemIndex, error] of refusals(this, prepared.filter(isReady)))
			prepared[itemIndices.indexOf(itemIndex)] = error;
	const leavers = prepared.filter(isReady);
	const batched = await disableTogether(this, leavers);
	const done = await mapWithLimit(leavers.length, parallel, (i) =>
		offboard(leavers[i], batched[i]),
	);
	await storeRunReports(
		this,
		leavers.flatMap((leaver, i) => {
			const outcome = done[i];
			return outcome instanceof Error ? [] : [{ ...outcome, leaver }];
		}),
	);
	const byItem = new Map(
		leavers.map((leaver, i) => {
			const outcome = done[i];
			return [leaver.itemIndex, outcome instanceof Error ? outcome : outcome.output] as const;
		}),
	);
	return prepared.map((entry, position) =>
		entry instanceof Error ? entry : byItem.get(itemIndices[position])!,
	);
}

/**
 * One report of the whole run per report folder, for the leavers whose target says so: two writes
 * instead of two per leaver; each leaver's output names the run's files (or why they were not stored).
 */
async function storeRunReports(
	ctx: IExecuteFunctions,
	finished: Array<Offboarded & { leaver: Prepared }>,
): Promise<void> {
	const byFolder = new Map<string, Array<Offboarded & { leaver: Prepared }>>();
	for (const entry of finished) {
		const target = entry.leaver.plan.settings.report;
		if (!target?.withRun || !target.folderId) continue;
		const entries = byFolder.get(target.folderId) ?? [];
		entries.push(entry);
		byFolder.set(target.folderId, entries);
	}
	for (const [folderId, entries] of byFolder) {
		const { csv, html } = runReportFiles(entries, new Date(), ctx.getTimezone());
		let stored: IDataObject;
		try {
			const files = await storeFiles(ctx, folderId, [csv, html], entries[0].leaver.itemIndex);
			stored = { folderId: Number(folderId), files, forTheRun: true };
		} catch (error) {
			stored = { folderId: Number(folderId), error: (error as Error).message, forTheRun: true };
		}
		for (const { report } of entries) report.storedReport = stored;
	}
}
