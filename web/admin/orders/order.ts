// The order as the back office reads it (GET /admin/orders/{id}): named once for its screen's parts.
import type { ApiResult } from '../../api/client.ts';

export type AdminOrder = ApiResult<'orders.adminGet'>;
