// 2. Init time: each bundle imported in a fresh `node` process (the Lambda
// runtime's NODE_OPTIONS), interleaved run by run with its SDK-only reference,
// then the first handler call in that same process with a realistic event
// against the local stack (the reference's first call is one GetItem).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import { KEY } from '#shared/adapters/keys';
import type { Order } from '#shared/domain/order';
import { batch, modified } from '../support/stream-events.ts';
import { type BundleResult, OUT_DIR } from './bundles.ts';
import { type Caller, eventFor, invokeOk, type Request } from './invoke.ts';
import { type Summary, summarize } from './stats.ts';

const run = promisify(execFile);
const CHILD = new URL('./init-child.mjs', import.meta.url).pathname;

export interface InitResult {
  readonly name: string;
  readonly init: Summary;
  readonly referenceInit: Summary;
  readonly first: Summary;
  readonly referenceFirst: Summary;
  /** Init of the function over its reference's, run by run (each pair measured back to back): the judged figure, with its spread. */
  readonly ratio: Summary;
  readonly firstRoute: string;
}

interface Sample {
  importMs: number;
  firstMs: number;
  statusCode: number;
}

/** What a first call is: its event, and the statuses it may answer. */
interface FirstCall {
  readonly label: string;
  readonly event: () => unknown;
  /** Whether the first call answered as it should; 2xx unless said. */
  readonly accepts?: (status: number) => boolean;
}

/** An empty batch: the consumer's first call without the work of a record (its import is what is measured). */
const emptyBatch = (label: string): FirstCall => ({ label: `${label}: empty batch`, event: () => ({ Records: [] }) });

/** A read each function serves, on data made for it; notify gets an order status change from the stream. */
const prepareEvents = async (): Promise<Record<string, FirstCall>> => {
  const admin: Caller = { role: 'admin', sub: 'bench-admin' };
  const sub = `bench-init-${randomUUID()}`;
  const me: Caller = { role: 'customer', sub };
  const { orderBody } = await import('../support/orders.ts');
  const order = await invokeOk<Order>(
    {
      caller: { role: 'storefront', sub: 'bench' },
      method: 'POST',
      url: '/orders',
      body: { ...orderBody(), customer: { customerId: sub, name: 'Init Bench', email: `${sub}@example.com` } },
    },
    201,
  );
  const attachment = await invokeOk<{ id: string }>(
    { caller: me, method: 'POST', url: '/attachments', body: { fileName: 'a.jpg', contentType: 'image/jpeg', size: 100 } },
    201,
  );
  const { Item: stored } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.order(order.id) }));
  const http = (label: string, request: Request) => ({ label, event: () => eventFor(request).event });
  return {
    meta: http('GET /health', { caller: { role: 'public' }, method: 'GET', url: '/health' }),
    orders: http('GET /admin/orders/{id}', { caller: admin, method: 'GET', url: `/admin/orders/${order.id}` }),
    documents: http('GET /orders/{id}/invoice.pdf', { caller: admin, method: 'GET', url: `/orders/${order.id}/invoice.pdf` }),
    notes: http('GET /admin/orders/{id}/notes', { caller: admin, method: 'GET', url: `/admin/orders/${order.id}/notes` }),
    cancellations: http('GET /admin/cancellations', { caller: admin, method: 'GET', url: '/admin/cancellations' }),
    settings: http('GET /admin/settings', { caller: admin, method: 'GET', url: '/admin/settings' }),
    refunds: http('GET /admin/orders/{id}/refunds', { caller: admin, method: 'GET', url: `/admin/orders/${order.id}/refunds` }),
    returns: http('GET /admin/returns', { caller: admin, method: 'GET', url: '/admin/returns' }),
    attachments: http('GET /attachments/{id}', { caller: me, method: 'GET', url: `/attachments/${attachment.id}` }),
    webhooks: http('GET /admin/webhooks', { caller: admin, method: 'GET', url: '/admin/webhooks' }),
    exchanges: http('GET /admin/exchanges', { caller: admin, method: 'GET', url: '/admin/exchanges' }),
    credit: http('GET /admin/customers/{id}/store-credit', { caller: admin, method: 'GET', url: `/admin/customers/${sub}/store-credit` }),
    // A customer's sign-in: no admin group, so the trigger answers at once (no Cognito call), as for most sign-ins.
    'admin-mfa': {
      label: 'pre-token trigger: a customer (no admin group)',
      event: () => ({ userPoolId: 'bench', userName: sub, request: { groupConfiguration: { groupsToOverride: [] } }, response: {} }),
      // It returns the event, not an HTTP answer, so there is no status to check; a throw fails the sample's process.
      accepts: () => true,
    },
    // An unsigned body: refused (4xx) after the provider lookup, before any settlement.
    payments: {
      ...http('POST /payments/webhooks/{provider} (unsigned: refused)', {
        caller: { role: 'public' },
        method: 'POST',
        url: '/payments/webhooks/stripe',
        body: {},
      }),
      accepts: (status: number) => status >= 400 && status < 500,
    },
    events: emptyBatch('stream'),
    'payments-queue': emptyBatch('queue'),
    'webhook-delivery': emptyBatch('queue'),
    notify: {
      label: 'stream: order pending → confirmed (1 email)',
      // A new version each time: the send-once marker would otherwise skip the email after the first run.
      event: () => {
        const version = 1000 + Math.floor(Math.random() * 1e9);
        const old = { ...stored, version: version - 1 };
        return batch(modified(old, { ...stored, status: 'confirmed', version }));
      },
    },
  };
};

