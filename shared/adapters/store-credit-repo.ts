// Store-credit accounts and their transaction rows (keys.ts: `CREDIT#<cid>`).
// An account is ONE item holding its balance and its live lots: every movement
// rewrites it conditioned on the version it was planned against, in the same
// TransactWriteItems as its row and its once-markers, so the balance, the lots
// and the rows can never disagree. Lots live on the account item rather than
// as items of their own because a debit draws from several of them at once and
// a revert puts them back: one conditional item keeps that one condition, and
// spent lots leave the item (store-credit-ledger.ts), so it stays small.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#shared/domain/errors';
import type { CreditAccount, CreditOrigin, CreditTransaction } from '#shared/domain/store-credit';
import { emptyAccount, type Movement, nextExpiry } from '#shared/domain/store-credit-ledger';
import { batchGet, db, type GuardedItem, keyId, type Page, type PageRequest, queryAll, queryPage, TABLE_NAME } from './dynamo.ts';
import { creditDueKeys, INDEX, ITEM_PREFIX, KEY, PARTITION, TABLE_KEY } from './keys.ts';

/** The account's version moved since it was read: the caller reads and plans again. */
export class AccountChangedError extends ConflictError {
  constructor() {
    super('The store credit account was changed concurrently; retry.');
    this.name = 'AccountChangedError';
  }
}

/** The origin has credited already (a redelivery, a retry, a racing twin). */
export class OriginCreditedError extends ConflictError {
  constructor(origin: CreditOrigin) {
    super(`The ${origin.type} ${origin.id} has been credited already.`);
    this.name = 'OriginCreditedError';
  }
}

/**
 * Where the account's emails go: the customer's address and language as their
 * latest order said, recorded when a credit from an order lands. A manual
 * credit or a redeemed gift card knows no order, so it is emailed here (or not
 * at all while the account has never been credited from an order).
 */
export interface CreditContact {
  readonly email: string;
  readonly locale: string | null;
}

/** An account as stored: with its contact, which the API never shows. */
export type StoredAccount = CreditAccount & { readonly contact?: CreditContact };

const accountOf = (item: Record<string, unknown>): StoredAccount => ({
  customerId: String(item.customerId),
  currency: String(item.currency),
  balance: Number(item.balance),
  lots: item.lots as CreditAccount['lots'],
  version: Number(item.version),
  ...(item.contact ? { contact: item.contact as CreditContact } : {}),
});

/** A customer's accounts, one per currency: one strongly consistent Query (a customer holds a handful). */
export const listAccounts = async (customerId: string): Promise<StoredAccount[]> =>
  (
    await queryAll({
      key: { keys: TABLE_KEY, partition: PARTITION.credit(customerId), prefix: ITEM_PREFIX.creditAccount },
      ConsistentRead: true,
    })
  ).map(accountOf);

/** A customer's accounts as the API shows them: without their contact. */
export const listAccountViews = async (customerId: string): Promise<CreditAccount[]> =>
  (await listAccounts(customerId)).map(({ contact: _, ...account }) => account);

export const getAccount = async (customerId: string, currency: string): Promise<StoredAccount> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.creditAccount(customerId, currency), ConsistentRead: true }));
  return Item ? accountOf(Item) : emptyAccount(customerId, currency);
};

const put = (Item: Record<string, unknown>, onConditionFailed?: () => Error): GuardedItem => ({
  item: { Put: { TableName: TABLE_NAME, Item, ConditionExpression: 'attribute_not_exists(PK)' } },
  ...(onConditionFailed ? { onConditionFailed } : {}),
});

/** What a movement writes beside the account and its row. */
export interface MovementExtras {
  /** A credit from this origin happens once. */
  readonly originOnce?: CreditOrigin;
  /** A revert: the debit it puts back (and where its row sits), reverted once. */
  readonly revertOf?: { readonly debit: CreditTransaction; readonly seq: number };
  /** An expiry: the lot, expired once. */
  readonly expiredLot?: string;
  /** The contact to record (a credit from an order); else the account keeps the one it had. */
  readonly contact?: CreditContact | undefined;
}

/**
 * The items of one movement. The account's Put is conditioned on the version
 * read (absent for a new account). Race, 50 checkouts spending 100 each from
 * 1,000: all read v7 and plan a debit; one commits v8, 49 fail `version = :v`
 * and nothing of theirs is written; they read v8 and plan again, and once the
 * balance is spent each plan is a 422. `balance >= :floor` says the same about
 * a debit in the item's own terms.
 */
