// `npm run docs`: writes docs/api-reference.md and the documents the meta
// function serves, from the route table and the zod specs.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { apiReferenceFile, currentApiReference } from '#infra/docs/current-api-reference';
import { publishedDocumentsFile, renderPublishedDocuments } from '#infra/docs/published-documents';
import { projectRoot } from '#infra/local/setup';

await writeFile(apiReferenceFile, currentApiReference());
await writeFile(publishedDocumentsFile, renderPublishedDocuments());
for (const file of [apiReferenceFile, publishedDocumentsFile]) console.log(`wrote ${path.relative(projectRoot, file)}`);
