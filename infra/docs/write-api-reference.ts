// `npm run docs`: writes docs/api-reference.md from the route table and the zod specs.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { apiReferenceFile, currentApiReference } from '#infra/docs/current-api-reference';
import { projectRoot } from '#infra/local/setup';

await writeFile(apiReferenceFile, currentApiReference());
console.log(`wrote ${path.relative(projectRoot, apiReferenceFile)}`);
