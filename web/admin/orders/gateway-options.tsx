// The options of a "pay by" select: `none` (the default the server picks) first, then each gateway.
import { words } from '../../ui/format.ts';
import { GATEWAY_LIST } from '../statuses.ts';

export const GatewayOptions = ({ none }: { none: string }) => (
  <>
    <option value="">{none}</option>
    {GATEWAY_LIST.map((g) => (
      <option key={g} value={g}>
        {words(g)}
      </option>
    ))}
  </>
);
