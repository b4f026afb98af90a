// `npm run token -- --role customer|admin|storefront [--sub ID] [--email E] [--expires 12h]`
// prints a JWT the local API accepts, and nothing else on stdout, so that
// `TOKEN=$(npm run -s token -- --role admin)` works.
import { parseArgs } from 'node:util';
import { signToken, type TokenRole } from '#infra/local/jwt';

const ROLES: readonly TokenRole[] = ['customer', 'admin', 'storefront'];
const USAGE = 'usage: npm run token -- --role customer|admin|storefront [--sub ID] [--email E] [--expires 12h]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      email: { type: 'string' },
      expires: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.error(USAGE);
    return;
  }
  const role = values.role as TokenRole | undefined;
  if (!role || !ROLES.includes(role)) {
    console.error(USAGE);
    process.exit(2);
  }
  const expires = values.expires;
  if (expires !== undefined && !/^\d+\s*(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|w|week|weeks)?$/i.test(expires)) {
    console.error(`token: --expires must look like 90s, 30m, 12h or 7d (got "${expires}")`);
    process.exit(2);
  }
  const token = await signToken({
    role,
    ...(values.sub ? { sub: values.sub } : {}),
    ...(values.email ? { email: values.email } : {}),
    ...(expires ? { expiresIn: /^\d+$/.test(expires) ? Number(expires) : expires } : {}),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(`token: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