const sample = async (dir: string, eventFile: string, env: NodeJS.ProcessEnv): Promise<Sample> => {
  const { stdout } = await run(process.execPath, [CHILD, path.join(dir, 'index.mjs'), eventFile], { env, maxBuffer: 16 * 1024 * 1024 });
  const last = stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as Sample;
};

export const measureInit = async (bundles: readonly BundleResult[], runs: number, log: (line: string) => void): Promise<InitResult[]> => {
  const events = await prepareEvents();
  const eventsDir = path.join(OUT_DIR, 'events');
  mkdirSync(eventsDir, { recursive: true });
  // What Lambda sets (infra/constructs/app-function.ts); the bench's own log level is not passed on.
  const { POWERTOOLS_LOG_LEVEL: _quiet, ...inherited } = process.env;
  const env = { ...inherited, NODE_OPTIONS: '--enable-source-maps', AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024', NODE_NO_WARNINGS: '1' };
  const samples = new Map(bundles.map((b) => [b.name, { fn: [] as Sample[], ref: [] as Sample[] }]));
  for (let i = 0; i < runs; i++) {
    for (const bundle of bundles) {
      const spec = events[bundle.name];
      const eventFile = path.join(eventsDir, `${bundle.name}.json`);
      writeFileSync(eventFile, JSON.stringify(spec?.event() ?? {}));
      const slot = samples.get(bundle.name) as { fn: Sample[]; ref: Sample[] };
      // Alternate who goes first, so neither always runs on a warmer page cache.
      const pair = [
        () => sample(bundle.dir, eventFile, env).then((s) => slot.fn.push(s)),
        () => sample(bundle.referenceDir, eventFile, env).then((s) => slot.ref.push(s)),
      ];
      for (const go of i % 2 ? pair.reverse() : pair) await go();
      const last = slot.fn.at(-1);
      const accepts = spec?.accepts ?? ((status: number) => status >= 200 && status < 300);
      if (last && !accepts(last.statusCode)) throw new Error(`bench: first invocation of ${bundle.name} answered ${last.statusCode}`);
    }
    if ((i + 1) % 5 === 0) log(`  init runs ${i + 1}/${runs}`);
  }
  return bundles.map((b) => {
    const s = samples.get(b.name) as { fn: Sample[]; ref: Sample[] };
    return {
      name: b.name,
      init: summarize(s.fn.map((x) => x.importMs)),
      referenceInit: summarize(s.ref.map((x) => x.importMs)),
      first: summarize(s.fn.map((x) => x.firstMs)),
      referenceFirst: summarize(s.ref.map((x) => x.firstMs)),
      ratio: summarize(s.fn.map((x, i) => x.importMs / (s.ref[i]?.importMs ?? Number.NaN))),
      firstRoute: events[b.name]?.label ?? '?',
    };
  });
};
