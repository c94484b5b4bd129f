import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EventKind } from '../../api/audit';
import { readAuditFilter, readEvents } from '../../helpers/audit';
import { readLimit } from '../parameters';

/** Get Events and Get Login Events: their filters and Return All / Limit, then the events. */
export async function eventsFromParameters(
	ctx: IExecuteFunctions,
	kind: EventKind,
	itemIndex: number,
): Promise<IDataObject[]> {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filter = readAuditFilter(ctx, filters, itemIndex);
	return (await readEvents(
		ctx,
		kind,
		filter,
		readLimit(ctx, itemIndex),
		itemIndex,
	)) as IDataObject[];
}
