const REFUSED =
	'It changes data, so as an AI agent’s tool it is refused before anything is sent: to offboard someone, use Offboarding → Preview, let a person approve, then Offboarding → Run with the planId.';

/**
 * What an AI agent is told about each operation when the node is one of its tools: when to use
 * it, what to give it, what comes back. n8n sends a tool node's *Tool Description* to the model,
 * and only what the workflow stores: set automatically it is just the operation's name ("Preview
 * an offboarding in DocSpace Admin"), so the agent template sets these texts manually.
 */
export const TOOL_DESCRIPTIONS: Record<string, Record<string, string>> = {
	user: {
		getMany:
			'Find people in DocSpace by part of their name or e-mail (filter "Search"). Returns a short list of candidates with "id", "displayName", "email", "type" and "status". Use it first when you only have a name; when more than one person matches, ask the user which one they mean, by e-mail.',
		get: 'Get one person by e-mail or id. Returns "id", "displayName", "email", "type" (DocSpace admin, room admin, user, guest) and "status" (active or disabled).',
		getGroups:
			'List the groups a person is in or manages, by e-mail or id. Returns one entry per group with "groupId", "name" and "manages" (true when the person manages it).',
		create:
			'Add a person to the portal. Returns the new profile with "id", "displayName", "email" and "type".',
		enable:
			'Make disabled people active again, by e-mail or id. Returns each person with "id", "email" and their new "status".',
		sendDeletionInstructions:
			'E-mail the credential’s own user the link to delete their profile. Deletes nothing by itself.',
		changeType: `Change a person’s type (e.g. room admin to user). ${REFUSED}`,
		delete: `Delete a disabled person’s profile. ${REFUSED}`,
		disable: `Disable people and end their sessions. ${REFUSED}`,
		logOut: `End every session of a person. ${REFUSED}`,
		makeGroupManager: `Hand a group to a new manager. ${REFUSED}`,
		removeFromGroup: `Take a person out of a group. ${REFUSED}`,
		update: `Change the name on the credential’s own profile. ${REFUSED}`,
	},
	reassignment: {
		checkNeeded:
			'Whether a person owns rooms or shared files that must be handed to someone before they leave. Returns "reassignmentNeeded" (true or false), "reasons" and "ownedRooms" (how many).',
		getProgress:
			'Progress of a handover of a person’s data, by e-mail or id. Returns "status", "percentage", "isCompleted" and "error".',
		start: `Hand a disabled person’s rooms and shared files to someone. ${REFUSED}`,
		terminate: `Stop a running handover. ${REFUSED}`,
	},
	dataRemoval: {
		getProgress:
			'Progress of the erasure of a person’s data, by e-mail or id. Returns "status", "percentage", "isCompleted" and "error".',
		start: `Erase a disabled person’s documents. ${REFUSED}`,
		terminate: `Stop a running erasure. ${REFUSED}`,
	},
	personalFolder: {
		getProgress:
			'Progress of the deletion of the credential’s own "My documents". Returns "status", "percentage", "isCompleted" and "error".',
		startDeletion: `Empty the credential’s own "My documents". ${REFUSED}`,
	},
	folder: {
		get: 'Get a folder by id. Returns "id", "title", "type", "parentId" and "owner".',
		getContents:
			'List what is in a folder, by id ("@my" is the credential’s own "My documents"). Returns one entry per file or folder with "id", "title" and "type".',
		getOperationStatus:
			'Progress of a move or archive started earlier, by its operationId. Returns "status", "progress", "finished" and "error".',
		getSharing:
			'Who can open a file or folder. Returns one entry per person, group or link with "subjectType", "name", "email" and "access".',
		move: `Move files and folders into another folder. ${REFUSED}`,
		share: `Give or take away access to a file or folder. ${REFUSED}`,
	},
	room: {
		get: 'Get a room by id. Returns "id", "title", "roomType", "owner" and "location" (Archive when archived).',
		getMany:
			'Find rooms, by part of their title or those a person owns. Returns one entry per room with "id", "title", "roomType" and "owner".',
		getMembers:
			'Who is in a room. Returns one entry per person or group with "subjectType", "name", "email" and "access".',
		archive: `Move a room to the Archive. ${REFUSED}`,
		unarchive: `Bring a room back from the Archive. ${REFUSED}`,
		changeOwner: `Give a room to another admin. ${REFUSED}`,
		setMemberAccess: `Add, change or remove a room member. ${REFUSED}`,
	},
	audit: {
		getEvents:
			'Read the portal’s audit trail, newest first, optionally filtered by person, action or time range. Returns one entry per event, as DocSpace records it.',
		getLoginEvents:
			'Read the login history, newest first, optionally for one person or a time range. Returns one entry per login, as DocSpace records it.',
		createReport:
			'Export the whole audit trail or login history as a CSV file into the credential’s "My documents". Returns "url" (a link that opens it) and "fileId".',
	},
	offboarding: {
		preview:
			'Use first when someone leaves: shows, without changing anything, what offboarding that person would do (who receives their rooms and files, the steps in order, who can open the archive, what is erased). Give the e-mail of the person who leaves and of the person who receives their data. Returns "message" (show it to the user word for word and ask for approval), "blockers" (nothing can run while there are any) and "planId" (pass it unchanged to Run).',
		run: 'Offboard a person, only after the plan of a Preview was approved: give the same person and recipient, the planId and the message that Preview returned, unchanged. Refused when the planId is missing, invented, made for someone else, the message differs, or the portal changed since. Returns "message" (what was done, in sentences), "changed" and "steps".',
		readLeavers:
			'Read a CSV file of leavers (a file in the input) and check every row. Returns one item per row. Changes nothing.',
	},
};
