// 6. Stream → email latency locally: from the status-change response (real
// HTTP through the local API) to the email appearing in SES local's store,
// delivered by the stream poller and the real notify handler.
import { randomUUID } from 'node:crypto';
import { signToken } from '#infra/local/jwt';
import { readSentEmails } from '#infra/local/ses-local';
import type { Order } from '#shared/domain/order';
import { orderBody } from '../support/orders.ts';
import { nowMs, type Summary, summarize } from './stats.ts';

/** Each order walks these, one email per step. */
const WALK = ['confirmed', 'shipped', 'out_for_delivery', 'delivered'];

const post = async (url: string, token: string, body: unknown): Promise<Record<string, unknown>> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`bench: POST ${url} answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return json;
};

export const measureStreamEmail = async (changes: number, apiUrl: string, sesUrl: string, log: (line: string) => void): Promise<Summary> => {
  const storefront = await signToken({ role: 'storefront', sub: 'bench-storefront' });
  const admin = await signToken({ role: 'admin', sub: 'bench-admin' });
  const since = Math.floor(Date.now() / 1000) - 1;
  const latencies: number[] = [];
  while (latencies.length < changes) {
    const sub = `bench-mail-${randomUUID()}`;
    const email = `${sub}@example.com`;
    const order = (await post(`${apiUrl}/orders`, storefront, {
      ...orderBody(),
      customer: { customerId: sub, name: 'Mail Bench', email },
    })) as unknown as Order;
    for (const [step, status] of WALK.entries()) {
      if (latencies.length >= changes) break;
      await post(`${apiUrl}/admin/orders/${order.id}/status`, admin, { status });
      const answered = nowMs();
      // Poll tightly (10 ms) and bounded (10 s): the figure is the stream path, not the poll.
      for (;;) {
        const mine = (await readSentEmails(sesUrl, since)).filter((m) => m.destination.to.includes(email));
        if (mine.length > step) break;
        if (nowMs() - answered > 10_000) throw new Error(`bench: no email for ${order.id} → ${status} after 10 s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      latencies.push(nowMs() - answered);
    }
    if (latencies.length % 10 === 0) log(`  stream → email ${latencies.length}/${changes}`);
  }
  return summarize(latencies);
};
