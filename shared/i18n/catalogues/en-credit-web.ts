// The web app's store-credit messages in English (the portal's "Store credit"
// screen, the ledger both the portal and the back office draw, the return
// form's bonus), spread into en-web.ts.

export const enCreditWeb = {
  'web.route.storeCredit': 'Store credit',
  'web.route.customerCredit': 'Customer store credit',
  'web.route.giftCards': 'Gift cards',
  'web.credit.none': 'There is no store credit here yet.',
  'web.credit.balanceIn': 'Balance in {currency}',
  'web.credit.lotsIn': 'Credit in {currency}, soonest to expire first',
  'web.credit.col.from': 'From',
  'web.credit.col.amount': 'Amount',
  'web.credit.col.left': 'Left',
  'web.credit.col.expires': 'Expires',
  'web.credit.col.date': 'Date',
  'web.credit.col.what': 'What',
  'web.credit.col.balanceAfter': 'Balance after',
  'web.credit.col.note': 'Note',
  'web.credit.never': 'Never',
  'web.credit.origin':
    '{origin, select, refund {Refund} bonus {Bonus} manual {By the shop} gift_card {Gift card} order {Order} exchange {Exchange} other {{origin}}}',
  'web.credit.kind': '{kind, select, credit {Added} debit {Spent} revert {Given back} expiry {Expired} void {Cancelled} other {{kind}}}',
  'web.credit.transactions': 'Transactions',
  'web.credit.noTransactions': 'No transactions yet.',
  'web.credit.older': 'Older transactions',
  'web.credit.redeem.title': 'Redeem a gift card',
  'web.credit.redeem.code': 'Gift card code',
  'web.credit.redeem.hint': 'As printed on the card or in the email, for example ABCD-EFGH-JKLM-NPQR.',
  'web.credit.redeem.send': 'Redeem',
  'web.credit.redeem.enterCode': 'Enter the code of your gift card',
  'web.credit.redeem.invalid': 'This code cannot be used. Check it and try again: each code works once, before it expires.',
  'web.credit.redeem.tooMany': 'Too many tries. Wait a minute, then try again.',
  'web.credit.redeem.done': '{amount} added to your store credit. Your balance is now {balance}.',
  'web.credit.bonus': 'Choose store credit and we add a bonus of {bonus}: {total} in store credit for these items once we have checked them.',
  'web.credit.bonusPending': 'Choose store credit and we add a bonus. Choose the items to see how much.',
} as const;

export type CreditWebMessageId = keyof typeof enCreditWeb;
