import type { IBinaryKeyData, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readableTime, runMessage } from '../../helpers/offboarding/runSummary';
import { calledByAgent, requireSamePlan } from '../agentGuard';
import { buildPlan } from '../../helpers/offboarding/plan';
import type { Portal } from '../../helpers/offboarding/steps';
import { STEPS } from '../../helpers/offboarding/steps';
import { reportFiles } from '../../helpers/offboarding/report';
import type { ReportTarget } from '../../helpers/offboarding/types';
import { runPlan } from '../../helpers/offboarding/run';
import { mapWithLimit } from '../../helpers/parallel';
import { requireId } from '../../helpers/validate';
import type { OperationOutput } from '../node.type';
import { ItemsWithFiles } from '../node.type';
import { readWaitOptions } from '../parameters';
import { readOffboardingInput } from './input';
import { offboardingProperties } from './offboarding.descriptions';
import { showOnlyFor } from '../common.descriptions';

/** DocSpace's write limits make more than a few offboardings at once pointless. */
const MAX_PARALLEL = 5;

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
			{
				displayName: 'Report Folder ID',
				name: 'folderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1290',
				description: 'Used with "Store Report In: A Folder"',
			},
			{
				displayName: 'Offboardings at Once',
				name: 'parallel',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PARALLEL },
				default: 1,
				description: `With several input items (e.g. a list of leavers): how many offboardings run at the same time (at most ${MAX_PARALLEL}). Each item still gets its own report, paired to it.`,
			},
		],
	},
];

export const description = showOnlyFor('offboarding', 'run', properties);

interface ReportOptions {
	attachFiles?: boolean;
	storeIn?: 'nowhere' | 'archiveRoom' | 'folder';
	folderId?: string;
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
): ReportTarget {
	const storeIn = options.storeIn ?? 'nowhere';
	if (storeIn !== 'folder') return { storeIn };
	if (options.folderId?.trim())
		return {
			storeIn,
			folderId: requireId(ctx.getNode(), 'folder', options.folderId, 'Report Folder ID', itemIndex),
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

async function offboard(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationOutput> {
	const started = Date.now();
	const options = reportOptions(ctx, itemIndex);
	const input = readOffboardingInput(ctx, itemIndex);
	input.settings.report = reportTarget(ctx, options, itemIndex);
	// Run always waits for each DocSpace job: the steps after it depend on it.
	const portal: Portal = { ctx, itemIndex, wait: readWaitOptions(ctx, itemIndex) };
	const plan = await buildPlan(portal, input);
	const planId = String(ctx.getNodeParameter('planId', itemIndex, '') ?? '').trim();
	if (planId || calledByAgent(ctx)) requireSamePlan(ctx, plan, planId, itemIndex);
	const { steps, report } = await runPlan(portal, plan, started);
	if (plan.storedReport) report.storedReport = plan.storedReport;
	report.message = runMessage(report, steps, readableTime(new Date(), ctx.getTimezone()));
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
	return await offboard(this, itemIndex);
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

/**
 * Several leavers: up to "Offboardings at Once" run side by side, each result kept at its item's
 * place. A leaver given twice runs once: two runs of one offboarding at the same time would race.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndices: number[],
): Promise<Array<OperationOutput | Error>> {
	const parallel = Math.min(
		MAX_PARALLEL,
		Number(reportOptions(this, itemIndices[0] ?? 0).parallel ?? 1),
	);
	const firstOf = new Map<string, number>();
	return await mapWithLimit(itemIndices.length, parallel, async (position) => {
		const itemIndex = itemIndices[position];
		const key = leaverKey(this, itemIndex);
		const first = firstOf.get(key) ?? itemIndex;
		firstOf.set(key, first);
		if (first !== itemIndex) {
			throw new NodeOperationError(
				this.getNode(),
				`The same leaver is also in item ${first} [item ${itemIndex}]`,
				{
					description:
						'Each leaver is offboarded once per run: remove the duplicate row. Nothing was changed for this item.',
					itemIndex,
				},
			);
		}
		return await offboard(this, itemIndex);
	});
}
