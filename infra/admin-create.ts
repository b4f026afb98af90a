// `npm run admin:create -- --email ops@shop.example [--user-pool-id eu-west-1_abc]`:
// creates a back-office admin in the stack's Cognito user pool (AdminCreateUser:
// Cognito emails a temporary password; then the `admin` group). The pool id is
// the stack's `UserPoolId` output, or AFTERSALES_USER_POOL_ID. The admin signs in
// without admin rights until TOTP is enrolled (README "Going live").

import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createUserInGroup, type NewUser } from '#shared/adapters/cognito';
import { ADMIN_GROUP } from '#shared/domain/admin-mfa';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The user to create, from the command line (and the environment for the pool id). */
export const parseAdminArgs = (argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): NewUser => {
  const { values } = parseArgs({ args: [...argv], options: { email: { type: 'string' }, 'user-pool-id': { type: 'string' } }, strict: true });
  const email = values.email?.trim();
  if (!email || !EMAIL.test(email)) throw new Error('usage: npm run admin:create -- --email <address> [--user-pool-id <id>]');
  const userPoolId = values['user-pool-id'] ?? env.AFTERSALES_USER_POOL_ID;
  if (!userPoolId) throw new Error("the user pool: --user-pool-id <id> (the stack's UserPoolId output) or AFTERSALES_USER_POOL_ID");
  return { userPoolId, email, group: ADMIN_GROUP };
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  Promise.resolve()
    .then(() => createUserInGroup(parseAdminArgs(process.argv.slice(2))))
    .then(
      (username) => console.log(`Created admin ${username}: Cognito has emailed a temporary password. Enrol TOTP before using the back office.`),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : String(error));
        process.exitCode = 1;
      },
    );
}
