// A customer's comments on a return are rate limited (API.md "Comment"): a
// few a minute, counted in the comment's own transaction, concurrent posts
// included; a refusal is a 429 problem with Retry-After; admins are not limited.
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_COMMENTS_PER_WINDOW } from '#shared/domain/comment-limit';
import { RATE_WINDOW_SECONDS } from '#shared/domain/rate-window';
import type { ReturnRequest } from '#shared/domain/return-request';
import { commentOnReturn } from '#shared/use-cases/comment-on-return';
import { admin, call, customer } from '../support/api.ts';
import { earlyInWindow } from '../support/rate-window.ts';
import { createReturn, deliveredOrderFor, type Problem, returnOf } from '../support/returns-api.ts';

beforeAll(() => {
  if (!process.env.API_URL) throw new Error('API_URL is not set: run through vitest with the global setup');
});

type Owner = ReturnType<typeof customer>;
const newRequest = async (): Promise<{ owner: Owner; request: ReturnRequest }> => {
  const owner = customer();
  return { owner, request: await createReturn(owner, returnOf(await deliveredOrderFor(owner))) };
};
const comment = (owner: Owner, id: string, body: string, headers: Record<string, string> = {}) =>
  call<{ id: string } & Problem & { status: number; retryAfter?: number }>(owner, 'POST', `/returns/${id}/comments`, { body }, headers);
const adminComments = async (id: string) => (await call<ReturnRequest>(admin, 'GET', `/admin/returns/${id}`)).body.comments;

describe('customer comment rate limit', () => {
  it(`takes ${CUSTOMER_COMMENTS_PER_WINDOW} comments a minute, then answers 429 with Retry-After and stores nothing; admins and other returns go on`, async () => {
    const { owner, request } = await newRequest();
    const other = await createReturn(owner, returnOf(await deliveredOrderFor(owner)));
    await earlyInWindow();

    for (let i = 0; i < CUSTOMER_COMMENTS_PER_WINDOW; i++) expect((await comment(owner, request.id, `comment ${i}`)).status).toBe(201);
    const refused = await comment(owner, request.id, 'one too many');

    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(RATE_WINDOW_SECONDS);
    expect(refused.body).toMatchObject({ status: 429, title: 'Too many requests', retryAfter });
    expect((await adminComments(request.id)).map((c) => c.body)).not.toContain('one too many');
    expect((await comment(owner, other.id, 'another return')).status).toBe(201);
    const staff = await call(admin, 'POST', `/admin/returns/${request.id}/comments`, { body: 'admins are not limited', visibleToCustomer: true });
    expect(staff.status).toBe(201);
  });

  it('answers a replayed comment (same Idempotency-Key) with the first answer even when the minute is used up', async () => {
    const { owner, request } = await newRequest();
    await earlyInWindow();
    const headers = { 'idempotency-key': `cmt-${request.id}` };
    const first = await comment(owner, request.id, 'hello', headers);
    for (let i = 1; i < CUSTOMER_COMMENTS_PER_WINDOW; i++) await comment(owner, request.id, `more ${i}`);
    const again = await comment(owner, request.id, 'hello', headers);
    expect([first.status, again.status, again.body.id]).toEqual([201, 201, first.body.id]);
  });

  it('lets at most the limit through when a dozen comments arrive at once, the rest 429, every stored comment answered 201', async () => {
    const { owner, request } = await newRequest();
    await earlyInWindow();

    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => comment(owner, request.id, `burst ${i}`)));

    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(CUSTOMER_COMMENTS_PER_WINDOW);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 429)).toBe(true);
    const stored = (await adminComments(request.id)).map((c) => c.id).sort();
    expect(stored).toEqual(
      replies
        .filter((r) => r.status === 201)
        .map((r) => r.body.id)
        .sort(),
    );
  });

  it('opens a new window a minute later (time passed in), and never counts a refused comment', async () => {
    const { owner, request } = await newRequest();
    const post = (now: string) =>
      commentOnReturn({
        returnId: request.id,
        body: `at ${now}`,
        visibleToCustomer: true,
        actor: `customer:${owner.sub}`,
        now,
        idempotency: undefined,
        caller: { role: 'customer', customerId: owner.sub },
      });
    const t0 = Date.parse('2030-01-01T10:00:00.000Z');
    const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

    for (let i = 0; i < CUSTOMER_COMMENTS_PER_WINDOW; i++) await post(at(i));
    const refusals = await Promise.all(
      [post(at(30)), post(at(59))].map((p) =>
        p.then(
          () => undefined,
          (e: unknown) => e,
        ),
      ),
    );
    expect(refusals.map((e) => [(e as { code?: string }).code, (e as { details?: { retryAfter?: number } }).details?.retryAfter])).toEqual([
      ['throttled', 30],
      ['throttled', 1],
    ]);

    for (let i = 0; i < CUSTOMER_COMMENTS_PER_WINDOW; i++) await post(at(60 + i));
    await expect(post(at(119))).rejects.toMatchObject({ code: 'throttled' });
    expect(await adminComments(request.id)).toHaveLength(2 * CUSTOMER_COMMENTS_PER_WINDOW);
  });
});
