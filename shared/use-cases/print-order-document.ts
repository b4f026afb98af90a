// Prints an order's invoice or receipt: the order (owner or admin), the shop
// from settings and the refunds so far, laid out by the domain, drawn as a PDF.
import type { Page } from '#shared/adapters/dynamo';
import { getOrder } from '#shared/adapters/orders-repo';
import { renderPdf } from '#shared/adapters/pdf';
import { listRefunds } from '#shared/adapters/refunds-repo';
import { getSettings } from '#shared/adapters/settings-repo';
import { type Caller, visibleTo } from '#shared/domain/caller';
import { buildOrderDocument, checkReceiptAvailable, type DocumentKind, type RefundSummary } from '#shared/domain/documents/order-document';
import { resolveLocale } from '#shared/i18n/locales';

/** The PDF as the HTTP engine answers binaries. */
export interface PrintedDocument {
  readonly binary: Uint8Array;
  readonly contentType: 'application/pdf';
  readonly fileName: string;
}

/** Every refund of the order: a handful at most, read page by page. */
const allRefunds = async (orderId: string): Promise<RefundSummary[]> => {
  const refunds: RefundSummary[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<RefundSummary> = await listRefunds(orderId, { limit: 100, cursor });
    refunds.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return refunds;
};

export const printOrderDocument = async (kind: DocumentKind, orderId: string, caller: Caller, now: string): Promise<PrintedDocument> => {
  const order = visibleTo(caller, await getOrder(orderId), (o) => o.customer.customerId, 'The order');
  if (kind === 'receipt') checkReceiptAvailable(order);
  const [settings, refunds] = await Promise.all([getSettings(), allRefunds(order.id)]);
  // Printed in the customer's language (an admin reprinting it gets what the customer got).
  const locale = resolveLocale(order.customer.locale, settings.locales);
  const document = buildOrderDocument({ kind, order, shop: settings.shop, refunds, now, locale });
  return { binary: await renderPdf(document, now), contentType: 'application/pdf', fileName: document.fileName };
};
