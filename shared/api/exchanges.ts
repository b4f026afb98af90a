// Routes of the exchanges area (API.md "Exchange"): variants, and exchanges.
import * as z from 'zod/mini';
import { Exchange } from '#shared/domain/exchange';
import { AdminCreateExchangeBody, CreateExchangeBody, ExchangeCalculation } from '#shared/domain/exchange-request';
import { ExchangeStatus } from '#shared/domain/exchange-status';
import { lazy } from '#shared/domain/pure';
import { DateFilter, Id, Page, PageQuery, Text } from '#shared/domain/schema-kit';
import { PutVariantBody, Variant, VariantListing } from '#shared/domain/variant';
import type { SpecsOf } from '#shared/http/route-spec';
import { OrderParams } from './order-params.ts';

const VariantParams = /* @__PURE__ */ lazy(() => z.object({ sku: Text(100) }));
const ExchangeParams = /* @__PURE__ */ lazy(() => z.object({ id: Id('exc') }));

export const exchangesApi = /* @__PURE__ */ lazy(
  () =>
    ({
      'exchanges.putVariant': {
        summary: 'Declare or replace what a SKU is and costs per currency (what an item can be exchanged to)',
        params: VariantParams,
        body: PutVariantBody,
        response: Variant,
      },
      'exchanges.listVariants': {
        summary: "A product's active variants, each with its tracked stock (null when untracked)",
        query: z.object({ productId: Text(100) }),
        response: z
          .object({ items: z.array(VariantListing) })
          .clone()
          .register(z.globalRegistry, { id: 'VariantList' }),
      },
      'exchanges.calculate': {
        summary: 'What POST /exchanges would create (values, difference, settlement); writes nothing',
        body: CreateExchangeBody,
        response: ExchangeCalculation,
      },
      'exchanges.create': {
        summary: 'Ask to exchange items of my delivered order: the exchange (requested) and a return request for the items sent back',
        body: CreateExchangeBody,
        response: Exchange,
        status: 201,
        idempotent: true,
      },
      'exchanges.adminCreate': {
        summary: "Create an exchange on the order's customer's behalf (requested, with its return request)",
        params: OrderParams,
        body: AdminCreateExchangeBody,
        response: Exchange,
        status: 201,
        idempotent: true,
      },
      'exchanges.list': { summary: 'My exchanges, newest first', query: PageQuery, response: Page(Exchange) },
      'exchanges.get': { summary: 'One of my exchanges', params: ExchangeParams, response: Exchange, fields: true },
      'exchanges.adminList': {
        summary: 'Exchanges, newest first, by status and date (the back office queue)',
        query: z.extend(PageQuery, { status: z.optional(ExchangeStatus), dateStart: z.optional(DateFilter), dateEnd: z.optional(DateFilter) }),
        response: Page(Exchange),
      },
      'exchanges.adminGet': { summary: 'Any exchange', params: ExchangeParams, response: Exchange, fields: true },
    }) as const satisfies SpecsOf<'exchanges'>,
);
