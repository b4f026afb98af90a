// Settings area: shop settings and their public part (the return policy), the
// managed reason lists, tracked stock.
import { settingsRoutes } from '#infra/routes/settings';
import { getReason, listReasons } from '#shared/adapters/reasons-repo';
import { getSettings } from '#shared/adapters/settings-repo';
import { getStock } from '#shared/adapters/stock-repo';
import { settingsApi } from '#shared/api/settings';
import { NotFoundError } from '#shared/domain/errors';
import { localizeReason } from '#shared/domain/reason';
import { returnPolicyOf } from '#shared/domain/return-policy';
import { httpHandler } from '#shared/http/handler';
import { negotiateLocale } from '#shared/i18n/locales';
import { createReason } from '#shared/use-cases/create-reason';
import { saveSettings } from '#shared/use-cases/save-settings';
import { setStock } from '#shared/use-cases/set-stock';
import { updateReason } from '#shared/use-cases/update-reason';

export const handler = httpHandler(settingsRoutes, settingsApi, {
  'settings.reasons': async ({ query, acceptLanguage }) => {
    const [items, settings] = await Promise.all([listReasons(query.kind, true), getSettings()]);
    const locale = negotiateLocale(acceptLanguage, settings.locales);
    return { items: items.map((reason) => localizeReason(reason, locale)) };
  },
  'settings.adminReasons': async ({ query }) => {
    const items = await listReasons(query.kind, query.active === 'true');
    return { items: query.active === 'false' ? items.filter((r) => !r.active) : items };
  },
  'settings.createReason': ({ body, now, idempotency }) => createReason({ body, now, idempotency }),
  'settings.updateReason': ({ params, body, ifMatch, now }) => updateReason({ id: params.id, body, ifMatch, now }),
  'settings.get': () => getSettings(),
  'settings.update': ({ body, ifMatch, now }) => saveSettings({ body, ifMatch, now }),
  'settings.getStock': ({ params }) => getStock(params.sku),
  // SetStockBody admits exactly one of quantity and adjust (a 400 otherwise), so `quantity` is set when `adjust` is not.
  'settings.setStock': ({ params, body, now, ifMatch }) =>
    setStock({ sku: params.sku, change: body.adjust === undefined ? { quantity: body.quantity ?? 0 } : { adjust: body.adjust }, ifMatch, now }),
  'settings.returnPolicy': async ({ acceptLanguage }) => {
    const settings = await getSettings();
    return returnPolicyOf(settings, negotiateLocale(acceptLanguage, settings.locales));
  },
  'settings.getReason': async ({ params }) => {
    const reason = await getReason(params.id);
    if (!reason) throw new NotFoundError('The reason');
    return reason;
  },
});
