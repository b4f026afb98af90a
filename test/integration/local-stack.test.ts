// The embedded local stack itself: the emulators answer the real SDK clients,
// the API stand-in behaves like API Gateway (routing, JWT authorizer, payload
// 2.0 event) and the stream poller like Lambda's event source mapping.
import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHandler, startApiServer } from '#infra/local/api-server';
import { ensureTable } from '#infra/local/bootstrap';
import { readDeadLetters, waitForStreamIdle } from '#infra/local/control-server';
import { badTokens, signToken } from '#infra/local/jwt';
import { readSentEmails, waitForEmail } from '#infra/local/ses-local';
import { type StreamHandler, startStreamPoller } from '#infra/local/stream-poller';
import { TABLE } from '#infra/table';
import { admin, call, createOrder, customer } from '../support/api.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the global setup did not run`);
  return value;
};
const dynamodb = new DynamoDBClient({});
const s3 = new S3Client({ forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });

describe('emulators', () => {
  it('has the table with its GSIs, both-images stream and TTL', async () => {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: env('TABLE_NAME') }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    const indexes = Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.ProjectionType]);
    expect(indexes?.sort()).toEqual(TABLE.indexes.map((i) => [i.name, 'ALL']).sort());
    expect(Table?.StreamSpecification).toMatchObject({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(Table?.LatestStreamArn).toBeTruthy();
    const ttl = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: env('TABLE_NAME') }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('round-trips an object through local S3, directly and by presigned POST', async () => {
    const Bucket = env('BUCKET_NAME');
    const Key = `test/${randomUUID()}.txt`;
    await s3.send(new PutObjectCommand({ Bucket, Key, Body: 'hello', ContentType: 'text/plain' }));
    const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
    expect(await got.Body?.transformToString()).toBe('hello');

    const postKey = `uploads/${randomUUID()}.png`;
    const { url, fields } = await createPresignedPost(s3, { Bucket, Key: postKey, Fields: { 'Content-Type': 'image/png' }, Expires: 300 });
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'a.png');
    const posted = await fetch(url, { method: 'POST', body: form });
    expect(posted.status).toBe(204);
    const uploaded = await s3.send(new GetObjectCommand({ Bucket, Key: postKey }));
    expect([...((await uploaded.Body?.transformToByteArray()) ?? [])]).toEqual([137, 80, 78, 71]);
  });

  it('lets a browser preflight a POST to the bucket', async () => {
    const response = await fetch(`${env('AWS_ENDPOINT_URL_S3')}/${env('BUCKET_NAME')}`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('keeps what SES SendEmail sends in GET /store', async () => {
    const subject = `hello ${randomUUID()}`;
    await new SESClient({}).send(
      new SendEmailCommand({
        Source: 'no-reply@aftersales.local',
        Destination: { ToAddresses: ['someone@example.com'] },
        Message: { Subject: { Data: subject }, Body: { Text: { Data: 'hi' } } },
      }),
    );
    const emails = await readSentEmails(env('SES_URL'));
    expect(emails.find((e) => e.subject === subject)).toMatchObject({ from: 'no-reply@aftersales.local', destination: { to: ['someone@example.com'] } });
  });
});

describe('API Gateway stand-in (shared stack)', () => {
  const get = (path: string, token?: string) => fetch(`${env('API_URL')}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it.each([
    ['no token', async () => undefined],
    ['an expired token', () => badTokens.expired()],
    ['a wrong issuer', () => badTokens.wrongIssuer()],
    ['a wrong audience', () => badTokens.wrongAudience()],
    ['alg none', () => badTokens.unsigned()],
    ['a foreign key', () => badTokens.foreignKey()],
  ])('refuses a protected route with %s: 401 problem+json', async (_, token) => {
    const response = await get('/orders', await token());
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ type: expect.any(String), title: 'Unauthorized', status: 401, detail: expect.any(String) });
  });

  it('answers 404 problem+json on an unknown path and 405 on a known path with another method', async () => {
    const missing = await get('/no/such/path');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toMatchObject({ status: 404 });
    const wrongMethod = await fetch(`${env('API_URL')}/health`, { method: 'PUT' });
    expect(wrongMethod.status).toBe(405);
  });

  it('serves a public route without a token and a protected one with a valid token', async () => {
    expect((await get('/health')).status).toBe(200);
    expect((await get('/orders', await signToken({ role: 'customer', sub: `cus-${randomUUID()}` }))).status).toBe(200);
  });
});

describe('API Gateway stand-in (injected handler)', () => {
  let seen: Parameters<HttpHandler>[] = [];
  let reply: (event: Parameters<HttpHandler>[0]) => unknown = () => ({ statusCode: 200, body: 'ok' });
  let api: Awaited<ReturnType<typeof startApiServer>>;
  const routes = [
    { id: 't.public', method: 'GET', path: '/things', fn: 'meta', roles: ['public'] },
    { id: 't.get', method: 'GET', path: '/things/{thingId}', fn: 'meta', roles: ['admin'] },
    { id: 't.mine', method: 'GET', path: '/things/mine', fn: 'meta', roles: ['customer'] },
    { id: 't.post', method: 'POST', path: '/things/{thingId}/files', fn: 'meta', roles: ['storefront'] },
  ] as const;

  beforeAll(async () => {
    api = await startApiServer({
      port: 0,
      routes,
      maxBodyBytes: 1024,
      loadHandler: async () => async (event, context) => {
        seen.push([event, context]);
        return reply(event);
      },
    });
  });
  afterAll(() => api.stop());
  const last = () => seen.at(-1) as Parameters<HttpHandler>;

  it('builds the payload 2.0 event, with flattened claims and path parameters decoded', async () => {
    seen = [];
    const token = await signToken({ role: 'admin' });
    const response = await fetch(`${api.url}/things/a%20b?x=1&x=2&y=%C3%A9`, {
      headers: { authorization: `Bearer ${token}`, 'X-Custom': 'V', cookie: 'a=1; b=2' },
    });
    expect(response.status).toBe(200);
    const [event, context] = last();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /things/{thingId}',
      rawPath: '/things/a%20b',
      rawQueryString: 'x=1&x=2&y=%C3%A9',
      queryStringParameters: { x: '1,2', y: 'é' },
      pathParameters: { thingId: 'a b' },
      cookies: ['a=1', 'b=2'],
      isBase64Encoded: false,
      requestContext: { routeKey: 'GET /things/{thingId}', stage: '$default', http: { method: 'GET', path: '/things/a%20b' } },
    });
    expect(event.headers['x-custom']).toBe('V');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({ sub: 'admin-1', 'cognito:groups': '[admin]', exp: expect.stringMatching(/^\d+$/) });
    expect(event.requestContext.authorizer.jwt.scopes).toBeNull();
    expect(context.functionName).toBe('aftersales-meta');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });

  it('prefers the literal route, attaches no authorizer on public routes, and splits scopes', async () => {
    seen = [];
    await fetch(`${api.url}/things`);
    expect(last()[0].requestContext).not.toHaveProperty('authorizer');
    await fetch(`${api.url}/things/mine`, { headers: { authorization: `Bearer ${await signToken({ role: 'customer' })}` } });
    expect(last()[0].routeKey).toBe('GET /things/mine');
    const token = await signToken({ role: 'storefront' });
    await fetch(`${api.url}/things/1/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array([0, 255]),
    });
    const [event] = last();
    expect(event.requestContext.authorizer.jwt.scopes).toEqual(['orders/write']);
    expect(event).toMatchObject({ isBase64Encoded: true, body: Buffer.from([0, 255]).toString('base64') });
  });

  it('writes results back like API Gateway: base64 bodies, cookies, bare JSON, handler failures', async () => {
    reply = () => ({
      statusCode: 201,
      headers: { 'content-type': 'image/png', 'x-n': 1, gone: undefined },
      cookies: ['s=1', 't=2'],
      body: Buffer.from([1, 2]).toString('base64'),
      isBase64Encoded: true,
    });
    let response = await fetch(`${api.url}/things`);
    expect(response.status).toBe(201);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2]);
    expect(response.headers.getSetCookie()).toEqual(['s=1', 't=2']);
    expect(response.headers.get('x-n')).toBe('1');
    expect(response.headers.has('gone')).toBe(false);

    reply = () => ({ hello: 'world' });
    response = await fetch(`${api.url}/things`);
    expect([response.status, response.headers.get('content-type'), await response.json()]).toEqual([200, 'application/json', { hello: 'world' }]);

    reply = () => {
      throw new Error('boom');
    };
    response = await fetch(`${api.url}/things`);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ status: 500, requestId: response.headers.get('apigw-requestid') });
  });

  it('refuses oversized bodies with 413 and answers CORS preflights itself', async () => {
    const token = await signToken({ role: 'storefront' });
    const big = await fetch(`${api.url}/things/1/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: 'x'.repeat(2048),
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toBe('application/problem+json');
    const preflight = await fetch(`${api.url}/things/1/files`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});

describe('stream poller', () => {
  const tableName = `poller-test-${randomUUID()}`;
  const credentials = { accessKeyId: env('AWS_ACCESS_KEY_ID'), secretAccessKey: env('AWS_SECRET_ACCESS_KEY') };
  const put = (id: string, type: string, extra: Record<string, { S: string }> = {}) =>
    dynamodb.send(new PutItemCommand({ TableName: tableName, Item: { PK: { S: id }, SK: { S: 'A' }, type: { S: type }, ...extra } }));
  let behaviour: StreamHandler = async () => undefined;
  const batches: DynamoDBRecord[][] = [];
  let poller: Awaited<ReturnType<typeof startStreamPoller>>;

  beforeAll(async () => {
    await ensureTable(dynamodb, tableName);
    poller = await startStreamPoller({
      endpoint: env('AWS_ENDPOINT_URL_DYNAMODB'),
      region: env('AWS_REGION'),
      credentials,
      tableName,
      retryAttempts: 2,
      retryDelayMs: () => 10,
      log: () => {},
      handler: async (event, context) => {
        batches.push(event.Records);
        return behaviour(event, context);
      },
    });
  });
  afterAll(() => poller.stop());

  it('delivers notifiable records shaped like Lambda events, and filters the rest out', async () => {
    batches.length = 0;
    await put('o1', 'Order');
    await put('s1', 'StockLevel');
    await poller.idle();
    const records = batches.flat();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventVersion: expect.any(String),
      awsRegion: 'us-east-1',
      eventSourceARN: poller.streamArn,
      dynamodb: {
        Keys: { PK: { S: 'o1' }, SK: { S: 'A' } },
        NewImage: { type: { S: 'Order' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
        SequenceNumber: expect.any(String),
        ApproximateCreationDateTime: expect.any(Number),
      },
    });
  });

  it('retries from the first reported failure and dead-letters after the retries', async () => {
    batches.length = 0;
    behaviour = async (event) => ({
      batchItemFailures: event.Records.filter((r) => r.dynamodb?.NewImage?.poison).map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })),
    });
    for (const id of ['a', 'b', 'c']) await put(id, 'Order', id === 'b' ? { poison: { S: 'yes' } } : {});
    await poller.idle();
    const keys = batches.map((batch) => batch.map((r) => r.dynamodb?.Keys?.PK?.S).join(''));
    // a is checkpointed once delivered; b is tried once plus retryAttempts (2) times, then skipped.
    expect(keys.filter((k) => k.includes('a'))).toHaveLength(1);
    expect(keys.filter((k) => k.includes('b'))).toHaveLength(3);
    expect(
      keys
        .filter((k) => k.includes('b'))
        .slice(1)
        .every((k) => k.startsWith('b')),
    ).toBe(true);
    expect(poller.deadLetters.map((l) => l.record.dynamodb?.Keys?.PK?.S)).toEqual(['b']);
    behaviour = async () => undefined;
  });

  it('counts a throwing handler as the whole batch failing', async () => {
    const before = poller.deadLetters.length;
    behaviour = async () => {
      throw new Error('down');
    };
    await put('x', 'Order');
    await put('y', 'Order');
    await poller.idle();
    expect(poller.deadLetters.slice(before).map((l) => [l.record.dynamodb?.Keys?.PK?.S, l.reason])).toEqual([
      ['x', 'handler threw: down'],
      ['y', 'handler threw: down'],
    ]);
    behaviour = async () => undefined;
  });
});

describe('whole system', () => {
  it('emails the customer when an order changes status (API → table → stream → notify → SES)', async () => {
    const owner = customer();
    const order = await createOrder(owner);
    expect((await call(admin, 'POST', `/admin/orders/${order.id}/status`, { status: 'confirmed' })).status).toBe(200);
    await waitForStreamIdle();
    const email = await waitForEmail(env('SES_URL'), (e) => e.destination.to.includes(owner.email));
    expect(email.subject).toBeTruthy();
    expect(await readDeadLetters()).toEqual([]);
  });
});
