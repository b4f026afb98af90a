// Who may return what, and until when (API.md "Eligibility at creation"). Each
// rule refuses with a 422 naming the rule and the offending field.
//
// Units of a line are counted by two counters on the order and the refund ledger:
// - `returnedQuantity` (returns flow): units sent back in requests that were not
//   cancelled or denied. A request adds its units when created; cancelling or
//   denying it takes them off again, and approving it takes off the units found
//   bad (they are the customer's again). After approval it holds the good units,
//   and they stay counted once refunded: they came back.
// - `refundedQuantity` (refund writer): every refunded unit, the good units of
//   refunded returns among them (`refundedThroughReturns`, the order's refund counters).
// So units out = returnedQuantity + (refundedQuantity − refundedThroughReturns),
// units in open returns = returnedQuantity − refundedThroughReturns, and a line
// can still be returned for quantity − units out.
import { BusinessRuleError, type FieldError } from './errors.ts';
import { ibanOf } from './iban.ts';
import type { LineItem, Order } from './order.ts';
import { checkReasonUsable, type Reason } from './reason.ts';
import { type CreateReturnBody, EXTRA_COMMENT_MAX, type RefundMethod, type ReturnableItem } from './return-request.ts';
import type { Settings } from './settings.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export const deadlineOf = (deliveredAt: string, maxDays: number): string => new Date(Date.parse(deliveredAt) + maxDays * DAY_MS).toISOString();

type Counted = Pick<LineItem, 'quantity' | 'refundedQuantity' | 'returnedQuantity'>;

/** Units of a line not refunded and not in a return (open, or refunded through it). */
export const returnableUnits = (line: Counted, refundedThroughReturns = 0): number =>
  Math.max(0, line.quantity - line.returnedQuantity - (line.refundedQuantity - refundedThroughReturns));

/** Units of a line in requests not yet refunded, cancelled or denied. */
export const unitsInOpenReturns = (line: Counted, refundedThroughReturns = 0): number => Math.max(0, line.returnedQuantity - refundedThroughReturns);

export const excludedCategoryOf = (line: Pick<LineItem, 'categoryIds'>, settings: Settings): string | undefined =>
  line.categoryIds.find((c) => settings.returns.excludedCategories.includes(c));

const refuse = (rule: string, message: string, errors: FieldError[]): never => {
  throw new BusinessRuleError(rule, message, { errors });
};

/** Refuses in a stable order so a client fixes one rule at a time; every offending field of that rule is listed. */
const check = (rule: string, message: string, errors: FieldError[]): void => {
  if (errors.length > 0) refuse(rule, message, errors);
};

const REFUND_METHOD_SETTING = { card: 'card', bank_transfer: 'bankTransfer', voucher: 'voucher', store_credit: 'storeCredit' } as const satisfies Record<
  RefundMethod,
  keyof Settings['returns']['refundMethods']
>;

/** Whether the settings offer a refund method (the setting names differ from the API's spelling). */
export const refundMethodEnabled = (settings: Pick<Settings, 'returns' | 'storeCredit'>, method: RefundMethod): boolean =>
  // Store credit is offered once the shop has turned it on, and unless the method itself is switched off.
  method === 'store_credit'
    ? settings.storeCredit.enabled && settings.returns.refundMethods.storeCredit !== false
    : settings.returns.refundMethods[REFUND_METHOD_SETTING[method]] === true;

export interface EligibilityInput {
  readonly order: Order;
  readonly body: CreateReturnBody;
  readonly settings: Settings;
  /** The reasons the body names, by id (undefined when unknown). */
  readonly reasons: ReadonlyMap<string, Reason | undefined>;
  /** Per line id: units refunded by the refunds of returns (from the refund ledger). */
  readonly refundedThroughReturns: ReadonlyMap<string, number>;
  readonly now: string;
}

/** What a return (or an exchange's inbound side) asks to send back, and where its items sit in the body. */
export interface UnitsInput {
  readonly order: Order;
  readonly items: readonly { readonly lineItemId: string; readonly quantity: number; readonly reasonId: string }[];
  /** The body's field holding the items (`items`; `inbound` for an exchange): each refusal names `<field>.<i>.<name>`. */
  readonly field: string;
  readonly settings: Settings;
  readonly reasons: ReadonlyMap<string, Reason | undefined>;
  readonly refundedThroughReturns: ReadonlyMap<string, number>;
  readonly now: string;
}

