// A table of the test file's own in the shared DynamoDB Local, driven through
// the real handlers in this process. For tests that must change the shop's
// settings (one global item, e.g. `refunds.deductShipping`) without changing
// them under the test files running beside them.
//
// In the test file, before anything imports an adapter:
//   vi.hoisted(() => { process.env.TABLE_NAME = `own-${crypto.randomUUID()}`; });
// then `await useOwnTable()` in beforeAll: from then on `call` (and every
// helper built on it) runs the handlers in this process against that table.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { compileRoutes, matchRoute } from '#infra/local/api-event';
import { ensureTable } from '#infra/local/bootstrap';
import { routes } from '#infra/routes';
import { type Transport, useTransport } from './api.ts';
import { invoke } from './fuzz-invoke.ts';

export const useOwnTable = async (): Promise<void> => {
  const name = process.env.TABLE_NAME;
  if (!name?.startsWith('own-')) throw new Error('set TABLE_NAME to own-<uuid> in vi.hoisted before importing adapters');
  await ensureTable(new DynamoDBClient({}), name);
  useTransport(inProcess);
};

const compiled = compileRoutes(routes);

/** `call` (test/support/api.ts), through the handler in this process against this file's table. */
const inProcess: Transport = async (caller, method, path, body, headers = {}) => {
  const [pathname, query] = path.split('?');
  const match = matchRoute(compiled, method, pathname ?? '');
  if (match.kind !== 'found') throw new Error(`no route ${method} ${path}`);
  const reply = await invoke({
    route: match.route,
    caller,
    pathParameters: match.pathParameters,
    query,
    body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
  });
  const json = reply.headers['content-type']?.includes('json') && reply.text;
  return { status: reply.status, headers: new Headers(reply.headers), body: (json ? JSON.parse(reply.text) : reply.text) as never };
};
