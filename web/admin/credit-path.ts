// Where a customer's store credit is in the back office: the order page links
// there, and the lookup by customer id goes there.
import { APP_BASE } from '../base.ts';

export const customerCreditPath = (customerId: string): string => `${APP_BASE}/admin/customers/${encodeURIComponent(customerId)}/credit`;
