import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { DocSpaceApi } from '../../credentials/DocSpaceApi.credentials';

export const credentialTypes: Record<string, ICredentialType> = { docSpaceApi: new DocSpaceApi() };

/**
 * The part of n8n's CredentialsHelper that a node run needs: stored credential
 * data by id, `preAuthentication` for expirable tokens (same rules as n8n's),
 * and the credential type's own `authenticate`.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Credential data by credential id, as the node's `credentials` refer to it. */
	constructor(readonly store: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	preAuthenticationCalls = 0;

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const type = credentialTypes[typeName];
		if (typeof type.authenticate !== 'function') throw new Error(`${typeName} has no authenticate function`);
		return await type.authenticate(credentials, requestOptions as IHttpRequestOptions);
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialTypes[typeName];
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) {
			return undefined;
		}
		this.preAuthenticationCalls++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const id = node.credentials?.[typeName]?.id;
		if (id) Object.assign(this.store[id], output);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not needed in tests');
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
	): Promise<ICredentialDataDecryptedObject> {
		const data = nodeCredentials.id ? this.store[nodeCredentials.id] : undefined;
		if (!data) throw new Error(`No test credential with id ${String(nodeCredentials.id)}`);
		return { ...data };
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		if (nodeCredentials.id) this.store[nodeCredentials.id] = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type].properties;
	}
}
