// Every screen of the web app, as data: its path under APP_BASE, who may see
// it, its title, its place in the role's nav, and the lazy chunk that draws it.
// shell/app.tsx builds the router and shell/layout.tsx the navs from this one list.
import type { ComponentType } from 'preact';
import type { WebId } from '#shared/i18n/catalogues/types';
import type { AppRole } from './auth/session.ts';

export interface AppRoute {
  /** preact-iso pattern under APP_BASE: `/orders/:orderId`. */
  readonly path: string;
  readonly role: AppRole | 'public';
  /** The document title (and, mostly, the page's h1), as a message id. */
  readonly title: WebId;
  /** Label in the nav of `role` (a message id); absent: not in the nav. */
  readonly nav?: WebId;
  // biome-ignore lint/suspicious/noExplicitAny: route components take their own params; preact-iso passes them by name.
  readonly load: () => Promise<ComponentType<any>>;
}

export const appRoutes: readonly AppRoute[] = [
  { path: '/sign-in', role: 'public', title: 'web.route.signIn', load: () => import('./auth/sign-in.tsx').then((m) => m.SignIn) },
  { path: '/auth/callback', role: 'public', title: 'web.route.signingIn', load: () => import('./auth/callback.tsx').then((m) => m.AuthCallback) },

  // Returns portal (role customer); emails link to /orders/{id} and /returns/{id}.
  {
    path: '/orders',
    role: 'customer',
    title: 'web.route.myOrders',
    nav: 'web.route.myOrders',
    load: () => import('./portal/orders/list.tsx').then((m) => m.OrderList),
  },
  { path: '/orders/:orderId', role: 'customer', title: 'web.route.order', load: () => import('./portal/orders/detail.tsx').then((m) => m.OrderDetail) },
  {
    path: '/orders/:orderId/cancel',
    role: 'customer',
    title: 'web.route.cancelOrder',
    load: () => import('./portal/orders/cancel.tsx').then((m) => m.CancelOrder),
  },
  {
    path: '/orders/:orderId/return',
    role: 'customer',
    title: 'web.route.requestAReturn',
    load: () => import('./portal/returns/new.tsx').then((m) => m.NewReturn),
  },
  {
    path: '/orders/:orderId/exchange',
    role: 'customer',
    title: 'web.route.newExchange',
    load: () => import('./portal/exchanges/new.tsx').then((m) => m.NewExchange),
  },
  {
    path: '/returns',
    role: 'customer',
    title: 'web.route.myReturns',
    nav: 'web.route.myReturns',
    load: () => import('./portal/returns/list.tsx').then((m) => m.ReturnList),
  },
  { path: '/returns/:returnId', role: 'customer', title: 'web.route.return', load: () => import('./portal/returns/detail.tsx').then((m) => m.ReturnDetail) },
  {
    path: '/store-credit',
    role: 'customer',
    title: 'web.route.storeCredit',
    nav: 'web.route.storeCredit',
    load: () => import('./portal/credit/store-credit.tsx').then((m) => m.StoreCredit),
  },
  {
    path: '/exchanges',
    role: 'customer',
    title: 'web.route.myExchanges',
    nav: 'web.route.myExchanges',
    load: () => import('./portal/exchanges/list.tsx').then((m) => m.ExchangeList),
  },
  {
    path: '/exchanges/:exchangeId',
    role: 'customer',
    title: 'web.route.exchange',
    load: () => import('./portal/exchanges/detail.tsx').then((m) => m.ExchangeDetail),
  },
  {
    path: '/cancellations',
    role: 'customer',
    title: 'web.route.myCancellations',
    nav: 'web.route.myCancellations',
    load: () => import('./portal/cancellations/list.tsx').then((m) => m.CancellationList),
  },
  {
    path: '/cancellations/:cancellationId',
    role: 'customer',
    title: 'web.route.cancellation',
    load: () => import('./portal/cancellations/detail.tsx').then((m) => m.CancellationDetail),
  },

  // Back office (role admin): /admin/…; emails link to /admin/returns/{id} and /admin/cancellations/{id}.
  {
    path: '/admin',
    role: 'admin',
    title: 'web.route.backOffice',
    nav: 'web.route.queues',
    load: () => import('./admin/queues/home.tsx').then((m) => m.AdminHome),
  },
  {
    path: '/admin/orders',
    role: 'admin',
    title: 'web.route.orders',
    nav: 'web.route.orders',
    load: () => import('./admin/orders/list.tsx').then((m) => m.OrderList),
  },
  { path: '/admin/orders/:orderId', role: 'admin', title: 'web.route.order', load: () => import('./admin/orders/detail.tsx').then((m) => m.OrderDetail) },
  {
    path: '/admin/returns',
    role: 'admin',
    title: 'web.route.returns',
    nav: 'web.route.returns',
    load: () => import('./admin/returns/list.tsx').then((m) => m.ReturnList),
  },
  {
    path: '/admin/returns/:returnId',
    role: 'admin',
    title: 'web.route.returnRequest',
    load: () => import('./admin/returns/detail.tsx').then((m) => m.ReturnDetail),
  },
  {
    path: '/admin/cancellations',
    role: 'admin',
    title: 'web.route.cancellations',
    nav: 'web.route.cancellations',
    load: () => import('./admin/cancellations/list.tsx').then((m) => m.CancellationList),
  },
  {
    path: '/admin/cancellations/:id',
    role: 'admin',
    title: 'web.route.cancellation',
    load: () => import('./admin/cancellations/detail.tsx').then((m) => m.CancellationDetail),
  },
  {
    path: '/admin/exchanges',
    role: 'admin',
    title: 'web.route.exchanges',
    nav: 'web.route.exchanges',
    load: () => import('./admin/exchanges/list.tsx').then((m) => m.ExchangeList),
  },
  {
    path: '/admin/exchanges/:id',
    role: 'admin',
    title: 'web.route.exchange',
    load: () => import('./admin/exchanges/detail.tsx').then((m) => m.ExchangeDetail),
  },
  {
    path: '/admin/payouts',
    role: 'admin',
    title: 'web.route.refundTransactions',
    nav: 'web.route.payouts',
    load: () => import('./admin/payouts/list.tsx').then((m) => m.PayoutList),
  },
  {
    path: '/admin/webhooks',
    role: 'admin',
    title: 'web.route.webhooks',
    nav: 'web.route.webhooks',
    load: () => import('./admin/webhooks/list.tsx').then((m) => m.WebhookList),
  },
  {
    path: '/admin/webhooks/:id',
    role: 'admin',
    title: 'web.route.webhookEndpoint',
    load: () => import('./admin/webhooks/detail.tsx').then((m) => m.WebhookDetail),
  },
  {
    path: '/admin/store-credit',
    role: 'admin',
    title: 'web.route.storeCredit',
    nav: 'web.route.storeCredit',
    load: () => import('./admin/credit/lookup.tsx').then((m) => m.CreditLookup),
  },
  {
    path: '/admin/customers/:customerId/credit',
    role: 'admin',
    title: 'web.route.customerCredit',
    load: () => import('./admin/credit/customer.tsx').then((m) => m.CustomerCredit),
  },
  {
    path: '/admin/gift-cards',
    role: 'admin',
    title: 'web.route.giftCards',
    nav: 'web.route.giftCards',
    load: () => import('./admin/credit/gift-cards.tsx').then((m) => m.GiftCards),
  },
  {
    path: '/admin/settings',
    role: 'admin',
    title: 'web.route.settings',
    nav: 'web.route.settings',
    load: () => import('./admin/settings/form.tsx').then((m) => m.SettingsScreen),
  },
  {
    path: '/admin/reasons',
    role: 'admin',
    title: 'web.route.reasons',
    nav: 'web.route.reasons',
    load: () => import('./admin/reasons/list.tsx').then((m) => m.ReasonList),
  },
  {
    path: '/admin/stock',
    role: 'admin',
    title: 'web.route.stock',
    nav: 'web.route.stock',
    load: () => import('./admin/stock/lookup.tsx').then((m) => m.StockScreen),
  },
];

/** Where each role starts after signing in. */
export const HOME: Record<AppRole, string> = { customer: '/orders', admin: '/admin' };
