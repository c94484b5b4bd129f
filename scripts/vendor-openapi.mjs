// Copies the part of ONLYOFFICE's official DocSpace OpenAPI spec that this package
// calls into test/contract/, so the contract tests run without the full 2 MB file.
// Usage: node scripts/vendor-openapi.mjs <path to api-docs.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

const source =
	process.argv[2] ?? resolve(import.meta.dirname, '../../shared/docspace-openapi/api-docs.json');
const target = resolve(import.meta.dirname, '../test/contract/docspace-openapi.subset.json');

export const PATHS = [
	'/api/2.0/authentication',
	'/api/2.0/people',
	'/api/2.0/people/@self',
	'/api/2.0/people/{userid}',
	'/api/2.0/people/email',
	'/api/2.0/people/filter',
	'/api/2.0/people/status/{status}',
	'/api/2.0/people/delete',
	'/api/2.0/people/self/delete',
	'/api/2.0/people/type',
	'/api/2.0/people/type/{type}',
	'/api/2.0/people/type/progress/{userid}',
	'/api/2.0/people/type/terminate',
	'/api/2.0/people/reassign/necessary',
	'/api/2.0/people/reassign/start',
	'/api/2.0/people/reassign/progress/{userid}',
	'/api/2.0/people/reassign/terminate',
	'/api/2.0/people/remove/start',
	'/api/2.0/people/remove/progress/{userid}',
	'/api/2.0/people/remove/terminate',
	'/api/2.0/people/delete/personal/start',
	'/api/2.0/people/delete/personal/progress',
	'/api/2.0/security/activeconnections/logoutall/{userId}',
	'/api/2.0/files/fileops',
	'/api/2.0/files/fileops/move',
	'/api/2.0/files/fileops/copy',
	'/api/2.0/files/fileops/delete',
	'/api/2.0/files/fileops/checkdestfolder',
	'/api/2.0/files/fileops/terminate/{id}',
	'/api/2.0/files/{folderId}',
	'/api/2.0/files/folder/{folderId}',
	'/api/2.0/files/folder/{folderId}/path',
	'/api/2.0/files/folder/{id}/share',
	'/api/2.0/files/folder/{folderId}/share',
	'/api/2.0/files/file/{fileId}',
	'/api/2.0/files/file/{id}/share',
	'/api/2.0/files/file/{fileId}/share',
	'/api/2.0/files/@my',
	'/api/2.0/keys/@self',
	'/api/2.0/files/owner',
	'/api/2.0/files/rooms',
	'/api/2.0/files/rooms/{id}',
	'/api/2.0/files/rooms/{id}/archive',
	'/api/2.0/files/rooms/{id}/unarchive',
	'/api/2.0/files/rooms/{id}/share',
	'/api/2.0/security/audit/events/filter',
	'/api/2.0/security/audit/events/last',
	'/api/2.0/security/audit/events/report',
	'/api/2.0/security/audit/login/filter',
	'/api/2.0/security/audit/login/last',
	'/api/2.0/security/audit/login/report',
	'/api/2.0/security/audit/types',
	'/api/2.0/security/oauth2/token',
	'/api/2.0/settings/webhook',
	'/api/2.0/settings/webhook/{id}',
	'/api/2.0/settings/webhook/triggers',
	'/api/2.0/group',
	'/api/2.0/group/{id}',
	'/api/2.0/group/user/{userid}',
	'/api/2.0/group/{id}/members',
	'/api/2.0/group/{id}/manager',
	'/api/2.0/keys',
	'/api/2.0/keys/{keyId}',
	// Identity service (ASC.Identity): plain JSON answers, ProblemDetail errors.
	'/api/2.0/clients',
	'/api/2.0/clients/{clientId}',
	'/api/2.0/files/{folderId}/insert',
];

const spec = JSON.parse(readFileSync(source, 'utf8'));
const paths = {};
for (const path of PATHS) {
	if (!spec.paths[path]) {
		console.error(`not in the spec: ${path}`);
		continue;
	}
	paths[path] = spec.paths[path];
}

// Keep every schema reachable from the chosen paths, plus the concrete entry DTOs the
// server really sends where the spec names only their base (FileEntryBaseDto).
const EXTRA_SCHEMAS = ['FileDtoInteger', 'FolderDtoInteger'];
const schemas = {};
const pending = [
	JSON.stringify(paths),
	JSON.stringify(EXTRA_SCHEMAS.map((name) => ({ $ref: `#/components/schemas/${name}` }))),
];
while (pending.length) {
	for (const [, name] of pending.pop().matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
		if (schemas[name] || !spec.components.schemas[name]) continue;
		schemas[name] = spec.components.schemas[name];
		pending.push(JSON.stringify(schemas[name]));
	}
}

const subset = {
	openapi: spec.openapi,
	info: {
		...spec.info,
		'x-subset-of':
			'ONLYOFFICE/DocSpace-server common/Tools/ASC.Api.Documentation/ASC.Api.Documentation/SDK/json/api-docs.json @ ed2994e74f9de78af63e73f425b060345a262536',
		'x-source-sha256': createHash('sha256').update(readFileSync(source)).digest('hex'),
	},
	paths,
	components: { schemas },
};
writeFileSync(target, `${JSON.stringify(subset, null, '\t')}\n`);
console.log(
	`${Object.keys(paths).length} paths, ${Object.keys(schemas).length} schemas -> ${target}`,
);
