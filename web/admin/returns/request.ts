// The return request as the back office reads it (GET /admin/returns/{id}): named once for its screen's parts.
import type { ApiResult } from '../../api/client.ts';

export type AdminReturn = ApiResult<'returns.adminGet'>;
