// Hardening of the synthesized stack, complementing stack.test.ts: throttling
// on every route (below the stage's ceiling, tighter for public routes), IAM
// that names only this stack's own table, indexes, stream, bucket prefix,
// queue and identity (no `*` beyond actions that cannot be scoped), one role
// per function, and Lambda environments that neither log events nor hold
// secrets. Stub code: no bundling, synthesis only.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app';
import { STAGE_THROTTLE } from '#infra/constructs/api';
import { type Route, routeKey, routes } from '#infra/routes';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource?: unknown; NotAction?: unknown; NotResource?: unknown };
const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** Actions AWS offers no resource-level permission for: the only ones that may name `*`. */
const UNSCOPABLE = new Set(['dynamodb:ListStreams', 'xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'cloudwatch:PutMetricData']);

let resources: Record<string, Resource>;
let stack: ReturnType<typeof buildApp>['stack'];
const idOf = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as never);

beforeAll(() => {
  const built = buildApp({ code: 'stub' });
  stack = built.stack;
  resources = built.app.synth().getStackByName(stack.stackName).template.Resources as Record<string, Resource>;
});

/** CDK's deploy-time handler (and its role) that copies the web app into its bucket: aws-cdk-lib's code and grants, reasoned in infra/constructs/web-app.ts. */
const isWebDeployment = (logicalId: string) => logicalId.startsWith('CustomCDKBucketDeployment');

const policies = () =>
  Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .map((r) => ({
      roles: (r.Properties.Roles as { Ref: string }[]).map((x) => x.Ref),
      statements: (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    }))
    .filter((p) => !p.roles.some((role) => stack.web.publishRole && role === idOf(stack.web.publishRole)));

/** Every logical id a statement's Resource refers to (Ref / Fn::GetAtt), and any literal strings in it. */
const referencesOf = (resource: unknown): { ids: string[]; literals: string[] } => {
  const ids: string[] = [];
  const literals: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') literals.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.Ref === 'string') ids.push(record.Ref);
      else if (Array.isArray(record['Fn::GetAtt'])) ids.push(String(record['Fn::GetAtt'][0]));
      else Object.values(record).forEach(walk);
    }
  };
  walk(resource);
  return { ids, literals };
};

