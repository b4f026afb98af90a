// The HTTP API: one route per entry of infra/routes.ts, each integrated with
// its area's Lambda, behind the JWT authorizer unless the route is public.
import { Duration, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type HttpFunction, type Route, routeKey, routes } from '#infra/routes';

export interface ApiProps {
  readonly functions: Readonly<Record<HttpFunction, lambda.IFunction>>;
  readonly issuer: string;
  readonly audience: readonly string[];
  readonly corsOrigins: readonly string[];
}

export interface Throttle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/** Whole-stage ceiling: what the backend (Lambda concurrency, table) is sized for. */
export const STAGE_THROTTLE: Throttle = { rateLimit: 200, burstLimit: 400 };

/**
 * Routes whose one request costs far more than the others: a rendered PDF
 * (documents), an S3 presign or bind (attachments), and the summary's counts
 * (a COUNT Query per status, read to the last page).
 */
export const EXPENSIVE_FUNCTIONS: ReadonlySet<HttpFunction> = new Set(['documents', 'attachments']);
export const EXPENSIVE_ROUTES: ReadonlySet<string> = new Set(['orders.summary']);

const SMALL_SHARE: Throttle = { rateLimit: 10, burstLimit: 20 };

/**
 * Per-route ceilings, below the stage's, so one route — a misbehaving
 * storefront loop, a scraped list, a flood of presign requests — can only use
 * its own share and never starve the others. Public routes answer anyone
 * without a token, and expensive routes cost the most per request, so both get
 * the smallest share.
 */
export const routeThrottle = (route: Pick<Route, 'roles' | 'fn' | 'id'>): Throttle =>
  route.roles.includes('public') || EXPENSIVE_FUNCTIONS.has(route.fn) || EXPENSIVE_ROUTES.has(route.id) ? SMALL_SHARE : { rateLimit: 50, burstLimit: 100 };

export const isPublic = (route: Pick<Route, 'roles'>): boolean => route.roles.includes('public');

export class Api extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly routes: ReadonlyMap<string, apigwv2.HttpRoute>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'aftersales: orders, cancellations, returns, refunds, attachments',
      // The stage is built below with throttling and access logs.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.corsOrigins],
        allowMethods: [
          apigwv2.CorsHttpMethod.GET,
          apigwv2.CorsHttpMethod.POST,
          apigwv2.CorsHttpMethod.PUT,
          apigwv2.CorsHttpMethod.DELETE,
          apigwv2.CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
        exposeHeaders: ['etag', 'location'],
        maxAge: Duration.hours(1),
      },
    });

    // Handlers check roles (claims, `cognito:groups`, scope) themselves, the
    // same way locally; the gateway proves the token is genuine and for us.
    const authorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.issuer, {
      jwtAudience: [...props.audience],
      identitySource: ['$request.header.Authorization'],
    });

    const integrations = new Map<HttpFunction, HttpLambdaIntegration>();
    const integrationFor = (fn: HttpFunction): HttpLambdaIntegration => {
      let integration = integrations.get(fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${fn}-integration`, props.functions[fn]);
        integrations.set(fn, integration);
      }
      return integration;
    };

    const built = new Map<string, apigwv2.HttpRoute>();
    for (const route of routes as readonly Route[]) {
      const httpRoute = new apigwv2.HttpRoute(this, route.id, {
        httpApi: this.httpApi,
        routeKey: apigwv2.HttpRouteKey.with(route.path, apigwv2.HttpMethod[route.method]),
        integration: integrationFor(route.fn),
        ...(isPublic(route) ? {} : { authorizer }),
      });
      if (isPublic(route)) {
        const reason = `${routeKey(route)} is public by contract (API.md, Roles): no token is required.`;
        Validations.of(httpRoute).acknowledge({ id: 'AwsSolutions-APIG4', reason });
      }
      built.set(route.id, httpRoute);
    }
    this.routes = built;

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            // The Lambda's own answer and error (a crash or timeout shows here, not in `status` alone).
            integrationStatus: '$context.integration.integrationStatus',
            integrationStatusCode: '$context.integration.status',
            integrationErrorDetail: '$context.integration.error',
            authorizerError: '$context.authorizer.error',
            sub: '$context.authorizer.claims.sub',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    // API Gateway v2 only exposes per-route throttling as stage RouteSettings
    // keyed by route key; a key naming a route that does not exist yet fails
    // the deployment, hence the dependency on every route.
    const stageResource = this.stage.node.defaultChild as apigwv2.CfnStage;
    stageResource.routeSettings = Object.fromEntries(
      (routes as readonly Route[]).map((route) => {
        const t = routeThrottle(route);
        return [routeKey(route), { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit }];
      }),
    );
    for (const route of built.values()) this.stage.node.addDependency(route);
  }
}
