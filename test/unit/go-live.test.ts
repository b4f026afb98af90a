// The pure parts of going live: which groups an admin's token may carry, which
// card transactions a refund change leaves to send, what `npm run admin:create`
// would create, and the shape of a kept failed stream batch.
import { describe, expect, it } from 'vitest';
import { parseAdminArgs } from '#infra/admin-create';
import { failedBatchKey, failedBatchOf, readFailedBatch } from '#infra/failed-batch';
import { parseReplayArgs } from '#infra/replay';
import { ADMIN_GROUP, groupsForToken, TOTP_MFA } from '#shared/domain/admin-mfa';
import { cardRefundsDue, cardRefundsDueOf } from '#shared/domain/card-refunds-due';
import type { Change } from '#shared/domain/notifications/types';

describe('admin MFA', () => {
  it('keeps the admin group only for a user with TOTP enrolled', () => {
    expect(groupsForToken([ADMIN_GROUP, 'staff'], [TOTP_MFA])).toEqual([ADMIN_GROUP, 'staff']);
    expect(groupsForToken([ADMIN_GROUP, 'staff'], [])).toEqual(['staff']);
    // SMS is not offered by the pool; it does not count.
    expect(groupsForToken([ADMIN_GROUP], ['SMS_MFA'])).toEqual([]);
  });
});

describe('card refunds due', () => {
  const txn = (id: string, over: Record<string, unknown> = {}) => ({ id, gateway: 'card', status: 'pending', providerRefundId: null, ...over });
  const change = (transactions: unknown[], over: Partial<Change> = {}): Change => ({
    eventName: 'MODIFY',
    type: 'Refund',
    old: undefined,
    new: { id: 'ref_1', transactions },
    ...over,
  });

  it('lists the pending card transactions not sent yet, and nothing else', () => {
    const due = cardRefundsDue(
      change([txn('t1'), txn('t2', { providerRefundId: 're_1' }), txn('t3', { status: 'success' }), txn('t4', { gateway: 'bank_transfer' }), txn('t5')]),
    );
    expect(due).toEqual({ refundId: 'ref_1', transactionIds: ['t1', 't5'] });
  });

  it('announces only what the change made due: not a transaction already due before (the claim before sending)', () => {
    const claimed = change([txn('t1', { provider: 'stripe' }), txn('t2')], { old: { id: 'ref_1', transactions: [txn('t1')] } });
    expect(cardRefundsDue(claimed)).toEqual({ refundId: 'ref_1', transactionIds: ['t2'] });
    const retried = change([txn('t1', { status: 'failure' }), txn('t9')], { old: { id: 'ref_1', transactions: [txn('t1', { status: 'failure' })] } });
    expect(cardRefundsDue(retried)).toEqual({ refundId: 'ref_1', transactionIds: ['t9'] });
    expect(cardRefundsDue(change([txn('t1', { provider: 'stripe' })], { old: { id: 'ref_1', transactions: [txn('t1')] } }))).toBeUndefined();
  });

  it('is nothing for another item type, a removal, or a refund with nothing to send', () => {
    expect(cardRefundsDue(change([txn('t1')], { type: 'Order' }))).toBeUndefined();
    expect(cardRefundsDue(change([txn('t1')], { eventName: 'REMOVE' }))).toBeUndefined();
    expect(cardRefundsDue(change([txn('t1', { status: 'failure' })]))).toBeUndefined();
  });

  it('reads back only a well-formed bus detail', () => {
    expect(cardRefundsDueOf({ refundId: 'ref_1', transactionIds: ['t1'] })).toEqual({ refundId: 'ref_1', transactionIds: ['t1'] });
    for (const bad of [undefined, null, {}, { refundId: 1, transactionIds: [] }, { refundId: 'r', transactionIds: [1] }, { refundId: 'r' }])
      expect(cardRefundsDueOf(bad)).toBeUndefined();
  });
});

describe('npm run admin:create', () => {
  it('creates the given email in the admin group of the given pool', () => {
    expect(parseAdminArgs(['--email', 'ops@shop.example', '--user-pool-id', 'eu-west-1_abc'], {})).toEqual({
      userPoolId: 'eu-west-1_abc',
      email: 'ops@shop.example',
      group: ADMIN_GROUP,
    });
    expect(parseAdminArgs(['--email', 'ops@shop.example'], { AFTERSALES_USER_POOL_ID: 'eu-west-1_env' }).userPoolId).toBe('eu-west-1_env');
  });

  it('refuses a missing or malformed email, a missing pool, and unknown options', () => {
    expect(() => parseAdminArgs([], { AFTERSALES_USER_POOL_ID: 'p' })).toThrow(/usage/);
    expect(() => parseAdminArgs(['--email', 'not-an-address'], { AFTERSALES_USER_POOL_ID: 'p' })).toThrow(/usage/);
    expect(() => parseAdminArgs(['--email', 'ops@shop.example'], {})).toThrow(/user pool/);
    expect(() => parseAdminArgs(['--email', 'ops@shop.example', '--role', 'root'], { AFTERSALES_USER_POOL_ID: 'p' })).toThrow();
  });
});

describe('a kept failed stream batch', () => {
  const record = (sequence: string, at: number) => ({ eventID: sequence, dynamodb: { SequenceNumber: sequence, ApproximateCreationDateTime: at } });

  it("is written in Lambda's S3 shape and read back to the same event", () => {
    const at = new Date('2026-12-07T10:11:12.345Z');
    const records = [record('100', 1_765_100_000), record('200', 1_765_100_060)];
    const batch = failedBatchOf({ records, functionArn: 'arn:aws:lambda:r:1:function:f', shardId: 'shard-1', streamArn: 's', attempts: 6, requestId: 'q', at });
    expect(batch.DDBStreamBatchInfo).toMatchObject({ startSequenceNumber: '100', endSequenceNumber: '200', batchSize: 2, shardId: 'shard-1' });
    expect(batch.requestContext).toMatchObject({ condition: 'RetryAttemptsExhausted', approximateInvokeCount: 6 });
    expect(readFailedBatch(JSON.stringify(batch))).toEqual({ event: { Records: records }, functionArn: 'arn:aws:lambda:r:1:function:f' });
    expect(failedBatchKey('m', 'shard-1', at, 'u')).toBe('aws/lambda/m/shard-1/2026/12/07/2026-12-07T10.11.12-u');
    expect(() => readFailedBatch('{"payload": "{}"}')).toThrow(/not a failed stream batch/);
  });

  it('replays one s3:// URI, in AWS or --local', () => {
    expect(parseReplayArgs(['--local', 's3://b/k/1'])).toEqual({ bucket: 'b', key: 'k/1', local: true });
    expect(() => parseReplayArgs(['s3://b/k', 's3://b/j'])).toThrow(/usage/);
  });
});
