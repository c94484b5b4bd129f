import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { OperationalError } from 'n8n-workflow';

import { parsePortalUrl } from './portalUrl';
import { clean } from './errors';
import { redact, secretForms } from './redact';
import type { RedirectTarget } from './redirect';
import { isRedirectStatus, NO_REDIRECTS, redirectTarget } from './redirect';

export const API_PREFIX = '/api/2.0';

export function portalOrigin(credentials: ICredentialDataDecryptedObject): string {
	const parsed = parsePortalUrl(credentials.baseUrl);
	if (!parsed.ok) {
		throw new OperationalError(
			`${redact(parsed.reason, secretForms(credentials))}. Open the DocSpace API credential and enter the portal address with its scheme, e.g. https://yourcompany.onlyoffice.com`,
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
 * to another host, and the request never follows a redirect (see NO_REDIRECTS):
 * this holds for every request made with the credential — node, trigger, list
 * search and the credential test alike.
 */
export function authenticateRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const origin = portalOrigin(credentials);
	const options: IHttpRequestOptions = {
		...requestOptions,
		headers: { ...requestOptions.headers },
		...NO_REDIRECTS,
	};
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

/**
 * Signing in with email and password failed. A new error on purpose: the HTTP
 * library's error carries the request body, i.e. the password. The transport
 * recognises it by `signInFailed` (it arrives wrapped by n8n) and shows its text.
 */
export class SignInError extends OperationalError {
	readonly signInFailed = true;
}

interface AuthenticationTokenDto {
	token?: string;
	tfa?: boolean;
	sms?: boolean;
}

function loginFailure(
	status: number | undefined,
	serverMessage: string | undefined,
	redirect?: RedirectTarget,
): string {
	if (redirect) {
		return redirect.sameOrigin
			? `DocSpace answered the sign-in with a redirect (HTTP ${redirect.status}) instead of a token, so n8n stopped there. Check the Portal URL in the DocSpace API credential and the proxy in front of the portal`
			: `DocSpace redirected the sign-in (HTTP ${redirect.status}) to ${redirect.origin}; n8n did not send the email and password there. If that is your portal's address, enter it as the Portal URL in the DocSpace API credential`;
	}
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
	const url = `${origin}${API_PREFIX}/authentication`;
	let body: { response?: AuthenticationTokenDto } | undefined;
	let failure: string | undefined;
	try {
		body = (await helper.helpers.httpRequest({
			method: 'POST',
			url,
			body: { userName: credentials.email, password: credentials.password },
			json: true,
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
			// The body carries the password: a 307/308 would send it on to wherever the redirect points.
			...NO_REDIRECTS,
		})) as { response?: AuthenticationTokenDto };
	} catch (error) {
		const response = (
			error as { response?: { status?: number; data?: unknown; headers?: Record<string, unknown> } }
		).response;
		const data = response?.data as { error?: { message?: string } } | undefined;
		const secrets = secretForms(credentials);
		const said =
			typeof data?.error?.message === 'string' ? clean(data.error.message, secrets) : undefined;
		const redirect = isRedirectStatus(response?.status)
			? redirectTarget(response.status, response.headers?.location, url)
			: undefined;
		failure = redact(loginFailure(response?.status, said, redirect), secrets);
	}
	if (failure) throw new SignInError(failure);
	const dto = body?.response;
	if (dto?.tfa || dto?.sms) {
		throw new SignInError(
			'This DocSpace account uses two-factor authentication, which cannot be completed from n8n. Create an API key in DocSpace (Developer Tools → API keys) and choose "API Key" in the credential',
		);
	}
	if (!dto?.token) {
		throw new SignInError(
			'DocSpace signed in but returned no session token. Use an API key in the credential instead',
		);
	}
	return dto.token;
}
