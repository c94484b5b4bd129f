import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import subsetJson from '../contract/docspace-openapi.subset.json';

type Schema = Record<string, unknown>;
interface Parameter {
	name: string;
	in: 'query' | 'path' | 'header' | 'cookie';
	required?: boolean;
	schema?: Schema;
}
interface Operation {
	parameters?: Parameter[];
	requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface RecordedRequest {
	method: string;
	url: string;
	body?: unknown;
	/** A multipart/form-data body: text fields as strings, file parts as `{filename, size}`. */
	form?: Record<string, unknown>;
}

const subset = JSON.parse(
	JSON.stringify(subsetJson).replace(
		/"#\/components\/schemas\//g,
		'"docspace#/components/schemas/',
	),
) as {
	paths: Record<string, Record<string, Operation>>;
	components: { schemas: Record<string, Schema> };
};

/**
 * The generator models inheritance as `allOf` with `additionalProperties: false` on each
 * part, which no object can satisfy; merge the parts into one object schema instead.
 */
function flattenAllOf(schemas: Record<string, Schema>): Record<string, Schema> {
	const byRef = (ref: string) => schemas[ref.replace('docspace#/components/schemas/', '')];
	const flatten = (schema: Schema): Schema => {
		if (!Array.isArray(schema.allOf)) return schema;
		const parts = (schema.allOf as Schema[]).map((p) =>
			flatten(typeof p.$ref === 'string' ? byRef(p.$ref) : p),
		);
		const merged: Schema = { ...schema, type: 'object', properties: {}, required: [] };
		delete merged.allOf;
		for (const part of [...parts, schema]) {
			Object.assign(merged.properties as Schema, part.properties ?? {});
			(merged.required as string[]).push(...((part.required as string[] | undefined) ?? []));
			if (part.additionalProperties === false) merged.additionalProperties = false;
		}
		return merged;
	};
	return Object.fromEntries(
		Object.entries(schemas).map(([name, schema]) => [name, flatten(schema)]),
	);
}
/** OpenAPI 3.0 allows `nullable` beside `$ref`/`oneOf`; JSON Schema needs an explicit null branch. */
function explicitNull(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(explicitNull);
	if (!node || typeof node !== 'object') return node;
	const out: Schema = Object.fromEntries(
		Object.entries(node).map(([k, v]) => [k, explicitNull(v)]),
	);
	if (out.nullable === true && out.type === undefined) {
		delete out.nullable;
		return { anyOf: [out, { type: 'null' }] };
	}
	return out;
}
subset.components.schemas = explicitNull(flattenAllOf(subset.components.schemas)) as Record<
	string,
	Schema
>;

/** Requests follow the spec, except where the server reads a wider form: dates as ISO strings,
 * webhook triggers as a sum of trigger flags. */
const requestSchemas: Record<string, Schema> = {
	...subset.components.schemas,
	ApiDateTime: { type: 'string', minLength: 10 },
	WebhookTrigger: { type: 'integer', minimum: 0 },
};

/** Request bodies may carry only declared properties: DocSpace ignores the rest silently. */
function closeObjects(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(closeObjects);
	if (!node || typeof node !== 'object') return node;
	const out: Schema = {};
	for (const [key, value] of Object.entries(node)) out[key] = closeObjects(value);
	if (out.properties && out.additionalProperties === undefined && out.type === 'object') {
		out.additionalProperties = false;
	}
	return out;
}

/** In text, "12" is both an integer and a string: `oneOf [integer, string]` must accept it. */
function relaxOneOf(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(relaxOneOf);
	if (!node || typeof node !== 'object') return node;
	return Object.fromEntries(
		Object.entries(node).map(([key, value]) => [
			key === 'oneOf' ? 'anyOf' : key,
			relaxOneOf(value),
		]),
	);
}

function makeAjv(coerce: boolean) {
	const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: coerce ? 'array' : false });
	addFormats(ajv);
	const components = closeObjects({ schemas: requestSchemas });
	ajv.addSchema({
		$id: 'docspace',
		components: (coerce ? relaxOneOf(components) : components) as Schema,
	});
	return ajv;
}
/** Path and query values arrive as text; bodies are JSON and must have the right types. */
const textAjv = makeAjv(true);
const jsonAjv = makeAjv(false);

interface Route {
	template: string;
	pattern: RegExp;
	params: string[];
	literals: number;
}

const routes: Route[] = Object.keys(subset.paths).map((template) => {
	const params: string[] = [];
	const source = template
		.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
		.replace(/\{([^}]+)\}/g, (_, name: string) => {
			params.push(name);
			return '([^/]+)';
		});
	return {
		template,
		pattern: new RegExp(`^${source}$`),
		params,
		literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
	};
});

type Validate = ReturnType<typeof textAjv.compile>;
const validators = new Map<string, Validate>();
function validatorFor(key: string, schema: Schema, ajv = textAjv): Validate {
	let validate = validators.get(key);
	if (!validate) {
		validate = ajv.compile(schema);
		validators.set(key, validate);
	}
	return validate;
}