export const movementItems = (movement: Movement, previousVersion: number, extras: MovementExtras = {}): GuardedItem[] => {
  const { transaction } = movement;
  // The ledger's movements copy the account as read, its contact included (a Put would otherwise drop it).
  const account: StoredAccount = extras.contact ? { ...movement.account, contact: extras.contact } : movement.account;
  const floor = transaction.kind === 'debit' ? transaction.amount : 0;
  const accountItem: GuardedItem = {
    item: {
      Put: {
        TableName: TABLE_NAME,
        Item: { ...KEY.creditAccount(account.customerId, account.currency), type: 'CreditAccount', ...account, ...creditDueKeys(account, nextExpiry(account)) },
        ...(previousVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: 'version = :v AND balance >= :floor', ExpressionAttributeValues: { ':v': previousVersion, ':floor': floor } }),
      },
    },
    onConditionFailed: () => new AccountChangedError(),
  };
  const items: GuardedItem[] = [
    accountItem,
    put({
      ...KEY.creditTransaction(transaction.customerId, transaction.currency, account.version),
      type: 'CreditTransaction',
      txn: transaction,
      // Who a credit's email goes to, as known when it landed (the email consumer reads only this row).
      ...(transaction.kind === 'credit' && account.contact ? { contact: account.contact } : {}),
    }),
  ];
  if (extras.originOnce) {
    const origin = extras.originOnce;
    items.push({
      ...put(
        { ...KEY.creditOrigin(origin.type, origin.id), type: 'CreditOrigin', transactionId: transaction.id, seq: account.version },
        () => new OriginCreditedError(origin),
      ),
      // A second credit of the origin is explained by the first, whatever else moved meanwhile.
      decisive: true,
    });
  }
  if (transaction.kind === 'debit') {
    items.push(
      put({
        ...KEY.creditDebit(transaction.id),
        type: 'CreditDebit',
        customerId: transaction.customerId,
        currency: transaction.currency,
        seq: account.version,
      }),
    );
  }
  if (extras.revertOf) {
    const { debit: debitRow, seq } = extras.revertOf;
    items.push(
      {
        item: {
          Update: {
            TableName: TABLE_NAME,
            Key: KEY.creditDebit(debitRow.id),
            UpdateExpression: 'SET revertedBy = :r',
            // A debit that paid an order goes back through that order's refund, never by a revert as well.
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revertedBy) AND attribute_not_exists(paidOrderId)',
            ExpressionAttributeValues: { ':r': transaction.id },
          },
        },
        onConditionFailed: () =>
          new ConflictError(`The debit ${debitRow.id} has been reverted already or pays for an order (refund the order instead).`, { allowedTransitions: [] }),
        decisive: true,
      },
      {
        item: {
          Update: {
            TableName: TABLE_NAME,
            Key: KEY.creditTransaction(debitRow.customerId, debitRow.currency, seq),
            UpdateExpression: 'SET txn.revertedBy = :r',
            ExpressionAttributeValues: { ':r': transaction.id },
          },
        },
      },
    );
  }
  if (extras.expiredLot) items.push({ ...put({ ...KEY.creditExpiry(extras.expiredLot), type: 'CreditExpiry' }), decisive: true });
  return items;
};

/** The debit `debitId` names, where its row sits, and the order it paid for (if any); undefined when there is none. */
export const getDebit = async (debitId: string): Promise<{ debit: CreditTransaction; seq: number; paidOrderId?: string } | undefined> => {
  const { Item: ref } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.creditDebit(debitId), ConsistentRead: true }));
  if (!ref) return undefined;
  const seq = Number(ref.seq);
  const { Item } = await db.send(
    new GetCommand({ TableName: TABLE_NAME, Key: KEY.creditTransaction(String(ref.customerId), String(ref.currency), seq), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  return {
    debit: { ...(Item.txn as CreditTransaction), ...(ref.revertedBy ? { revertedBy: String(ref.revertedBy) } : {}) },
    seq,
    ...(ref.paidOrderId ? { paidOrderId: String(ref.paidOrderId) } : {}),
  };
};

/**
 * A debit pays one order, and only while it is not reverted: the order's
 * insertion marks the debit's reference in the same transaction, and a revert
 * conditions on that mark (movementItems). Race: two orders name one debit, or
 * an order and a revert race; one commits, the other fails this condition.
 */
export const debitPaysOrderItem = (debitId: string, orderId: string, onConditionFailed: () => Error): GuardedItem => ({
  item: {
    Update: {
      TableName: TABLE_NAME,
      Key: KEY.creditDebit(debitId),
      UpdateExpression: 'SET paidOrderId = :o',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revertedBy) AND attribute_not_exists(paidOrderId)',
      ExpressionAttributeValues: { ':o': orderId },
    },
  },
  onConditionFailed,
});

/** A customer's rows, newest first, of one currency or all. */
export const listCreditTransactions = (customerId: string, currency: string | undefined, page: PageRequest): Promise<Page<CreditTransaction>> =>
  queryPage(
    {
      key: {
        keys: TABLE_KEY,
        partition: PARTITION.credit(customerId),
        prefix: currency ? `${ITEM_PREFIX.creditTransaction}${currency}#` : ITEM_PREFIX.creditTransaction,
      },
      ScanIndexForward: false,
      ConsistentRead: true,
    },
    page,
    (item) => item.txn as CreditTransaction,
  );

/** Accounts whose soonest lot expires at or before `until`: what the expiry job looks at (one page per call). */
export const accountsDueBy = async (until: string, startKey?: Record<string, unknown>) => {
  const out = await db.send(
    new QueryCommand({
      TableName: TABLE_NAME,
      IndexName: INDEX.byType.name,
      KeyConditionExpression: '#pk = :pk AND #sk <= :until',
      ExpressionAttributeNames: { '#pk': INDEX.byType.pk, '#sk': INDEX.byType.sk },
      ExpressionAttributeValues: { ':pk': PARTITION.creditDue, ':until': `${until}~` },
      ExclusiveStartKey: startKey,
    }),
  );
  // The index holds keys only (keys.ts): the accounts themselves in one strongly consistent BatchGetItem.
  const keys = (out.Items ?? []).map((entry) => ({ PK: String(entry.PK), SK: String(entry.SK) }));
  const found = await batchGet(keys, true);
  return {
    accounts: keys.flatMap((key) => (found.has(keyId(key)) ? [accountOf(found.get(keyId(key)) as Record<string, unknown>)] : [])),
    next: out.LastEvaluatedKey,
  };
};

/** A lot's reminder, written once (attribute_not_exists): its insertion is what the email consumer sends. */
export const reminderItem = (account: StoredAccount, lot: CreditAccount['lots'][number], now: string): GuardedItem =>
  put({
    ...KEY.creditReminder(lot.id),
    type: 'CreditReminder',
    customerId: account.customerId,
    currency: account.currency,
    lot,
    ...(account.contact ? { contact: account.contact } : {}),
    createdAt: now,
  });
