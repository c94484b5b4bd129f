import type { IDataObject } from 'n8n-workflow';

import type { ShareDto } from '../api/dto';
import { ACCESS_NAMES } from './entries';

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
