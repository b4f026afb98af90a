// The reference as the code describes it now, and where it is committed.
import path from 'node:path';
import { renderApiReference } from '#infra/docs/api-reference';
import { projectRoot } from '#infra/local/setup';
import { routes } from '#infra/routes';
import { contract } from '#shared/api/index';
import { buildOpenApi } from '#shared/api/openapi';

export const apiReferenceFile = path.join(projectRoot, 'docs', 'api-reference.md');

export const currentApiReference = (): string => renderApiReference(buildOpenApi(routes, contract));
