// Managed reason lists end to end: defaults on a fresh install, admin edits
// with versions and If-Match, customers see active ones only, codes unique per
// kind under concurrent creation, and a reason as the writes with rules read it
// (the batch read of shared/adapters/rule-reads.ts, then the domain's check).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readForRules } from '#shared/adapters/rule-reads';
import { BusinessRuleError } from '#shared/domain/errors';
import { checkReasonUsable, type Reason, type ReasonKind } from '#shared/domain/reason';
import { admin, call, customer, storefront } from '../support/api.ts';

/** What cancellations and returns check: the reason read in their one batch (stored, else the default), usable for `kind`. */
const requireActiveReason = async (id: string, kind: ReasonKind, field?: string): Promise<Reason> =>
  checkReasonUsable((await readForRules({ reasonIds: [id] })).reasons.get(id), id, kind, field);

interface Problem {
  readonly rule?: string;
  readonly errors: { path: string; message: string }[];
}

const code = () => `c_${randomUUID().slice(0, 8)}`;

const create = async (body: Record<string, unknown>) => {
  const reply = await call<Reason>(admin, 'POST', '/admin/reasons', body);
  if (reply.status !== 201) throw new Error(`reason creation failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
};

const ruleOf = async (promise: Promise<unknown>): Promise<{ rule: unknown; errors: unknown }> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BusinessRuleError);
  return { rule: (error as BusinessRuleError).details.rule, errors: (error as BusinessRuleError).details.errors };
};

describe('reasons', () => {
  it('offers the default reasons of each kind to customers (and admins)', async () => {
    const cancel = await call<{ items: Reason[] }>(customer(), 'GET', '/reasons?kind=cancellation');
    expect(cancel.status).toBe(200);
    expect(cancel.body.items.map((r) => r.id)).toEqual(
      expect.arrayContaining(['rsn_cxlchangedmind', 'rsn_cxlmistake', 'rsn_cxlbetterprice', 'rsn_cxlslowdelivery', 'rsn_cxlother']),
    );
    expect(cancel.body.items.every((r) => r.kind === 'cancellation' && r.active)).toBe(true);
    const returns = await call<{ items: Reason[] }>(admin, 'GET', '/reasons?kind=return');
    expect(returns.body.items.map((r) => r.code)).toEqual(
      expect.arrayContaining(['damaged', 'wrong_item', 'doesnt_fit', 'not_as_described', 'no_longer_needed']),
    );
    const both = await call<{ items: Reason[] }>(customer(), 'GET', '/reasons');
    expect(new Set(both.body.items.map((r) => r.kind))).toEqual(new Set(['return', 'cancellation']));
  });

  it('keeps the routes to their roles and refuses an unknown kind', async () => {
    expect((await call(storefront, 'GET', '/reasons')).status).toBe(403);
    expect((await call({ role: 'public' }, 'GET', '/reasons')).status).toBe(401);
    expect((await call(customer(), 'GET', '/admin/reasons')).status).toBe(403);
    expect((await call(customer(), 'POST', '/admin/reasons', { kind: 'return', label: 'x' })).status).toBe(403);
    const bad = await call<Problem>(customer(), 'GET', '/reasons?kind=refund');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(['kind']);
  });

  it('creates a reason (201, version 1, ETag) that customers then see', async () => {
    const mine = code();
    const reply = await call<Reason>(admin, 'POST', '/admin/reasons', { kind: 'return', code: mine, label: 'Too small', maxDays: 14 });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(reply.body).toMatchObject({ kind: 'return', code: mine, label: 'Too small', maxDays: 14, active: true, version: 1 });
    expect(reply.body.id).toMatch(/^rsn_[0-9A-Za-z]+$/);
    const offered = await call<{ items: Reason[] }>(customer(), 'GET', '/reasons?kind=return');
    expect(offered.body.items).toContainEqual(reply.body);
    const cancellations = await call<{ items: Reason[] }>(customer(), 'GET', '/reasons?kind=cancellation');
    expect(cancellations.body.items.map((r) => r.id)).not.toContain(reply.body.id);
  });

  it('derives a code from the label when none is given', async () => {
    const label = `Gift ${randomUUID().slice(0, 6)}`;
    const reason = await create({ kind: 'cancellation', label });
    expect(reason.code).toBe(label.toLowerCase().replace(/[^a-z0-9]+/g, '_'));
    expect(reason.maxDays).toBeNull();
  });

  it('lists every invalid field', async () => {
    const reply = await call<Problem>(admin, 'POST', '/admin/reasons', { kind: 'refund', code: 'has space', label: '', maxDays: -1, active: 'yes' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e) => e.path).sort()).toEqual(['active', 'code', 'kind', 'label', 'maxDays']);
  });

  it('deactivates with If-Match: gone for customers, kept for admins, refused on new records', async () => {
    const reason = await create({ kind: 'return', code: code(), label: 'Changed colour' });
    const stale = await call(admin, 'PUT', `/admin/reasons/${reason.id}`, { active: false }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    const off = await call<Reason>(admin, 'PUT', `/admin/reasons/${reason.id}`, { active: false }, { 'if-match': '"1"' });
    expect(off.status).toBe(200);
    expect(off.headers.get('etag')).toBe('"2"');
    expect(off.body).toMatchObject({ id: reason.id, active: false, label: 'Changed colour', version: 2, createdAt: reason.createdAt });
    const offered = await call<{ items: Reason[] }>(customer(), 'GET', '/reasons?kind=return');
    expect(offered.body.items.map((r) => r.id)).not.toContain(reason.id);
    const all = await call<{ items: Reason[] }>(admin, 'GET', '/admin/reasons?kind=return');
    expect(all.body.items).toContainEqual(off.body);
    const inactive = await call<{ items: Reason[] }>(admin, 'GET', '/admin/reasons?active=false');
    expect(inactive.body.items.map((r) => r.id)).toContain(reason.id);
    expect(inactive.body.items.every((r) => !r.active)).toBe(true);
    expect(await ruleOf(requireActiveReason(reason.id, 'return', 'items.0.reasonId'))).toEqual({
      rule: 'reason_inactive',
      errors: [{ path: 'items.0.reasonId', message: 'names an inactive reason' }],
    });
    // Reactivated, it is offered again.
    const on = await call<Reason>(admin, 'PUT', `/admin/reasons/${reason.id}`, { ...off.body, active: true });
    expect(on.body).toMatchObject({ active: true, version: 3 });
    expect((await requireActiveReason(reason.id, 'return')).id).toBe(reason.id);
  });

  it('requireActiveReason accepts defaults and refuses unknown or wrong-kind reasons', async () => {
    expect((await requireActiveReason('rsn_cxlchangedmind', 'cancellation')).code).toBe('changed_my_mind');
    expect(await ruleOf(requireActiveReason('rsn_01NOSUCHREASON', 'return'))).toMatchObject({ rule: 'reason_unknown' });
    expect(await ruleOf(requireActiveReason('rsn_retdamaged', 'cancellation'))).toEqual({
      rule: 'reason_unknown',
      errors: [{ path: 'reasonId', message: 'must be a cancellation reason' }],
    });
  });

  it('answers 404 for an unknown or malformed reason id', async () => {
    expect((await call(admin, 'PUT', '/admin/reasons/rsn_01NOSUCHREASON', { active: false })).status).toBe(404);
    expect((await call(admin, 'PUT', '/admin/reasons/not-a-reason', { active: false })).status).toBe(404);
  });

  it('keeps codes unique per kind, even when two admins create the same one at once', async () => {
    const shared = code();
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => call<Reason>(admin, 'POST', '/admin/reasons', { kind: 'return', code: shared, label: 'Twin' })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const listed = await call<{ items: Reason[] }>(admin, 'GET', '/admin/reasons?kind=return');
    expect(listed.body.items.filter((r) => r.code === shared)).toHaveLength(1);
    // The same code in the other kind is another list.
    expect((await call(admin, 'POST', '/admin/reasons', { kind: 'cancellation', code: shared, label: 'Twin' })).status).toBe(201);
    // A default's code is taken too.
    expect((await call(admin, 'POST', '/admin/reasons', { kind: 'return', code: 'damaged', label: 'Damaged again' })).status).toBe(409);
  });

  it('frees the old code when a reason is renamed', async () => {
    const before = code();
    const after = code();
    const reason = await create({ kind: 'return', code: before, label: 'Renamed' });
    const renamed = await call<Reason>(admin, 'PUT', `/admin/reasons/${reason.id}`, { code: after });
    expect(renamed.body).toMatchObject({ code: after, version: 2 });
    expect((await call(admin, 'POST', '/admin/reasons', { kind: 'return', code: before, label: 'Reuses the old code' })).status).toBe(201);
    expect((await call(admin, 'POST', '/admin/reasons', { kind: 'return', code: after, label: 'Takes the new code' })).status).toBe(409);
  });

  it('lets exactly one of two racing edits of the same version win', async () => {
    const reason = await create({ kind: 'cancellation', code: code(), label: 'Race' });
    const [a, b] = await Promise.all([
      call<Reason>(admin, 'PUT', `/admin/reasons/${reason.id}`, { label: 'A' }, { 'if-match': '"1"' }),
      call<Reason>(admin, 'PUT', `/admin/reasons/${reason.id}`, { label: 'B' }, { 'if-match': '"1"' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([409, 412]).toContain(statuses[1]);
    const winner = a.status === 200 ? a.body : b.body;
    const listed = await call<{ items: Reason[] }>(admin, 'GET', '/admin/reasons?kind=cancellation');
    expect(listed.body.items.find((r) => r.id === reason.id)).toEqual(winner);
    expect(winner.version).toBe(2);
  });

  it('edits a default reason (first write stores it) without a lost update', async () => {
    const current = (await call<{ items: Reason[] }>(admin, 'GET', '/admin/reasons?kind=cancellation')).body.items.find((r) => r.id === 'rsn_cxlother');
    if (!current) throw new Error('default reason missing');
    expect((await call(admin, 'PUT', '/admin/reasons/rsn_cxlother', { label: current.label }, { 'if-match': `"${current.version + 5}"` })).status).toBe(412);
    // Rewrites the same label: shared by every test, so nothing visible changes.
    const same = await call<Reason>(
      admin,
      'PUT',
      '/admin/reasons/rsn_cxlother',
      { label: current.label, active: true },
      { 'if-match': `"${current.version}"` },
    );
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ id: 'rsn_cxlother', code: current.code, label: current.label, version: current.version + 1, active: true });
  });

  it('replays a creation sent twice with the same Idempotency-Key', async () => {
    const body = { kind: 'return', code: code(), label: 'Once' };
    const key = { 'idempotency-key': randomUUID() };
    const first = await call<Reason>(admin, 'POST', '/admin/reasons', body, key);
    const again = await call<Reason>(admin, 'POST', '/admin/reasons', body, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
  });
});
