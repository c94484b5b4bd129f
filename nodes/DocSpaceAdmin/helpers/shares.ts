import type { IDataObject } from 'n8n-workflow';

import { ACCESS_NAMES } from './entries';

/** The fields of FileShareDto the node reads. */
export interface ShareDto {
	access: number;
	sharedToUser?: { id: string; displayName?: string; email?: string };
	sharedToGroup?: { id: string; name?: string };
	isOwner?: boolean;
	subjectType?: number;
}

export function simplifyShare(share: ShareDto): IDataObject {
	const user = share.sharedToUser;
	const group = share.sharedToGroup;
	return {
		subjectId: user?.id ?? group?.id,
		subjectType: user ? 'user' : group ? 'group' : 'link',
		name: user?.displayName ?? group?.name,
		email: user?.email,
		access: ACCESS_NAMES[share.access] ?? share.access,
		accessCode: share.access,
		isOwner: share.isOwner ?? false,
	};
}
