// The copy of a return's comments on its request item (shared/domain/
// comment-copies.ts): a status change answers them from its one write, racing
// comments, status changes and verifications all land and the copy keeps
// every comment, a request outgrowing the budget (no copy) still
// answers every comment, and the copy never shows where the API has no field.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db, TABLE_NAME } from '#shared/adapters/dynamo';
import { COMMENT_COPY_BUDGET } from '#shared/domain/comment-copies';
import type { ReturnComment, ReturnRequest } from '#shared/domain/return-request';
import { changeReturnStatus } from '#shared/use-cases/change-return-status';
import { admin, call, customer } from '../support/api.ts';
import { createReturn, deliveredOrderFor, returnOf, setStatus, verifyItem, walk } from '../support/returns-api.ts';

beforeAll(() => {
  if (!process.env.API_URL) throw new Error('API_URL is not set: run through vitest with the global setup');
});

type Owner = ReturnType<typeof customer>;
const KEY = (id: string) => ({ PK: `RETURN#${id}`, SK: 'RETURN' });
const stored = async (id: string) => (await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY(id), ConsistentRead: true }))).Item ?? {};
const adminView = async (id: string) => (await call<ReturnRequest & { attachmentDetails: unknown }>(admin, 'GET', `/admin/returns/${id}`)).body;
const comment = (owner: Owner, id: string, body: string) => call<ReturnComment>(owner, 'POST', `/returns/${id}/comments`, { body });
const note = (id: string, body: string, visibleToCustomer = false) =>
  call<ReturnComment>(admin, 'POST', `/admin/returns/${id}/comments`, { body, visibleToCustomer });
const newRequest = async (quantity = 1): Promise<{ owner: Owner; request: ReturnRequest }> => {
  const owner = customer();
  return { owner, request: await createReturn(owner, returnOf(await deliveredOrderFor(owner), {}, quantity)) };
};
/** The request as its comments leave it once they outgrow the copy's budget: counted, without a copy. */
const asOverBudget = (id: string) =>
  db.send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: KEY(id),
      UpdateExpression: 'REMOVE commentCopies SET commentBytes = :over',
      ExpressionAttributeValues: { ':over': COMMENT_COPY_BUDGET + 1 },
    }),
  );
/** The copy on the item is complete: exactly the comment items (read through the admin view), in any order. */
const expectCopyComplete = async (id: string) => {
  const copy = ((await stored(id)).commentCopies as ReturnComment[]).map((c) => c.id).sort();
  expect(copy).toEqual((await adminView(id)).comments.map((c) => c.id).sort());
};

// Counts the DynamoDB calls this process sends (the use case is called in-process below).
const calls: string[] = [];
db.middlewareStack.add(
  (next, context) => async (args) => {
    calls.push(String(context.commandName));
    return next(args);
  },
  { step: 'initialize', name: 'countReturnCommentCalls' },
);
afterEach(() => {
  calls.length = 0;
});
const moveInProcess = (returnId: string, status: 'picked_up' | 'pending_verification') =>
  changeReturnStatus({ returnId, body: { status }, actor: 'admin:admin-1', now: new Date().toISOString(), ifMatch: undefined, caller: { role: 'admin' } });

