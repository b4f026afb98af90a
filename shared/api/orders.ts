// Routes of the orders area: what each takes and answers.
import * as z from 'zod/mini';
import { AdminSummary } from '#shared/domain/admin-summary';
import { CreateOrderBody, Order, OrderStatusBody, Tracking } from '#shared/domain/order';
import { OrderStatus } from '#shared/domain/order-status';
import { lazy } from '#shared/domain/pure';
import { DateFilter, Page, PageQuery, Text } from '#shared/domain/schema-kit';
import type { SpecsOf } from '#shared/http/route-spec';
import { OrderParams } from './order-params.ts';

export const ordersApi = /* @__PURE__ */ lazy(
  () =>
    ({
      'orders.create': {
        summary: 'Create an order (storefront); decrements tracked stock',
        body: CreateOrderBody,
        response: Order,
        status: 201,
        idempotent: true,
      },
      'orders.list': { summary: 'My orders, newest first', query: PageQuery, response: Page(Order) },
      'orders.get': { summary: 'One of my orders', params: OrderParams, response: Order, fields: true },
      'orders.tracking': { summary: 'Status and timeline of one of my orders', params: OrderParams, response: Tracking, fields: true },
      'orders.storefrontStatus': { summary: 'Carrier/warehouse status update', params: OrderParams, body: OrderStatusBody, response: Order, ifMatch: true },
      'orders.adminList': {
        summary: 'Orders, filtered by status, date and customer; found by number or email (exact, in any case) the way a customer quotes them',
        query: z
          .extend(PageQuery, {
            status: z.optional(OrderStatus),
            dateStart: z.optional(DateFilter),
            dateEnd: z.optional(DateFilter),
            customerId: z.optional(Text(128)),
            number: z.optional(Text(40)).clone().register(z.globalRegistry, { description: 'Exact, case-insensitive.' }),
            email: z
              .optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(254)))
              .clone()
              .register(z.globalRegistry, { description: 'Exact, case-insensitive.' }),
          })
          .check(
            z.superRefine((query, ctx) => {
              // Each names its own index; combining them would need a filtered read of one of them.
              const finders = (['customerId', 'number', 'email'] as const).filter((name) => query[name] !== undefined);
              if (finders.length < 2) return;
              for (const name of finders)
                ctx.addIssue({ code: 'custom', path: [name], message: `use only one of customerId, number and email (got ${finders.join(', ')})` });
            }),
          ),
        response: Page(Order),
      },
      'orders.adminGet': { summary: 'Any order', params: OrderParams, response: Order, fields: true },
      'orders.adminStatus': {
        summary: 'Move an order along its fulfillment status',
        params: OrderParams,
        body: OrderStatusBody,
        response: Order,
        ifMatch: true,
      },
      'orders.adminPayment': {
        summary: 'Mark an order paid (COD collected)',
        params: OrderParams,
        body: z
          .object({ status: z.enum(['paid']) })
          .clone()
          .register(z.globalRegistry, { id: 'OrderPaymentBody' }),
        response: Order,
        ifMatch: true,
      },
      'orders.summary': {
        summary: "Queue counts for a back office's first screen (COUNT queries on the status index, never a Scan)",
        response: AdminSummary,
        fields: true,
      },
    }) as const satisfies SpecsOf<'orders'>,
);
