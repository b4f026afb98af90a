// 7. Local API overhead: requests/s through the local HTTP API (routing, JWT
// verification, event building, HTTP) against calling the same handler with
// the same event in-process. One request in flight at a time on both sides.
import { signToken } from '#infra/local/jwt';
import type { Order } from '#shared/domain/order';
import { orderBody } from '../support/orders.ts';
import { type Caller, invokeOk, type Request } from './invoke.ts';
import { timeEach } from './stats.ts';

export interface OverheadResult {
  readonly route: string;
  readonly httpRps: number;
  readonly inProcessRps: number;
}

const rps = (count: number, wallMs: number): number => count / (wallMs / 1000);

export const measureApiOverhead = async (requests: number, apiUrl: string): Promise<OverheadResult[]> => {
  const admin: Caller = { role: 'admin', sub: 'bench-admin' };
  const order = await invokeOk<Order>({ caller: { role: 'storefront', sub: 'bench' }, method: 'POST', url: '/orders', body: orderBody() }, 201);
  const token = await signToken({ role: 'admin', sub: 'bench-admin' });
  const cases: { route: string; request: Request; auth: boolean }[] = [
    { route: 'GET /health', request: { caller: { role: 'public' }, method: 'GET', url: '/health' }, auth: false },
    { route: 'GET /admin/orders/{id}', request: { caller: admin, method: 'GET', url: `/admin/orders/${order.id}` }, auth: true },
  ];
  const results: OverheadResult[] = [];
  for (const c of cases) {
    const http = async () => {
      const response = await fetch(`${apiUrl}${c.request.url}`, { headers: c.auth ? { authorization: `Bearer ${token}` } : {} });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`bench: ${c.route} over HTTP answered ${response.status}`);
    };
    const local = () => invokeOk(c.request);
    // Warm both paths, then alternate halves so drift on a shared machine hits both alike.
    await timeEach(20, 1, http);
    await timeEach(20, 1, local);
    const half = Math.ceil(requests / 2);
    const h1 = await timeEach(half, 1, http);
    const l1 = await timeEach(half, 1, local);
    const l2 = await timeEach(half, 1, local);
    const h2 = await timeEach(half, 1, http);
    results.push({ route: c.route, httpRps: rps(2 * half, h1.wallMs + h2.wallMs), inProcessRps: rps(2 * half, l1.wallMs + l2.wallMs) });
  }
  return results;
};