function resolve(schema: Schema | undefined): Schema | undefined {
	const ref = schema?.$ref;
	if (typeof ref !== 'string') return schema;
	return requestSchemas[ref.replace('docspace#/components/schemas/', '')];
}

/** The properties of an object schema, including those it inherits through allOf. */
function propertiesOf(schema: Schema | undefined): Record<string, Schema> | undefined {
	if (!schema) return undefined;
	const parts = [schema, ...((schema.allOf as Schema[] | undefined) ?? []).map(resolve)];
	const merged: Record<string, Schema> = {};
	let found = false;
	for (const part of parts) {
		if (part && part !== schema && part.allOf) Object.assign(merged, propertiesOf(part));
		if (part?.properties) {
			Object.assign(merged, part.properties as Record<string, Schema>);
			found = true;
		}
	}
	return found ? merged : undefined;
}

/** Query names with their schemas; some parameters are whole DTOs (e.g. `inDto`), exploded into properties. */
function queryParameters(parameters: Parameter[]): Map<string, Schema | undefined> {
	const known = new Map<string, Schema | undefined>();
	for (const p of parameters.filter((p) => p.in === 'query')) {
		const properties = propertiesOf(resolve(p.schema));
		if (properties) {
			for (const [name, property] of Object.entries(properties))
				known.set(name.toLowerCase(), property);
		} else {
			known.set(p.name.toLowerCase(), p.schema);
		}
	}
	return known;
}

function errorsText(validate: Validate): string {
	const lines = (validate.errors ?? []).map((e) => {
		const extra = (e.params as { additionalProperty?: string }).additionalProperty;
		return `${e.instancePath || '(root)'} ${e.message}${extra ? ` ("${extra}")` : ''}`;
	});
	return [...new Set(lines)].join('; ');
}

/** The path as the server routes it: each segment decoded (`%40self` is `@self`). */
function decodedPath(url: URL): string {
	return url.pathname
		.split('/')
		.map((segment) => decodeURIComponent(segment))
		.join('/');
}

/** Problems of one request against the official spec; empty when it conforms. */
export function contractProblems(request: RecordedRequest): string[] {
	const url = new URL(request.url);
	const pathname = decodedPath(url);
	const method = request.method.toLowerCase();
	const label = `${request.method} ${pathname}`;
	const matches = routes
		.filter((route) => route.pattern.test(pathname))
		.sort((a, b) => b.literals - a.literals);
	if (!matches.length) return [`${label}: no such route in the DocSpace API`];
	const route = matches.find((r) => subset.paths[r.template][method]);
	if (!route) return [`${label}: method not allowed on ${matches[0].template}`];
	const operation = subset.paths[route.template][method];
	const problems: string[] = [];
	const parameters = operation.parameters ?? [];

	const values = route.pattern.exec(pathname)?.slice(1) ?? [];
	route.params.forEach((name, i) => {
		const declared = parameters.find((p) => p.in === 'path' && p.name === name);
		if (!declared?.schema) return;
		const validate = validatorFor(`${route.template}#${name}`, {
			type: 'object',
			properties: { v: declared.schema },
		});
		if (!validate({ v: values[i] })) {
			problems.push(`${label}: path parameter ${name}: ${errorsText(validate)}`);
		}
	});

	const query: Record<string, string[]> = {};
	url.searchParams.forEach((value, rawKey) => {
		const key = rawKey.replace(/\[\]$/, '');
		(query[key] ??= []).push(value);
	});
	const known = queryParameters(parameters);
	for (const [key, list] of Object.entries(query)) {
		if (!known.has(key.toLowerCase())) {
			problems.push(`${label}: query parameter "${key}" is not in the spec`);
			continue;
		}
		const schema = known.get(key.toLowerCase());
		if (!schema) continue;
		const validate = validatorFor(`${route.template}?${key}`, {
			type: 'object',
			properties: { v: relaxOneOf(schema) },
		});
		const isArray = resolve(schema)?.type === 'array';
		if (!validate({ v: isArray ? list : list[list.length - 1] })) {
			problems.push(`${label}: query parameter ${key}: ${errorsText(validate)}`);
		}
	}
	for (const p of parameters.filter((p) => p.required && p.in === 'query')) {
		if (!query[p.name]) problems.push(`${label}: required query parameter ${p.name} missing`);
	}

	if (request.form) return [...problems, ...formProblems(label, operation, request.form)];
	const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
	const hasBody = request.body !== undefined && request.body !== '' && request.body !== null;
	if (hasBody && !bodySchema) {
		problems.push(`${label}: sends a body, but the spec declares none`);
	} else if (hasBody && bodySchema) {
		let body = request.body;
		if (typeof body === 'string') {
			try {
				body = JSON.parse(body);
			} catch {
				problems.push(`${label}: body is not JSON`);
				return problems;
			}
		}
		const validate = validatorFor(`${method} ${route.template} body`, bodySchema, jsonAjv);
		if (!validate(body)) problems.push(`${label}: body: ${errorsText(validate)}`);
	}
	return problems;
}