describe('throttling', () => {
  it('gives every route of infra/routes.ts its own limits, none above the stage, public routes the tightest', () => {
    const stage = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')?.Properties ?? {};
    const stageLimits = stage.DefaultRouteSettings as { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
    expect(stageLimits).toEqual({ ThrottlingRateLimit: STAGE_THROTTLE.rateLimit, ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit });
    const settings = stage.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    const limits = (routes as readonly Route[]).map((route) => ({ route, limit: settings[routeKey(route)] }));
    for (const { route, limit } of limits) {
      expect(limit, routeKey(route)).toBeDefined();
      expect(limit?.ThrottlingRateLimit, routeKey(route)).toBeGreaterThan(0);
      expect(limit?.ThrottlingRateLimit, routeKey(route)).toBeLessThan(stageLimits.ThrottlingRateLimit);
      expect(limit?.ThrottlingBurstLimit, routeKey(route)).toBeLessThan(stageLimits.ThrottlingBurstLimit);
    }
    const publicMax = Math.max(...limits.filter(({ route }) => route.roles.includes('public')).map(({ limit }) => limit?.ThrottlingRateLimit ?? 0));
    const protectedMin = Math.min(...limits.filter(({ route }) => !route.roles.includes('public')).map(({ limit }) => limit?.ThrottlingRateLimit ?? 0));
    expect(publicMax).toBeLessThanOrEqual(protectedMin);
  });
});

describe('least-privilege IAM', () => {
  it('grants `*` resources only to actions that cannot be scoped, and never a wildcard action or NotAction', () => {
    const statements = policies().flatMap((p) => p.statements);
    expect(statements.length).toBeGreaterThan(10);
    for (const st of statements) {
      expect(st.NotAction, JSON.stringify(st)).toBeUndefined();
      expect(st.NotResource, JSON.stringify(st)).toBeUndefined();
      for (const action of asArray(st.Action)) expect(action, JSON.stringify(st)).not.toMatch(/\*/);
      if (asArray(st.Resource).includes('*')) {
        for (const action of asArray(st.Action)) expect(UNSCOPABLE, `${action} on *`).toContain(action);
      }
    }
  });

  it('names only resources of this stack: its table (and indexes, stream), bucket prefix, queue, identity, log groups', () => {
    const table = idOf(stack.data.table);
    const bucket = idOf(stack.data.bucket);
    for (const { statements } of policies()) {
      for (const st of statements) {
        if (asArray(st.Resource).includes('*')) continue;
        const { ids, literals } = referencesOf(st.Resource);
        expect(ids.length, JSON.stringify(st)).toBeGreaterThan(0);
        for (const id of ids) expect(resources[id] ?? id.startsWith('AWS::'), `${id} in ${JSON.stringify(st)}`).toBeTruthy();
        // Literal pieces only join ARNs together: a suffix of this stack's table or bucket, or ARN punctuation.
        // `/*`: the objects of the stream-failures bucket, which Lambda names itself (stream-source.ts).
        // `:userpool/*`: the admin MFA check reads the pool that invokes it, which it cannot name (auth.ts).
        const allowed = ['', '/index/*', '/attachments/*', '/*', 'arn:', ':ses:', ':', ':identity/', ':configuration-set/', ':cognito-idp:', ':userpool/*'];
        for (const literal of literals) expect(allowed, `${literal} in ${JSON.stringify(st)}`).toContain(literal);
        if (literals.includes('/*')) {
          expect(ids, JSON.stringify(st)).toEqual([idOf(stack.data.streamFailures)]);
          expect(st.Action, JSON.stringify(st)).toBe('s3:PutObject');
        }
        if (literals.includes(':userpool/*')) expect(asArray(st.Action), JSON.stringify(st)).toEqual(['cognito-idp:AdminGetUser']);
        const actions = asArray(st.Action);
        if (actions.some((a) => a.startsWith('dynamodb:')))
          expect(
            ids.every((id) => id === table),
            JSON.stringify(st),
          ).toBe(true);
        if (actions.some((a) => a.startsWith('s3:')) && !ids.includes(idOf(stack.data.streamFailures))) {
          expect(ids, JSON.stringify(st)).toEqual([bucket]);
          expect(literals, JSON.stringify(st)).toContain('/attachments/*');
        }
      }
    }
  });

  it('gives each function a role of its own, used by no other function', () => {
    const functions = Object.entries(resources)
      .filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && !isWebDeployment(id))
      .map(([, r]) => r);
    const roles = functions.map((f) => JSON.stringify(f.Properties.Role));
    expect(functions.length).toBeGreaterThan(5);
    expect(new Set(roles).size).toBe(roles.length);
    // And every policy is attached to exactly one role.
    for (const p of policies()) expect(p.roles).toHaveLength(1);
  });

  it('keeps the function with no data (meta) away from the table, the bucket and SES', () => {
    const role = idOf(stack.functions.meta.role);
    const actions = policies()
      .filter((p) => p.roles.includes(role))
      .flatMap((p) => p.statements.flatMap((st) => asArray(st.Action)));
    // Its log group, and X-Ray's trace segments (active tracing).
    expect(actions.filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:'))).toEqual([]);
  });
});

describe('Lambda configuration', () => {
  const environments = () =>
    Object.entries(resources)
      .filter(([id, r]) => r.Type === 'AWS::Lambda::Function' && !isWebDeployment(id))
      .map(([, r]) => (r.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {});

  it('never logs invocation events (they carry tokens, IBANs and account numbers) nor runs at DEBUG', () => {
    for (const env of environments()) {
      expect(String(env.POWERTOOLS_LOGGER_LOG_EVENT ?? 'false')).toBe('false');
      expect(String(env.POWERTOOLS_LOG_LEVEL ?? env.LOG_LEVEL ?? 'INFO').toUpperCase()).not.toMatch(/DEBUG|TRACE/);
    }
  });

  it('puts no secret in an environment variable', () => {
    for (const env of environments()) {
      for (const [name, value] of Object.entries(env)) {
        // The Parameters and Secrets extension's own settings (cache, timeouts, log level) name it, but hold no secret.
        if (/^(PARAMETERS_SECRETS_EXTENSION_|SECRETS_MANAGER_|SSM_PARAMETER_STORE_)/.test(name)) continue;
        if (/SECRET|PASSWORD|TOKEN|PRIVATE|API_?KEY|ACCESS_KEY/i.test(name)) expect(typeof value, `${name} holds a literal`).not.toBe('string');
      }
    }
  });
});
