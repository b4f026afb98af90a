// Exchanges area: the storefront declares variants; anyone signed in lists a product's.
import { exchangesRoutes } from '#infra/routes/exchanges';
import { exchangesApi } from '#shared/api/exchanges';
import { httpHandler } from '#shared/http/handler';
import { listVariants } from '#shared/use-cases/list-variants';
import { putVariant } from '#shared/use-cases/put-variant';

export const handler = httpHandler(exchangesRoutes, exchangesApi, {
  'exchanges.putVariant': ({ params, body, now }) => putVariant(params.sku, body, now),
  'exchanges.listVariants': ({ query }) => listVariants(query.productId),
});
