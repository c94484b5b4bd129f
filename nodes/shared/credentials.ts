import type { INodeProperties } from 'n8n-workflow';

/**
 * The credentials are applied by the transport's own rules, so a request made with a credential (the
 * credential test included) goes where, and only where, the node's requests go: the portal's origin,
 * never on through a redirect. This is the one place the credentials reach the transport.
 */
export { authenticateRequest, exchangePasswordForToken } from '../DocSpaceAdmin/transport/auth';

/** The portal's address (`baseUrl`), which both credentials ask for first; the transport reads it. */
export function portalUrlProperty(description: string): INodeProperties {
	return {
		displayName: 'Portal URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://yourcompany.onlyoffice.com',
		description,
	};
}
