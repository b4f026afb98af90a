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
    'return → approved': 2,
    'admin comment 5': 2,
    'return → refunded': 3,
  },
  'paid order cancelled: request → approved': { 'POST /orders/{id}/cancellation': 2, approve: 2 },
  'return partially approved': { 'POST /returns': 2, 'return → pending_verification': 1, 'verify the item': 2, 'return → partially_approved': 3 },
  'return denied': { 'POST /returns': 2, 'return → denied': 3 },
  'return withdrawn by the customer': { 'POST /returns': 2, 'return → cancelled': 3 },
};
