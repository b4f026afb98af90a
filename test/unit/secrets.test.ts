// No secrets in the repository, and none in the logs. Scans every file git
// would commit (tracked, plus untracked ones not ignored) for private keys and
// cloud credentials; checks the local signing key stays git-ignored; and reads
// the code for log calls that could carry a body, an event, a token or account
// data, which would defeat the masking in shared/adapters/logger.ts.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { jwtKeyFile } from '#infra/local/jwt';
import { projectRoot } from '#infra/local/setup';
import { logger, mask } from '#shared/adapters/logger';

// Written in pieces so this file does not match its own patterns.
const BEGIN = '-----BEGIN';
const PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['private key (PEM)', new RegExp(`${BEGIN} (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----`)],
  ['AWS access key id', /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/],
  ['AWS secret access key', /aws_?secret_?access_?key\s*[=:]\s*["']?[A-Za-z0-9/+=]{40}\b/i],
  ['private JWK', /"d"\s*:\s*"[A-Za-z0-9_-]{32,}"/],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ['npm token', /\bnpm_[A-Za-z0-9]{36}\b|_authToken\s*=\s*[^\s$]/],
  ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ['Stripe live key', /\b[rs]k_live_[A-Za-z0-9]{20,}/],
];

const findings = (text: string): string[] => PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);

const committable = (): string[] =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: projectRoot, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
    .filter((file) => {
      try {
        const stat = statSync(path.join(projectRoot, file));
        return stat.isFile() && stat.size < 5_000_000;
      } catch {
        return false; // deleted in the working tree
      }
    });

describe('secrets in the repository', () => {
  it('recognises what it looks for (the scanner itself)', () => {
    expect(findings(`${BEGIN} RSA PRIVATE KEY-----\nMIIE`)).toEqual(['private key (PEM)']);
    expect(findings(`key: ${'AKIA'}${'IOSFODNN7EXAMPLE'}`)).toEqual(['AWS access key id']);
    expect(findings(`aws_secret_access_key = ${'wJalrXUtnFEMI/K7MDENG/'}${'bPxRfiCYEXAMPLEKEY'}`)).toEqual(['AWS secret access key']);
    expect(findings(`{"kty":"EC","d":"${'x'.repeat(43)}"}`)).toEqual(['private JWK']);
    expect(findings(`//registry.npmjs.org/:${'_auth'}${'Token'}=abc`)).toEqual(['npm token']);
    expect(findings('const region = "us-east-1"; // AKIA in prose is fine')).toEqual([]);
  });

  it('finds none in any file git would commit', () => {
    const files = committable();
    expect(files.length).toBeGreaterThan(100);
    const leaks = files.flatMap((file) => findings(readFileSync(path.join(projectRoot, file), 'utf8')).map((what) => `${file}: ${what}`));
    expect(leaks).toEqual([]);
  });

  it('keeps the local JWT signing key out of git', () => {
    const relative = path.relative(projectRoot, jwtKeyFile());
    expect(execFileSync('git', ['check-ignore', relative], { cwd: projectRoot, encoding: 'utf8' }).trim()).toBe(relative);
    expect(committable()).not.toContain(relative);
  });
});

describe('secrets in the logs', () => {
  const source = (dir: string): string[] =>
    execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', dir], { cwd: projectRoot, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.ts'));

  it('never hands a body, an event, headers, a token or account data to the logger', () => {
    const files = [...source('shared'), ...source('functions')];
    expect(files.length).toBeGreaterThan(20);
    const calls = files.flatMap((file) =>
      [...readFileSync(path.join(projectRoot, file), 'utf8').matchAll(/\blogger\.(?:debug|info|warn|error|critical|appendKeys)\(([\s\S]*?)\);/g)].map((m) => ({
        file,
        args: m[1] ?? '',
      })),
    );
    expect(calls.length).toBeGreaterThan(2);
    // A whole value (`event`), not one of its fields (`event.routeKey`).
    const risky = calls.filter(({ args }) =>
      /\b(?:body|rawBody|event|headers|authorization|token|iban|refundAccount|accountNumber|voucherCode|item|Item|request)\b(?!\??\.)/.test(args),
    );
    expect(risky.map(({ file, args }) => `${file}: logger(${args.slice(0, 120)})`)).toEqual([]);
  });

  it('never writes around the logger (console.*) in shipped code', () => {
    const offenders = [...source('shared'), ...source('functions')].filter((file) =>
      /\bconsole\.(?:log|info|warn|error|debug)\(/.test(readFileSync(path.join(projectRoot, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('masks account numbers to their last four characters', () => {
    expect(mask('DE89370400440532013000')).toBe('****3000');
    expect(mask('1234')).toBe('****');
    expect(mask('')).toBe('****');
  });

  it('masks IBANs and account numbers in whatever a log call carries', () => {
    const lines: string[] = [];
    // Powertools writes through its own Console: errors go to stderr.
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    const writes = [vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture)];
    try {
      logger.error('refund account rejected', {
        refundAccount: { accountName: 'Ada', accountNumber: '12345678', bankName: 'Bank' },
        return: { iban: 'DE89370400440532013000', IBAN: 'GB82WEST12345698765432' },
      });
    } finally {
      for (const write of writes) write.mockRestore();
    }
    const logged = lines.join('');
    expect(logged).toContain('****5678');
    expect(logged).toContain('****3000');
    expect(logged).toContain('****5432');
    expect(logged).not.toMatch(/12345678|DE8937|GB82WEST/);
    expect(logged).toContain('Ada');
  });
});
