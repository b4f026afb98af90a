// Stand-ins for the two messaging services the events slice uses, on one local
// HTTP port that the real AWS SDK clients reach through AWS_ENDPOINT_URL_SQS
// and AWS_ENDPOINT_URL_EVENTBRIDGE (no npm SQS emulator speaks SDK v3's JSON
// protocol):
//   - SQS: SendMessage(Batch) (with DelaySeconds) and ChangeMessageVisibility
//     on one queue, consumed like Lambda's SQS event source mapping: batches
//     of visible messages go to the real handler, those it reports in
//     batchItemFailures (or all, if it throws) come back when their visibility
//     ends, the others are deleted; past maxReceiveCount a message is
//     dead-lettered (logged, kept for GET /queue/dead-letters).
//   - EventBridge: PutEvents keeps every entry, readable at GET /events.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaContext } from '#infra/local/lambda-context';

export type QueueHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

export interface MessagingOptions {
  readonly queueName: string;
  /** The consuming function's name, as its Lambda context reports it. */
  readonly functionName: string;
  /** Loaded on first message (after the stack has set the environment). */
  readonly handler: () => Promise<QueueHandler>;
  readonly batchSize?: number;
  readonly visibilityTimeoutSeconds?: number;
  readonly maxReceiveCount?: number;
  readonly log?: (line: string) => void;
}

interface Message {
  readonly id: string;
  readonly body: string;
  visibleAt: number;
  receiveCount: number;
  receiptHandle: string | undefined;
}

export interface BusEntry {
  readonly source: string;
  readonly detailType: string;
  readonly eventBusName: string;
  readonly detail: unknown;
  readonly time: string;
}

export interface MessagingLocal {
  readonly url: string;
  readonly queueUrl: string;
  readonly busEntries: readonly BusEntry[];
  stop(): Promise<void>;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

export async function startMessagingLocal(options: MessagingOptions): Promise<MessagingLocal> {
  const log = options.log ?? ((line: string) => console.error(line));
  const messages: Message[] = [];
  const deadLetters: { body: string; receiveCount: number }[] = [];
  const busEntries: BusEntry[] = [];
  let handler: QueueHandler | undefined;

  const enqueue = (body: string, delaySeconds = 0) => {
    const message: Message = { id: randomUUID(), body, visibleAt: Date.now() + delaySeconds * 1000, receiveCount: 0, receiptHandle: undefined };
    messages.push(message);
    return message;
  };

  type Entry = { Id?: string; MessageBody: string; DelaySeconds?: number };
  const operations: Record<string, (input: Record<string, unknown>) => unknown> = {
    'AmazonSQS.SendMessage': (input) => {
      const m = enqueue(String(input.MessageBody), Number(input.DelaySeconds ?? 0));
      return { MessageId: m.id, MD5OfMessageBody: md5(m.body) };
    },
    'AmazonSQS.SendMessageBatch': (input) => ({
      Successful: (input.Entries as Entry[]).map((e) => {
        const m = enqueue(e.MessageBody, Number(e.DelaySeconds ?? 0));
        return { Id: e.Id, MessageId: m.id, MD5OfMessageBody: md5(m.body) };
      }),
      Failed: [],
    }),
    'AmazonSQS.ChangeMessageVisibility': (input) => {
      const message = messages.find((m) => m.receiptHandle === input.ReceiptHandle);
      if (message) message.visibleAt = Date.now() + Number(input.VisibilityTimeout) * 1000;
      return {};
    },
    'AWSEvents.PutEvents': (input) => {
      const entries = input.Entries as { Source: string; DetailType: string; EventBusName: string; Detail: string }[];
      for (const e of entries)
        busEntries.push({
          source: e.Source,
          detailType: e.DetailType,
          eventBusName: e.EventBusName,
          detail: JSON.parse(e.Detail),
          time: new Date().toISOString(),
        });
      return { FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: randomUUID() })) };
    },
  };

  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown, type = 'application/x-amz-json-1.0') => {
      res.writeHead(status, { 'content-type': type });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/events') return reply(200, busEntries, 'application/json');
    if (req.method === 'GET' && req.url === '/queue/dead-letters') return reply(200, deadLetters, 'application/json');
    const operation = operations[String(req.headers['x-amz-target'])];
    if (!operation) return reply(400, { __type: 'UnknownOperationException', message: `unsupported: ${String(req.headers['x-amz-target'])}` });
    readBody(req).then(
      (text) => reply(200, operation(JSON.parse(text || '{}') as Record<string, unknown>)),
      (error: unknown) => reply(500, { __type: 'InternalFailure', message: String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const queueArn = `arn:aws:sqs:us-east-1:000000000000:${options.queueName}`;
  const visibilityMs = (options.visibilityTimeoutSeconds ?? 60) * 1000;
  const maxReceiveCount = options.maxReceiveCount ?? 100;

  const recordOf = (m: Message): SQSRecord => ({
    messageId: m.id,
    receiptHandle: m.receiptHandle ?? '',
    body: m.body,
    attributes: {
      ApproximateReceiveCount: String(m.receiveCount),
      SentTimestamp: String(Date.now()),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: md5(m.body),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: 'us-east-1',
  });

  const invoke = async (batch: Message[]) => {
    handler ??= await options.handler();
    let failed: Set<string>;
    try {
      const response = await handler({ Records: batch.map(recordOf) }, lambdaContext(options.functionName, visibilityMs));
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      log(`queue ${options.queueName}: handler threw: ${error instanceof Error ? error.message : String(error)}`);
      failed = new Set(batch.map((m) => m.id));
    }
    for (const m of batch) {
      if (failed.has(m.id)) continue;
      messages.splice(messages.indexOf(m), 1);
    }
  };

  let running = true;
  const inFlight = new Set<Promise<void>>();
  const loop = (async () => {
    while (running) {
      const now = Date.now();
      for (const m of messages.filter((x) => x.visibleAt <= now && x.receiveCount >= maxReceiveCount)) {
        messages.splice(messages.indexOf(m), 1);
        deadLetters.push({ body: m.body, receiveCount: m.receiveCount });
        log(`DEAD-LETTER queue ${options.queueName}: ${m.body} after ${m.receiveCount} receives`);
      }
      const visible = messages.filter((m) => m.visibleAt <= now).slice(0, options.batchSize ?? 10);
      for (const m of visible) {
        m.visibleAt = now + visibilityMs;
        m.receiveCount++;
        m.receiptHandle = randomUUID();
      }
      // Batches run concurrently, as Lambda scales out over a queue.
      if (visible.length > 0) {
        const run = invoke(visible).finally(() => inFlight.delete(run));
        inFlight.add(run);
      }
      await new Promise((resolve) => setTimeout(resolve, visible.length > 0 ? 0 : 50));
    }
  })();

  return {
    url,
    queueUrl: `${url}/000000000000/${options.queueName}`,
    busEntries,
    stop: async () => {
      running = false;
      await loop;
      await Promise.allSettled([...inFlight]);
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
