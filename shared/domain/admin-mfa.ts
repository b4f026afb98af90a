// Admins must have a second factor. The user pool's MFA is optional (shoppers
// are not made to enrol one), and a user who has enrolled TOTP is always asked
// for it at sign-in; so a token that carries the admin group was earned with
// TOTP exactly when its user has TOTP enrolled. The pre-token-generation
// trigger (functions/auth/admin-mfa.ts) keeps the admin group out of every
// token of a user without it: such an admin signs in with no admin rights.

/** The `cognito:groups` value that makes a user an admin (API.md, Roles). */
export const ADMIN_GROUP = 'admin';

/** Cognito's name for an enrolled authenticator app. */
export const TOTP_MFA = 'SOFTWARE_TOKEN_MFA';

/** The groups a token may carry: unchanged with TOTP enrolled, else without the admin group. */
export const groupsForToken = (groups: readonly string[], mfaMethods: readonly string[]): readonly string[] =>
  mfaMethods.includes(TOTP_MFA) ? groups : groups.filter((group) => group !== ADMIN_GROUP);
