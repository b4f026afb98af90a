// Public routes: liveness, the API's own description and the event catalogue's.
import * as z from 'zod/mini';
import { lazy } from '#shared/domain/pure';
import type { SpecsOf } from '#shared/http/route-spec';

export const metaApi = /* @__PURE__ */ lazy(
  () =>
    ({
      'meta.health': {
        summary: 'Liveness',
        response: z
          .object({ status: z.literal('ok') })
          .clone()
          .register(z.globalRegistry, { id: 'Health' }),
      },
      'meta.openapi': { summary: 'This OpenAPI document', response: z.record(z.string(), z.unknown()) },
      'meta.eventSchema': {
        summary: 'JSON Schema (2020-12) of every integration event (docs/events.md), generated from the same zod schemas as the events',
        response: z.record(z.string(), z.unknown()),
      },
    }) as const satisfies SpecsOf<'meta'>,
);
