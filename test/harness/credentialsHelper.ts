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
import { DocSpaceOAuth2Api } from '../../credentials/DocSpaceOAuth2Api.credentials';

export const credentialTypes: Record<string, ICredentialType> = {
	docSpaceApi: new DocSpaceApi(),
	docSpaceOAuth2Api: new DocSpaceOAuth2Api(),
};

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

	/** As n8n's: the types a credential type extends (`oAuth2Api` makes n8n-core sign with OAuth2). */
	getParentTypes(typeName: string): string[] {
		return credentialTypes[typeName]?.extends ?? [];
	}

	/** Token data n8n-core saved after refreshing an OAuth2 token, newest last. */
	readonly savedTokenData: ICredentialDataDecryptedObject[] = [];

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const type = credentialTypes[typeName];
		if (typeof type.authenticate !== 'function')
			throw new Error(`${typeName} has no authenticate function`);
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
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (
			credentials[expirable.name] !== '' &&
			credentials[expirable.name] !== undefined &&
			!credentialsExpired
		) {
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

	/** What n8n does after a refresh: store the new `oauthTokenData` with the credential. */
	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		if (nodeCredentials.id && this.store[nodeCredentials.id])
			this.store[nodeCredentials.id].oauthTokenData = data.oauthTokenData;
		this.savedTokenData.push(data.oauthTokenData as ICredentialDataDecryptedObject);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type].properties;
	}
}