/**
 * A multipart body against the operation's `multipart/form-data` schema. The spec names the fields after
 * the request DTO (`InsertFile.Title`), but the server's model binder (InsertFileModelBinder) reads the
 * plain names (`title`, `createNewIfExist`) and takes the first file part whatever its name: text fields
 * must be a declared property without its `<Dto>.` prefix (any case); booleans must read as booleans.
 */
function formProblems(
	label: string,
	operation: Operation,
	form: Record<string, unknown>,
): string[] {
	const schema = operation.requestBody?.content?.['multipart/form-data']?.schema;
	if (!schema) return [`${label}: sends a multipart body, but the spec declares none`];
	const declared = new Map<string, Schema>();
	for (const [name, property] of Object.entries(
		(schema.properties as Record<string, Schema> | undefined) ?? {},
	)) {
		declared.set(name.split('.').slice(1).join('.').toLowerCase() || name.toLowerCase(), property);
	}
	const problems: string[] = [];
	let files = 0;
	for (const [name, value] of Object.entries(form)) {
		if (typeof value !== 'string') {
			files++;
			continue;
		}
		const property = declared.get(name.toLowerCase());
		if (!property || property.format === 'binary')
			problems.push(`${label}: form field "${name}" is not in the spec`);
		else if (property.type === 'boolean' && !/^(true|false)$/i.test(value))
			problems.push(`${label}: form field ${name} must be boolean`);
	}
	if (![...declared.values()].some((p) => p.format === 'binary') && files)
		problems.push(`${label}: sends a file, but the spec declares none`);
	return problems;
}

/** Every request seen by the test portal in this test file. */
export const recordedRequests: RecordedRequest[] = [];
export let validatedRequestCount = 0;

export function takeContractProblems(): string[] {
	const problems = recordedRequests.flatMap(contractProblems);
	validatedRequestCount += recordedRequests.length;
	recordedRequests.length = 0;
	return problems;
}

/**
 * Where the server and the spec disagree, responses follow the server (API notes §9):
 * dates are strings, webhook triggers are a bit mask, breadcrumbs are a list.
 */
const SERVER_DEVIATIONS: Record<string, Schema> = {
	ApiDateTime: {
		type: 'string',
		pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}(Z|[+-]\\d{2}:\\d{2})$',
	},
	WebhookTrigger: { type: 'integer', minimum: 0 },
	// Declared as the base type; the server sends full file and folder DTOs (API notes §6.2).
	// The identity service pages clients in `data`, a list (the spec's own example), declared as an object.
	PageableResponse: {
		type: 'object',
		properties: {
			data: { type: 'array', items: { $ref: 'docspace#/components/schemas/ClientResponse' } },
			limit: { type: 'integer' },
			last_client_id: { type: 'string' },
			last_created_on: { type: 'string', format: 'date-time' },
		},
	},
	FileEntryBaseDto: {
		anyOf: [
			{ $ref: 'docspace#/components/schemas/FolderDtoInteger' },
			{ $ref: 'docspace#/components/schemas/FileDtoInteger' },
		],
	},
};

const responseAjv = (() => {
	const ajv = new Ajv({ strict: false, allErrors: true });
	addFormats(ajv);
	const schemas = { ...subset.components.schemas, ...SERVER_DEVIATIONS };
	// `key` is only sent when the key is created; null properties are omitted (API notes §2.2).
	const apiKey = schemas.ApiKeyResponseDto as Schema | undefined;
	if (apiKey)
		schemas.ApiKeyResponseDto = {
			...apiKey,
			required: ((apiKey.required as string[]) ?? []).filter((r) => r !== 'key'),
		};
	const folderContent = schemas.FolderContentDtoInteger as Schema | undefined;
	if (folderContent?.properties) {
		schemas.FolderContentDtoInteger = {
			...folderContent,
			properties: { ...(folderContent.properties as Schema), pathParts: { type: 'array' } },
		};
	}
	ajv.addSchema({ $id: 'docspace', components: { schemas } });
	return ajv;
})();

/** Problems of a 200 response body against the spec's response schema (with the server deviations). */
export function responseProblems(
	request: RecordedRequest,
	status: number,
	body: unknown,
): string[] {
	if (status !== 200 || body === undefined || body === '') return [];
	const url = new URL(request.url);
	const pathname = decodedPath(url);
	const method = request.method.toLowerCase();
	const route = routes
		.filter((r) => r.pattern.test(pathname))
		.sort((a, b) => b.literals - a.literals)
		.find((r) => subset.paths[r.template][method]);
	if (!route) return [];
	const operation = subset.paths[route.template][method] as Operation & {
		responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
	};
	const schema = operation.responses?.['200']?.content?.['application/json']?.schema;
	if (!schema) return [];
	const key = `response ${method} ${route.template}`;
	let validate = validators.get(key);
	if (!validate) {
		validate = responseAjv.compile(schema);
		validators.set(key, validate);
	}
	return validate(body) ? [] : [`${request.method} ${pathname} response: ${errorsText(validate)}`];
}
