// The stated DynamoDB round trips of every step of every flow of flows.ts:
// test/integration/flow-cost.test.ts fails when one gains (or loses) a trip,
// so a change of cost is a change of this file, with its reason.

export const FLOW_TRIPS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'order created → delivered': { 'POST /orders': 1, 'order → confirmed': 1, 'order → shipped': 1, 'order → delivered': 1 },
  'return, request → refunded (2 photos, 5 comments)': {
    "POST /attachments (photo 1, then the browser's upload to S3)": 2,
    "POST /attachments (photo 2, then the browser's upload to S3)": 2,
    'POST /returns': 2,
    'customer comment 1': 2,
    'admin comment 2': 2,
    'return → picked_up': 1,
    'customer comment 3': 2,
    'return → pending_verification': 1,
    'verify the item': 2,
    'verify the package': 3,
    'admin comment 4': 2,
    'return → approved': 1,
    'admin comment 5': 2,
    'return → refunded': 3,
  },
  'paid order cancelled: request → approved': { 'POST /orders/{id}/cancellation': 2, approve: 2 },
  'return partially approved': { 'POST /returns': 2, 'return → pending_verification': 1, 'verify the item': 2, 'return → partially_approved': 2 },
  'return denied': { 'POST /returns': 2, 'return → denied': 2 },
  'return withdrawn by the customer': { 'POST /returns': 2, 'return → cancelled': 2 },
  'store credit: debit at checkout, then reverted': { 'POST /store-credit/debits': 2, 'POST /store-credit/debits/{id}/revert': 5 },
  'gift card redeemed into store credit': { 'POST /gift-cards/redeem': 4 },
  'webhook delivery: enqueued, then POSTed to its endpoint': { 'enqueue (POST /admin/webhooks/{id}/ping)': 2, 'webhook-delivery: the signed POST': 6 },
};

/**
 * Why a return status change takes more than one trip (shared/use-cases/change-return-status.ts).
 * Every target status has a step `return → <status>` in some flow above (the guard checks it).
 */
export const RETURN_STATUS_WHY: Readonly<Record<string, string>> = {
  approved: '',
  picked_up: '',
  pending_verification: '',
  partially_approved:
    "it gives the bad units back to the order's lines: their counts are on the request only, so the request is read, then both are written in one transaction (the order is not read: the request stores where its lines sit)",
  denied: 'as partially_approved: every unit goes back to the order',
  cancelled: 'as partially_approved: every unit goes back to the order',
  refunded:
    "the route names only the request, and the refund is planned from the order's current counters: the request is read (it names the order), then the order with the settings, then one transaction writes the refund with the request",
};
