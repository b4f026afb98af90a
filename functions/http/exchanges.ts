// Exchanges area: the storefront declares variants; anyone signed in lists a
// product's; a customer (or an admin for them) asks for an exchange; admins run them.
import { exchangesRoutes } from '#infra/routes/exchanges';
import { getExchangeOrThrow, listCustomerExchanges, listExchanges } from '#shared/adapters/exchanges-repo';
import { exchangesApi } from '#shared/api/exchanges';
import { ownerIdOf } from '#shared/domain/caller';
import { httpHandler } from '#shared/http/handler';
import { callerOf } from '#shared/http/principal';
import { calculateExchange } from '#shared/use-cases/calculate-exchange';
import { listVariants } from '#shared/use-cases/list-variants';
import { putVariant } from '#shared/use-cases/put-variant';
import { requestExchange } from '#shared/use-cases/request-exchange';
import { viewExchange } from '#shared/use-cases/view-exchange';

export const handler = httpHandler(exchangesRoutes, exchangesApi, {
  'exchanges.putVariant': ({ params, body, now }) => putVariant(params.sku, body, now),
  'exchanges.listVariants': ({ query }) => listVariants(query.productId),
  'exchanges.calculate': ({ body: { orderId, ...body }, principal, actor, now }) =>
    calculateExchange({ caller: callerOf(principal), orderId, body, actor, now }),
  'exchanges.create': ({ body: { orderId, ...body }, principal, actor, now, idempotency }) =>
    requestExchange({ caller: callerOf(principal), orderId, body, actor, now, idempotency }),
  'exchanges.adminCreate': ({ params, body, principal, actor, now, idempotency }) =>
    requestExchange({ caller: callerOf(principal), orderId: params.orderId, body, actor, now, idempotency }),
  'exchanges.list': ({ principal, query }) => listCustomerExchanges(ownerIdOf(callerOf(principal)), query),
  'exchanges.get': ({ principal, params }) => viewExchange(params.id, callerOf(principal)),
  'exchanges.adminList': ({ query: { limit, cursor, ...filter } }) => listExchanges(filter, { limit, cursor }),
  'exchanges.adminGet': ({ params }) => getExchangeOrThrow(params.id),
});
