import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { OperationalError } from 'n8n-workflow';

import { parsePortalUrl } from '../helpers/portalUrl';

export const API_PREFIX = '/api/2.0';

export function portalOrigin(credentials: ICredentialDataDecryptedObject): string {
	const parsed = parsePortalUrl(credentials.baseUrl);
	if (!parsed.ok) {
		throw new OperationalError(
			`${parsed.reason}. Open the DocSpace API credential and enter the portal address with its scheme, e.g. https://yourcompany.onlyoffice.com`,
		);
	}
	return parsed.origin;
}

function requestOrigin(options: IHttpRequestOptions, fallback: string): string {
	try {
		return new URL(options.url, options.baseURL ?? fallback).origin;
	} catch {
		return '';
	}
}

/**
 * Applies the credential to a request. The token is attached only when the
 * request goes to the portal's own origin, so a crafted URL can never carry it
 * to another host.
 */
export function authenticateRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const origin = portalOrigin(credentials);
	const options: IHttpRequestOptions = { ...requestOptions, headers: { ...requestOptions.headers } };
	// The credential test sends the raw Portal URL as baseURL; normalise it like the node does.
	if (options.baseURL !== undefined && options.baseURL !== origin) {
		const parsed = parsePortalUrl(options.baseURL);
		if (parsed.ok && parsed.origin === origin) options.baseURL = origin;
	}
	if (requestOrigin(options, origin) !== origin) {
		throw new OperationalError(
			'Refusing to send DocSpace credentials to a host other than the Portal URL in the credential',
		);
	}
	const headers = options.headers as IDataObject;
	if (credentials.authType === 'password') {
		headers.Authorization = String(credentials.sessionToken ?? '');
	} else {
		headers.Authorization = `Bearer ${String(credentials.apiKey ?? '').trim()}`;
	}
	if (credentials.ignoreSslIssues === true) options.skipSslCertificateValidation = true;
	return options;
}

interface AuthenticationTokenDto {
	token?: string;
	tfa?: boolean;
	sms?: boolean;
}

function loginFailure(status: number | undefined, serverMessage: string | undefined): string {
	if (status === 401) {
		return 'DocSpace rejected the email or password in the DocSpace API credential. Check both and try again';
	}
	if (status === 403 && serverMessage) {
		return `DocSpace refused to sign in: ${serverMessage}. ${
			/disabled/i.test(serverMessage)
				? 'The account is disabled; use an active admin account.'
				: 'Wait a few minutes before trying again.'
		}`;
	}
	if (status === undefined) {
		return 'Could not reach the DocSpace portal to sign in. Check the Portal URL in the DocSpace API credential';
	}
	return `DocSpace could not sign in (HTTP ${status}). Check the Portal URL, email and password in the DocSpace API credential`;
}

/** Exchanges email + password for a session token (`POST /api/2.0/authentication`). */
export async function exchangePasswordForToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const origin = portalOrigin(credentials);
	let body: { response?: AuthenticationTokenDto } | undefined;
	let failure: string | undefined;
	try {
		body = (await helper.helpers.httpRequest({
			method: 'POST',
			url: `${origin}${API_PREFIX}/authentication`,
			body: { userName: credentials.email, password: credentials.password },
			json: true,
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		})) as { response?: AuthenticationTokenDto };
	} catch (error) {
		const response = (error as { response?: { status?: number; data?: unknown } }).response;
		const data = response?.data as { error?: { message?: string } } | undefined;
		failure = loginFailure(response?.status, data?.error?.message);
	}
	// A new error on purpose: the HTTP library's error carries the request body, i.e. the password.
	if (failure) throw new OperationalError(failure);
	const dto = body?.response;
	if (dto?.tfa || dto?.sms) {
		throw new OperationalError(
			'This DocSpace account uses two-factor authentication, which cannot be completed from n8n. Create an API key in DocSpace (Developer Tools → API keys) and choose "API Key" in the credential',
		);
	}
	if (!dto?.token) {
		throw new OperationalError(
			'DocSpace signed in but returned no session token. Use an API key in the credential instead',
		);
	}
	return dto.token;
}