/** The rules on the units sent back (delivered, lines, reasons, window, categories, quantities), in order; throws the first one broken. */
export const checkReturnableUnits = ({ order, items, field, settings, reasons, refundedThroughReturns, now }: UnitsInput): void => {
  if (order.status !== 'delivered' || !order.deliveredAt) {
    refuse('order_not_delivered', `Only a delivered order can be returned; this one is ${order.status}.`, [{ path: 'orderId', message: 'is not delivered' }]);
  }
  const deliveredAt = order.deliveredAt as string;
  const lines = items.map((item) => order.lineItems.find((l) => l.id === item.lineItemId));
  const perItem = (test: (i: number) => string | undefined, name: string): FieldError[] =>
    items.flatMap((_, i) => {
      const message = test(i);
      return message ? [{ path: `${field}.${i}.${name}`, message }] : [];
    });

  check(
    'line_item_unknown',
    'A line item is not part of this order.',
    perItem((i) => (lines[i] ? undefined : 'is not a line of this order'), 'lineItemId'),
  );
  // Unknown, wrong-kind or inactive: the reasons area's own rule (reason_unknown / reason_inactive).
  const chosen = items.map((item, i) => checkReasonUsable(reasons.get(item.reasonId), item.reasonId, 'return', `${field}.${i}.reasonId`));
  const reasonOf = (i: number) => chosen[i];
  check(
    'return_window_expired',
    'The return window has closed.',
    perItem((i) => {
      const maxDays = reasonOf(i)?.maxDays ?? settings.returns.maxDays;
      const deadline = deadlineOf(deliveredAt, maxDays);
      return Date.parse(now) > Date.parse(deadline) ? `the window for this reason closed at ${deadline} (${maxDays} days after delivery)` : undefined;
    }, 'reasonId'),
  );
  check(
    'category_excluded',
    'A product is in a category that cannot be returned.',
    perItem((i) => {
      const category = excludedCategoryOf(lines[i] as LineItem, settings);
      return category ? `is in the excluded category ${category}` : undefined;
    }, 'lineItemId'),
  );
  check(
    'quantity_exceeds_returnable',
    'More units than can still be returned.',
    perItem((i) => {
      const line = lines[i] as LineItem;
      const left = returnableUnits(line, refundedThroughReturns.get(line.id));
      return (items[i]?.quantity ?? 0) > left ? `must be at most ${left} (purchased − refunded − in open returns)` : undefined;
    }, 'quantity'),
  );
};

/** The shop's return terms, when it has any, must be accepted (a return's and an exchange's `termsAccepted`). */
export const checkTermsAccepted = (settings: Settings, termsAccepted: boolean | undefined): void => {
  if (settings.returns.termsUrl && termsAccepted !== true) {
    refuse('terms_not_accepted', `The return terms (${settings.returns.termsUrl}) must be accepted.`, [{ path: 'termsAccepted', message: 'must be true' }]);
  }
};

/** Every eligibility rule of API.md, in order; throws the first one broken. */
export const checkReturnEligibility = ({ order, body, settings, reasons, refundedThroughReturns, now }: EligibilityInput): void => {
  checkReturnableUnits({ order, items: body.items, field: 'items', settings, reasons, refundedThroughReturns, now });
  checkRefundMethod(body, order, settings);
  checkTermsAccepted(settings, body.termsAccepted);
  if (body.extraComment && body.extraComment.length > EXTRA_COMMENT_MAX) {
    refuse('extra_comment_too_long', `The comment is limited to ${EXTRA_COMMENT_MAX} characters.`, [
      { path: 'extraComment', message: `must be at most ${EXTRA_COMMENT_MAX} characters` },
    ]);
  }
  if ((body.attachments?.length ?? 0) > 0 && !settings.refunds.attachments.enabled) {
    refuse('attachments_disabled', 'This shop does not accept attachments with return requests.', [{ path: 'attachments', message: 'must be empty' }]);
  }
};

const checkRefundMethod = (body: CreateReturnBody, order: Order, settings: Settings): void => {
  if (!refundMethodEnabled(settings, body.refundMethod)) {
    refuse('refund_method_disabled', `Refunds by ${body.refundMethod} are not offered.`, [{ path: 'refundMethod', message: 'is not enabled in the settings' }]);
  }
  if (body.refundMethod === 'card' && order.paymentMethod !== 'card') {
    refuse('card_refund_unavailable', 'A card refund needs an order paid by card.', [
      { path: 'refundMethod', message: `the order was paid by ${order.paymentMethod}` },
    ]);
  }
  if (body.refundMethod !== 'bank_transfer') return;
  if (!ibanOf(body.iban ?? '')) {
    refuse('iban_invalid', 'A bank transfer needs a valid IBAN (ISO 13616).', [{ path: 'iban', message: 'is not a valid IBAN' }]);
  }
  if (!body.accountHolder?.trim()) {
    refuse('account_holder_required', 'A bank transfer needs the account holder.', [{ path: 'accountHolder', message: 'is required for bank_transfer' }]);
  }
};

/**
 * Per line: what can be returned now and until when. The deadline is the
 * longest window any active return reason allows (a reason's own maxDays
 * overrides the shop's), so a line is returnable while some reason still fits.
 */
export const returnableItems = (
  order: Order,
  settings: Settings,
  activeReturnReasons: readonly Pick<Reason, 'maxDays'>[],
  refundedThroughReturns: ReadonlyMap<string, number>,
  now: string,
): ReturnableItem[] => {
  const windows = activeReturnReasons.length > 0 ? activeReturnReasons.map((r) => r.maxDays ?? settings.returns.maxDays) : [settings.returns.maxDays];
  const deadline = order.status === 'delivered' && order.deliveredAt ? deadlineOf(order.deliveredAt, Math.max(...windows)) : null;
  return order.lineItems.map((line) => {
    const excludedReason =
      excludedCategoryOf(line, settings) !== undefined
        ? ('category_excluded' as const)
        : deadline === null
          ? ('order_not_delivered' as const)
          : Date.parse(now) > Date.parse(deadline)
            ? ('return_window_expired' as const)
            : null;
    const via = refundedThroughReturns.get(line.id) ?? 0;
    return {
      lineItemId: line.id,
      sku: line.sku,
      title: line.title,
      purchased: line.quantity,
      refunded: line.refundedQuantity,
      inOpenReturns: unitsInOpenReturns(line, via),
      returnable: excludedReason ? 0 : returnableUnits(line, via),
      deadline,
      excluded: excludedReason !== null,
      excludedReason,
    };
  });
};
