// The store-credit area's routes: accounts and their ledger, spending at
// checkout, gift cards.
import type { AreaRoute } from '#shared/http/route';

export const creditRoutes = [
  { id: 'credit.mine', method: 'GET', path: '/store-credit', fn: 'credit', roles: ['customer'] },
  { id: 'credit.myTransactions', method: 'GET', path: '/store-credit/transactions', fn: 'credit', roles: ['customer'] },
  { id: 'credit.redeem', method: 'POST', path: '/gift-cards/redeem', fn: 'credit', roles: ['customer'] },
  { id: 'credit.customerAccounts', method: 'GET', path: '/customers/{customerId}/store-credit', fn: 'credit', roles: ['storefront'] },
  { id: 'credit.debit', method: 'POST', path: '/store-credit/debits', fn: 'credit', roles: ['storefront'] },
  { id: 'credit.revert', method: 'POST', path: '/store-credit/debits/{debitId}/revert', fn: 'credit', roles: ['storefront'] },
  { id: 'credit.adminAccounts', method: 'GET', path: '/admin/customers/{customerId}/store-credit', fn: 'credit', roles: ['admin'] },
  { id: 'credit.adminTransactions', method: 'GET', path: '/admin/customers/{customerId}/store-credit/transactions', fn: 'credit', roles: ['admin'] },
  { id: 'credit.adminCredit', method: 'POST', path: '/admin/customers/{customerId}/store-credit/credits', fn: 'credit', roles: ['admin'] },
  { id: 'credit.adminDebit', method: 'POST', path: '/admin/customers/{customerId}/store-credit/debits', fn: 'credit', roles: ['admin'] },
  { id: 'credit.giftCards', method: 'GET', path: '/admin/gift-cards', fn: 'credit', roles: ['admin'] },
  { id: 'credit.issueGiftCard', method: 'POST', path: '/admin/gift-cards', fn: 'credit', roles: ['admin'] },
  { id: 'credit.giftCard', method: 'GET', path: '/admin/gift-cards/{id}', fn: 'credit', roles: ['admin'] },
  { id: 'credit.disableGiftCard', method: 'POST', path: '/admin/gift-cards/{id}/disable', fn: 'credit', roles: ['admin'] },
] as const satisfies readonly AreaRoute<'credit'>[];
