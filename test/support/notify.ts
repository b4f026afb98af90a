// For tests of the notify consumer: items as the other slices write them
// (pinned shapes, with PK/SK/type), the consumer with test admin addresses,
// and the local SES inbox of one address.
import { randomUUID } from 'node:crypto';
import { createHandler, type NotifyPorts } from '#functions/streams/notify';
import { lambdaContext } from '#infra/local/lambda-context';
import { readSentEmails, type StoredEmail } from '#infra/local/ses-local';
import { getSettings } from '#shared/adapters/settings-repo';
import type { Order } from '#shared/domain/order';

export const uid = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '')}`;

/** A unique address per test, so assertions never see another test's mail. */
export const address = (who: string) => `${who}-${randomUUID()}@example.com`;

export const sesUrl = (): string => {
  const url = process.env.SES_URL;
  if (!url) throw new Error('SES_URL is not set: run through vitest with the global setup');
  return url;
};

/** Every email local SES holds for `to`. */
export const inbox = async (to: string): Promise<StoredEmail[]> => (await readSentEmails(sesUrl())).filter((e) => e.destination.to.includes(to));

/** The real consumer, with the real settings except the admin list (a global setting other tests must not see change). */
export const notifyWith = (adminEmails: readonly string[], overrides: Partial<NotifyPorts> = {}) =>
  createHandler({
    loadSettings: async () => {
      const settings = await getSettings();
      return { ...settings, notifications: { ...settings.notifications, adminEmails: [...adminEmails] } };
    },
    ...overrides,
  });

export const context = () => lambdaContext('aftersales-notify-test', 30_000);

const NOW = '2026-11-21T10:00:00.000Z';

export const orderItem = (order: Order) => ({ PK: `ORDER#${order.id}`, SK: 'ORDER', type: 'Order', ...order });

export const cancellationItem = (order: Order, extra: Record<string, unknown> = {}) => {
  const id = uid('can');
  return {
    PK: `CANCELLATION#${id}`,
    SK: 'CANCELLATION',
    type: 'Cancellation',
    id,
    orderId: order.id,
    orderNumber: order.number,
    customerId: order.customer.customerId,
    requestedBy: 'customer',
    reasonId: 'rsn_canmistake',
    reasonText: 'Ordered by mistake',
    comment: null,
    refundAccount: null,
    status: 'requested',
    rejectionReason: null,
    refundAmount: order.totals.total,
    refundId: null,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...extra,
  };
};

export const returnItem = (order: Order, extra: Record<string, unknown> = {}) => {
  const id = uid('ret');
  const line = order.lineItems[0]!;
  return {
    PK: `RETURN#${id}`,
    SK: 'RETURN',
    type: 'ReturnRequest',
    id,
    orderId: order.id,
    orderNumber: order.number,
    currency: order.currency,
    customerId: order.customer.customerId,
    customer: { name: order.customer.name, email: order.customer.email, phone: null },
    status: 'new',
    items: [
      {
        lineItemId: line.id,
        sku: line.sku,
        title: line.title,
        quantity: 1,
        unitPrice: line.unitPrice,
        reasonId: 'rsn_retdamaged',
        reasonText: 'Broken',
        condition: null,
        goodQuantity: null,
        status: 'new',
      },
    ],
    refundMethod: 'card',
    extraComment: null,
    attachments: [],
    termsAccepted: true,
    restockFee: 0,
    refundedShipping: 0,
    refundAmount: null,
    refundId: null,
    rejectionReason: null,
    statusHistory: [{ status: 'new', at: NOW, submittedBy: `customer:${order.customer.customerId}` }],
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...extra,
  };
};

export const refundItem = (order: Order, transaction: Record<string, unknown> = {}) => {
  const id = uid('rfd');
  const line = order.lineItems[0]!;
  return {
    PK: `ORDER#${order.id}`,
    SK: `REFUND#${id}`,
    type: 'Refund',
    id,
    orderId: order.id,
    createdAt: NOW,
    note: null,
    restock: true,
    userId: 'admin:admin-1',
    source: { type: 'manual', id: null },
    refundLineItems: [{ id: uid('rli'), lineItemId: line.id, quantity: 1, subtotal: 900, tax: 100, lineItem: { ...line } }],
    shipping: { amount: 0, tax: 0 },
    orderAdjustments: [],
    transactions: [
      {
        id: uid('txn'),
        kind: 'refund',
        amount: 1000,
        currency: order.currency,
        gateway: 'card',
        status: 'pending',
        message: null,
        errorCode: null,
        createdAt: NOW,
        ...transaction,
      },
    ],
    total: 1000,
    owed: transaction.status === 'success' ? 0 : 1000,
    currency: order.currency,
    version: 1,
  };
};

export const noteItem = (order: Order, body: string, visibility: 'private' | 'customer') => {
  const id = uid('note');
  return {
    PK: `ORDER#${order.id}`,
    SK: `NOTE#${id}`,
    type: 'OrderNote',
    id,
    orderId: order.id,
    customerId: order.customer.customerId,
    body,
    visibility,
    author: 'admin:admin-1',
    createdAt: NOW,
  };
};

export const commentItem = (order: Order, returnId: string, body: string, submittedBy: string, visibleToCustomer = true) => {
  const id = uid('cmt');
  return {
    PK: `RETURN#${returnId}`,
    SK: `COMMENT#${id}`,
    type: 'ReturnComment',
    id,
    returnId,
    orderId: order.id,
    customerId: order.customer.customerId,
    body,
    visibleToCustomer,
    submittedBy,
    createdAt: NOW,
  };
};