describe('comment copies on the return request', () => {
  it('answers a status change with every comment from its one write, as the reads show them', async () => {
    const { owner, request } = await newRequest();
    expect((await stored(request.id)).commentCopies).toEqual([]);
    await comment(owner, request.id, 'Please pick up after 5pm');
    await note(request.id, 'Box dented');
    await note(request.id, 'Courier booked', true);
    calls.length = 0;
    const moved = await moveInProcess(request.id, 'picked_up');
    expect(calls).toEqual(['UpdateItemCommand']);
    expect(moved.comments.map((c) => c.body)).toEqual(['Please pick up after 5pm', 'Box dented', 'Courier booked']);
    const { attachmentDetails: _details, ...adminRead } = await adminView(request.id);
    expect(moved).toEqual(adminRead);
    // Over HTTP too, and for the customer only what they may see, once each; no list, read or event shows the copy.
    const next = await setStatus(request.id, { status: 'pending_verification' });
    expect(next.body.comments.map((c) => c.body)).toEqual(['Please pick up after 5pm', 'Box dented', 'Courier booked']);
    const mine = (await call<ReturnRequest>(owner, 'GET', `/returns/${request.id}`)).body;
    expect(mine.comments.map((c) => c.body)).toEqual(['Please pick up after 5pm', 'Courier booked']);
    const listed = (await call<{ items: Record<string, unknown>[] }>(owner, 'GET', '/returns')).body.items;
    for (const shown of [mine, next.body, listed[0] ?? {}]) {
      expect(Object.keys(shown)).not.toContain('commentCopies');
      expect(Object.keys(shown)).not.toContain('commentBytes');
    }
    await expectCopyComplete(request.id);
  });

  it('lets comments racing each other and a status change all land, and the copy carries every one', async () => {
    const { owner, request } = await newRequest();
    const replies = await Promise.all([
      setStatus(request.id, { status: 'picked_up' }),
      ...Array.from({ length: 4 }, (_, i) => comment(owner, request.id, `customer ${i}`)),
      ...Array.from({ length: 4 }, (_, i) => note(request.id, `admin ${i}`)),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 201, 201, 201, 201, 201, 201, 201, 201]);
    await expectCopyComplete(request.id);
    calls.length = 0;
    const moved = await moveInProcess(request.id, 'pending_verification');
    expect(calls).toEqual(['UpdateItemCommand']);
    expect(moved.comments).toHaveLength(8);
    // In the order every read answers them, whatever order the racing comments committed in.
    expect(moved.comments).toEqual((await adminView(request.id)).comments);
    expect([moved.version, moved.statusHistory.map((h) => h.status)]).toEqual([3, ['new', 'picked_up', 'pending_verification']]);
  });

  it('keeps the copy through the writes that replace the request (verification, approval) racing comments', async () => {
    const { owner, request } = await newRequest(2);
    await walk(request.id, 'pending_verification');
    const line = request.items[0]?.lineItemId as string;
    const [verified, ...commented] = await Promise.all([
      verifyItem(request.id, line, { goodQuantity: 1 }),
      comment(owner, request.id, 'one was scratched'),
      note(request.id, 'checked by Sam'),
    ]);
    expect([verified.status, ...commented.map((r) => r.status)]).toEqual([200, 201, 201]);
    const [approved, late] = await Promise.all([setStatus(request.id, { status: 'partially_approved' }), note(request.id, 'refund next')]);
    expect([approved.status, late.status]).toEqual([200, 201]);
    await expectCopyComplete(request.id);
    expect((await stored(request.id)).commentCopies).toHaveLength(3);
  });

  it('stops copying past the budget, racing comments included, and still answers every comment', async () => {
    const { owner, request } = await newRequest();
    // The longest comments (2000 three-byte characters): about 6 KB each, so the budget holds about ten.
    // The admin's, mostly: a customer may post only a few a minute (comment-rate-limit.test.ts).
    const long = (i: number) => `${i}`.padEnd(2000, '€');
    const fitting = Math.floor(COMMENT_COPY_BUDGET / 6100);
    for (let i = 0; i < fitting - 2; i++) expect((await note(request.id, long(i))).status).toBe(201);
    await expectCopyComplete(request.id);
    const racing = await Promise.all([
      ...Array.from({ length: 3 }, (_, i) => comment(owner, request.id, long(100 + i))),
      ...Array.from({ length: 2 }, (_, i) => note(request.id, long(200 + i))),
    ]);
    expect(racing.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const item = await stored(request.id);
    expect(item.commentCopies).toBeUndefined();
    expect(item.commentBytes).toBeGreaterThan(COMMENT_COPY_BUDGET);
    const moved = await setStatus(request.id, { status: 'picked_up' });
    expect([moved.status, moved.body.comments.length]).toEqual([200, fitting + 3]);
    expect((await comment(owner, request.id, 'short')).status).toBe(201);
    expect((await stored(request.id)).commentCopies).toBeUndefined();
    calls.length = 0;
    const next = await moveInProcess(request.id, 'pending_verification');
    // The write refused for want of a copy, the comments read, the write again.
    expect(calls).toEqual(['UpdateItemCommand', 'QueryCommand', 'UpdateItemCommand']);
    expect(next.comments).toHaveLength(fitting + 4);
    expect(next.statusHistory.map((h) => h.status)).toEqual(['new', 'picked_up', 'pending_verification']);
  });

  it('answers the comments of a request that carries no copy, and explains its refusals', async () => {
    const { owner, request } = await newRequest();
    await comment(owner, request.id, 'before the budget ran out');
    await asOverBudget(request.id);
    const moved = await setStatus(request.id, { status: 'picked_up' });
    expect([moved.status, moved.body.comments.map((c) => c.body)]).toEqual([200, ['before the budget ran out']]);
    const illegal = await setStatus(request.id, { status: 'approved' });
    expect([illegal.status, illegal.body.allowedTransitions]).toEqual([409, ['pending_verification']]);
    expect((await setStatus(request.id, { status: 'pending_verification' }, { 'if-match': '"1"' })).status).toBe(412);
    // Comments racing each other still land, counted, and the request still carries no copy.
    const more = await Promise.all([comment(owner, request.id, 'A'), note(request.id, 'B')]);
    expect(more.map((r) => r.status)).toEqual([201, 201]);
    expect((await stored(request.id)).commentCopies).toBeUndefined();
    expect((await adminView(request.id)).comments).toHaveLength(3);
  });
});
