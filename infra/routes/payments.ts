// The payments area's routes: the payment provider's signed webhooks.
import type { AreaRoute } from '#shared/http/route';

export const paymentsRoutes = [
  { id: 'payments.webhook', method: 'POST', path: '/payments/webhooks/{provider}', fn: 'payments', roles: ['public'] },
] as const satisfies readonly AreaRoute<'payments'>[];
