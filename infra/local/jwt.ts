// The local stand-in for Cognito: one ES256 key pair kept in a git-ignored file,
// tokens shaped like the ones each role gets in AWS, and the same checks the API
// Gateway JWT authorizer makes (signature, issuer, audience, expiry).
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT, UnsecuredJWT } from 'jose';
import { projectRoot } from '#infra/local/setup';
import type { Role } from '#infra/routes';

export type TokenRole = Exclude<Role, 'public'>;

export const jwtIssuer = (): string => process.env.LOCAL_JWT_ISSUER ?? 'http://127.0.0.1:3000/local';
export const jwtAudience = (): string => process.env.LOCAL_JWT_AUDIENCE ?? 'aftersales';
export const jwtKeyFile = (): string => process.env.LOCAL_JWT_KEY_FILE ?? path.join(projectRoot, '.local', 'jwt-key.json');

export const DEFAULT_SUBJECTS: Record<TokenRole, string> = {
  customer: 'customer-1',
  admin: 'admin-1',
  storefront: 'storefront',
};

interface KeyPair {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

interface KeyFile {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

const loaded = new Map<string, Promise<KeyPair>>();

async function readKeyFile(file: string): Promise<KeyPair> {
  const stored = JSON.parse(await readFile(file, 'utf8')) as KeyFile;
  return {
    kid: stored.kid,
    privateKey: (await importJWK(stored.privateJwk, 'ES256')) as CryptoKey,
    publicKey: (await importJWK(stored.publicJwk, 'ES256')) as CryptoKey,
  };
}

async function createOrReadKeyFile(file: string): Promise<KeyPair> {
  await mkdir(path.dirname(file), { recursive: true });
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const content: KeyFile = { kid, privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  // The token CLI and the API server may race to create the key. Writing a
  // private temp file ('wx') and hard-linking it into place publishes it
  // atomically; whoever loses gets EEXIST and reads the winner's complete file.
  const temp = `${file}.${process.pid}.${kid}.tmp`;
  await writeFile(temp, JSON.stringify(content, null, 2), { flag: 'wx', mode: 0o600 });
  try {
    await link(temp, file);
    return { kid, privateKey, publicKey };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKeyFile(file);
  } finally {
    await unlink(temp).catch(() => {});
  }
}

/** The local signing key, created on first use. */
export function localKeyPair(file = jwtKeyFile()): Promise<KeyPair> {
  let pair = loaded.get(file);
  if (!pair) {
    pair = readKeyFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return createOrReadKeyFile(file);
      throw error;
    });
    pair.catch(() => loaded.delete(file));
    loaded.set(file, pair);
  }
  return pair;
}

export interface SignTokenOptions {
  role: TokenRole;
  sub?: string;
  email?: string;
  /** `'12h'`, `'30m'`… or seconds from now (negative: already expired). Default 12h. */
  expiresIn?: string | number;
  /** Extra or overriding claims. */
  claims?: JWTPayload;
  issuer?: string;
  audience?: string;
  /** Sign with this key instead of the local one (tests: a foreign key). */
  privateKey?: CryptoKey;
}

/** The claims a role's token carries in AWS (Cognito ID token / client-credentials access token). */
export function roleClaims(role: TokenRole, sub?: string, email?: string): JWTPayload {
  const subject = sub ?? DEFAULT_SUBJECTS[role];
  switch (role) {
    case 'customer':
      return { sub: subject, email: email ?? `${subject}@example.com`, token_use: 'id' };
    case 'admin':
      return { sub: subject, email: email ?? `${subject}@aftersales.local`, 'cognito:groups': ['admin'], token_use: 'id' };
    case 'storefront':
      return { sub: subject, client_id: subject, scope: 'orders/write', token_use: 'access' };
  }
}

export async function signToken(options: SignTokenOptions): Promise<string> {
  const { kid, privateKey } = options.privateKey ? { kid: 'foreign', privateKey: options.privateKey } : await localKeyPair();
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = options.expiresIn ?? '12h';
  return new SignJWT({ ...roleClaims(options.role, options.sub, options.email), ...options.claims })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? jwtIssuer())
    .setAudience(options.audience ?? jwtAudience())
    .setIssuedAt(typeof expiresIn === 'number' && expiresIn < 0 ? now + expiresIn - 60 : now)
    .setJti(randomUUID())
    .setExpirationTime(typeof expiresIn === 'number' ? now + expiresIn : expiresIn)
    .sign(privateKey);
}

export type VerifyResult = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

/** What the API Gateway JWT authorizer checks; `Bearer ` prefix optional as there. */
export async function verifyToken(authorization: string | undefined): Promise<VerifyResult> {
  const token = authorization?.replace(/^bearer\s+/i, '').trim();
  if (!token) return { ok: false, reason: 'missing bearer token' };
  try {
    const { publicKey } = await localKeyPair();
    const { payload } = await jwtVerify(token, publicKey, {
      algorithms: ['ES256'],
      issuer: jwtIssuer(),
      audience: jwtAudience(),
      requiredClaims: ['exp'],
    });
    return { ok: true, claims: payload };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'invalid token' };
  }
}

/** Bad tokens for authorizer tests; each must be refused with 401. */
export const badTokens = {
  expired: (role: TokenRole = 'customer') => signToken({ role, expiresIn: -60 }),
  wrongIssuer: (role: TokenRole = 'customer') => signToken({ role, issuer: 'https://evil.example.com/issuer' }),
  wrongAudience: (role: TokenRole = 'customer') => signToken({ role, audience: 'someone-else' }),
  /** `alg: none`, no signature. */
  unsigned: (role: TokenRole = 'customer') => {
    const now = Math.floor(Date.now() / 1000);
    return Promise.resolve(
      new UnsecuredJWT({ ...roleClaims(role) })
        .setIssuer(jwtIssuer())
        .setAudience(jwtAudience())
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .encode(),
    );
  },
  foreignKey: async (role: TokenRole = 'customer') => {
    const { privateKey } = await generateKeyPair('ES256');
    return signToken({ role, privateKey });
  },
} as const;
