import type { Sandbox } from './server';

/** How a template is filled in before it runs: what an admin does after importing it. */
export interface TemplateSettings {
	/** Values for the fields of the template's settings (Set) nodes, by field name. */
	values?: Record<string, string>;
	/** The id of the DocSpace credential the DocSpace nodes use. */
	credentialId?: string;
	credentialName?: string;
	/** Credential id for the HR webhook's header auth. */
	headerAuthCredentialId?: string;
	/** Credential id for the approval mails (SMTP). */
	smtpCredentialId?: string;
}

interface TemplateNode {
	type: string;
	parameters: { assignments?: { assignments?: Array<{ name: string; value: unknown }> } } & Record<
		string,
		unknown
	>;
	credentials?: Record<string, { id: string; name: string }>;
}

/** A copy of the template with the settings applied; node types are never changed. */
export function prepareTemplate<T extends { nodes: unknown[] }>(
	template: T,
	settings: TemplateSettings,
): T {
	const copy = JSON.parse(JSON.stringify(template)) as T & { nodes: TemplateNode[] };
	for (const node of copy.nodes) {
		for (const field of node.parameters.assignments?.assignments ?? []) {
			// Expressions read the request; only the constants are the admin's to fill in.
			const value = settings.values?.[field.name];
			if (value !== undefined && !String(field.value).startsWith('=')) field.value = value;
		}
		// The review step of the agent template has its addresses in its own fields.
		if (node.type.endsWith('HitlTool')) {
			if (settings.values?.approverEmail) node.parameters.toEmail = settings.values.approverEmail;
			if (settings.values?.senderEmail) node.parameters.fromEmail = settings.values.senderEmail;
		}
		if (node.credentials?.docSpaceApi && settings.credentialId) {
			node.credentials.docSpaceApi = {
				id: settings.credentialId,
				name: settings.credentialName ?? node.credentials.docSpaceApi.name,
			};
		}
		if (node.credentials?.smtp && settings.smtpCredentialId) {
			node.credentials.smtp = { ...node.credentials.smtp, id: settings.smtpCredentialId };
		}
		if (node.credentials?.httpHeaderAuth && settings.headerAuthCredentialId) {
			node.credentials.httpHeaderAuth = {
				...node.credentials.httpHeaderAuth,
				id: settings.headerAuthCredentialId,
			};
		}
	}
	return copy;
}

/** Who approves offboardings in the sandbox: their mail lands in the sandbox's inbox. */
export const APPROVER = 'approver@corp.example';

/** The SMTP credential of the sandbox's loopback mail server. */
export function sandboxSmtpCredential(sandbox: Sandbox) {
	return {
		host: sandbox.inbox.host,
		port: sandbox.inbox.port,
		secure: false,
		disableStartTls: true,
		user: '',
		password: '',
	};
}

/** The sandbox's own employee, recipient, folders and chat inbox, for the templates' settings. */
export function sandboxTemplateValues(sandbox: Sandbox): Record<string, string> {
	const { state } = sandbox;
	const employee = state.user(state.ids.jane)!.email;
	const recipient = state.user(state.ids.bob)!.email;
	const workspace = String(state.folders['workspace:jane']);
	return {
		employeeEmail: employee,
		recipientEmail: recipient,
		workspaceFolderId: workspace,
		// The HR webhook template's sample request.
		'body.email': employee,
		'body.recipientEmail': recipient,
		'body.workspaceFolderId': workspace,
		readOnlyGroupId: state.ids['group:hr'],
		finalStep: 'keep',
		notifyUrl: `${sandbox.origin}/__sandbox/notify`,
		approverEmail: APPROVER,
		senderEmail: 'n8n@corp.example',
		// The bulk template's settings and sample CSV: Jane with her workspace, Paula with the default recipient.
		defaultRecipientEmail: recipient,
		leaversCsv: `email,recipientEmail,workspaceFolderId,finalStep\n${employee},${recipient},${workspace},keep\n${state.user(state.ids.paula)!.email},,,keep\n`,
	};
}
