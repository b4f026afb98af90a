// Every HTTP route, declared once, in its area's table (infra/routes/<area>.ts):
// each Lambda bundles only its own area's table. This index joins them for
// everything that reads all routes: the CDK stack builds an API Gateway route and
// Lambda integration from each entry; the local API server dispatches to the same
// handler; the OpenAPI document, the docs and the authorization-matrix test read it too.
import { type AreaRoute, HTTP_FUNCTIONS, type HttpFunction } from '#shared/http/route';
import { attachmentsRoutes } from './routes/attachments.ts';
import { cancellationsRoutes } from './routes/cancellations.ts';
import { creditRoutes } from './routes/credit.ts';
import { documentsRoutes } from './routes/documents.ts';
import { exchangesRoutes } from './routes/exchanges.ts';
import { metaRoutes } from './routes/meta.ts';
import { notesRoutes } from './routes/notes.ts';
import { ordersRoutes } from './routes/orders.ts';
import { paymentsRoutes } from './routes/payments.ts';
import { refundsRoutes } from './routes/refunds.ts';
import { returnsRoutes } from './routes/returns.ts';
import { settingsRoutes } from './routes/settings.ts';
import { webhooksRoutes } from './routes/webhooks.ts';

export { HTTP_FUNCTIONS, type HttpFunction, ROLES, type Role, type Route, routeKey } from '#shared/http/route';

/** Each area's table under its function's name: an area without one fails to compile. */
const routesByArea = {
  meta: metaRoutes,
  orders: ordersRoutes,
  documents: documentsRoutes,
  notes: notesRoutes,
  cancellations: cancellationsRoutes,
  settings: settingsRoutes,
  refunds: refundsRoutes,
  returns: returnsRoutes,
  attachments: attachmentsRoutes,
  webhooks: webhooksRoutes,
  payments: paymentsRoutes,
  exchanges: exchangesRoutes,
  credit: creditRoutes,
} as const satisfies { readonly [F in HttpFunction]: readonly AreaRoute<F>[] };

type AnyRoute = (typeof routesByArea)[HttpFunction][number];

/** All routes, area by area in the order of HTTP_FUNCTIONS. */
export const routes: readonly AnyRoute[] = HTTP_FUNCTIONS.flatMap((fn): readonly AnyRoute[] => routesByArea[fn]);

export type RouteId = AnyRoute['id'];
