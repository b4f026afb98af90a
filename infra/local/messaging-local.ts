// Stand-ins for the two messaging services the events slice uses, on one local
// HTTP port that the real AWS SDK clients reach through AWS_ENDPOINT_URL_SQS
// and AWS_ENDPOINT_URL_EVENTBRIDGE (no npm SQS emulator speaks SDK v3's JSON
// protocol):
//   - SQS: SendMessage(Batch) (with DelaySeconds) and ChangeMessageVisibility
//     on each queue, consumed like Lambda's SQS event source mapping: batches
//     of visible messages go to the real handler, those it reports in
//     batchItemFailures (or all, if it throws) come back when their visibility
//     ends, the others are deleted; past maxReceiveCount a message is
//     dead-lettered (logged, kept for GET /queue/dead-letters).
//   - EventBridge: PutEvents keeps every entry, readable at GET /events, and
//     puts it, as the whole EventBridge event, on each queue whose rule
//     (infra/queues.ts) matches its source and detail-type, as a rule with an
//     SQS target does.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaContext } from '#infra/local/lambda-context';
import { type BusRule, QUEUE_CONSUMERS } from '#infra/queues';

export type QueueHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

export interface QueueOptions {
  readonly queueName: string;
  /** The consuming function's name, as its Lambda context reports it. */
  readonly functionName: string;
  /** Loaded on first message (after the stack has set the environment). */
  readonly handler: () => Promise<QueueHandler>;
  readonly batchSize?: number;
  readonly visibilityTimeoutSeconds?: number;
  readonly maxReceiveCount?: number;
  /** Bus entries this queue receives. */
  readonly rule?: BusRule | undefined;
}

export interface MessagingOptions {
  readonly queues: readonly QueueOptions[];
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
  /** Each queue's URL by its name. */
  readonly queueUrls: Readonly<Record<string, string>>;
  readonly busEntries: readonly BusEntry[];
  /** Resolves once no queue holds a message that is visible or being handled (delayed retries aside). */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** Every SQS consumer of infra/queues.ts as the local stand-in runs it: queue `aftersales-<name>`, the shipped handler, its rule. */
export const localQueues = (): QueueOptions[] =>
  QUEUE_CONSUMERS.map((q) => ({
    queueName: `aftersales-${q.name}`,
    functionName: `aftersales-${q.name}`,
    handler: async () => ((await import(`#functions/queues/${q.name}`)) as { handler: QueueHandler }).handler,
    batchSize: q.batchSize,
    maxReceiveCount: q.maxReceiveCount,
    rule: q.rule,
  }));

const matches = (rule: BusRule | undefined, entry: { Source: string; DetailType: string }): boolean =>
  (rule?.source.includes(entry.Source) ?? false) && (rule?.['detail-type'].includes(entry.DetailType) ?? false);

interface LocalQueue {
  readonly options: QueueOptions;
  readonly messages: Message[];
  readonly inFlight: Set<Promise<void>>;
  handler: QueueHandler | undefined;
}

export async function startMessagingLocal(options: MessagingOptions): Promise<MessagingLocal> {
  const log = options.log ?? ((line: string) => console.error(line));
  const queues = new Map<string, LocalQueue>(options.queues.map((q) => [q.queueName, { options: q, messages: [], inFlight: new Set(), handler: undefined }]));
  const deadLetters: { queue: string; body: string; receiveCount: number }[] = [];
  const busEntries: BusEntry[] = [];

  /** The queue a request names by its QueueUrl (…/<account>/<name>). */
  const queueOf = (input: Record<string, unknown>): LocalQueue => {
    const name =
      String(input.QueueUrl ?? '')
        .split('/')
        .at(-1) ?? '';
    const queue = queues.get(name);
    if (!queue) throw new Error(`no such queue: ${String(input.QueueUrl)}`);
    return queue;
  };

  const enqueue = (queue: LocalQueue, body: string, delaySeconds = 0) => {
    const message: Message = { id: randomUUID(), body, visibleAt: Date.now() + delaySeconds * 1000, receiveCount: 0, receiptHandle: undefined };
    queue.messages.push(message);
    return message;
  };

  type Entry = { Id?: string; MessageBody: string; DelaySeconds?: number };
  const operations: Record<string, (input: Record<string, unknown>) => unknown> = {
    'AmazonSQS.SendMessage': (input) => {
      const m = enqueue(queueOf(input), String(input.MessageBody), Number(input.DelaySeconds ?? 0));
      return { MessageId: m.id, MD5OfMessageBody: md5(m.body) };
    },
    'AmazonSQS.SendMessageBatch': (input) => {
      const queue = queueOf(input);
      return {
        Successful: (input.Entries as Entry[]).map((e) => {
          const m = enqueue(queue, e.MessageBody, Number(e.DelaySeconds ?? 0));
          return { Id: e.Id, MessageId: m.id, MD5OfMessageBody: md5(m.body) };
        }),
        Failed: [],
      };
    },
    'AmazonSQS.ChangeMessageVisibility': (input) => {
      const message = queueOf(input).messages.find((m) => m.receiptHandle === input.ReceiptHandle);
      if (message) message.visibleAt = Date.now() + Number(input.VisibilityTimeout) * 1000;
      return {};
    },
    'AWSEvents.PutEvents': (input) => {
      const entries = input.Entries as { Source: string; DetailType: string; EventBusName: string; Detail: string }[];
      const ids = entries.map((e) => {
        const id = randomUUID();
        const time = new Date().toISOString();
        busEntries.push({ source: e.Source, detailType: e.DetailType, eventBusName: e.EventBusName, detail: JSON.parse(e.Detail), time });
        // What a rule's SQS target receives: the whole EventBridge event.
        const event = {
          version: '0',
          id,
          'detail-type': e.DetailType,
          source: e.Source,
          account: '000000000000',
          time,
          region: 'us-east-1',
          resources: [],
          detail: JSON.parse(e.Detail),
        };
        for (const queue of queues.values()) if (matches(queue.options.rule, e)) enqueue(queue, JSON.stringify(event));
        return { EventId: id };
      });
      return { FailedEntryCount: 0, Entries: ids };
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
      (text) => {
        try {
          reply(200, operation(JSON.parse(text || '{}') as Record<string, unknown>));
        } catch (error) {
          reply(400, { __type: 'AWS.SimpleQueueService.NonExistentQueue', message: String(error) });
        }
      },
      (error: unknown) => reply(500, { __type: 'InternalFailure', message: String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const recordOf = (queue: LocalQueue, m: Message): SQSRecord => ({
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
    eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${queue.options.queueName}`,
    awsRegion: 'us-east-1',
  });

  const visibilityMs = (queue: LocalQueue) => (queue.options.visibilityTimeoutSeconds ?? 60) * 1000;

  const invoke = async (queue: LocalQueue, batch: Message[]) => {
    queue.handler ??= await queue.options.handler();
    let failed: Set<string>;
    try {
      const response = await queue.handler({ Records: batch.map((m) => recordOf(queue, m)) }, lambdaContext(queue.options.functionName, visibilityMs(queue)));
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      log(`queue ${queue.options.queueName}: handler threw: ${error instanceof Error ? error.message : String(error)}`);
      failed = new Set(batch.map((m) => m.id));
    }
    for (const m of batch) {
      if (failed.has(m.id)) continue;
      queue.messages.splice(queue.messages.indexOf(m), 1);
    }
  };

  const poll = (queue: LocalQueue, now: number): boolean => {
    const { messages } = queue;
    for (const m of messages.filter((x) => x.visibleAt <= now && x.receiveCount >= (queue.options.maxReceiveCount ?? 100))) {
      messages.splice(messages.indexOf(m), 1);
      deadLetters.push({ queue: queue.options.queueName, body: m.body, receiveCount: m.receiveCount });
      log(`DEAD-LETTER queue ${queue.options.queueName}: ${m.body} after ${m.receiveCount} receives`);
    }
    const visible = messages.filter((m) => m.visibleAt <= now).slice(0, queue.options.batchSize ?? 10);
    for (const m of visible) {
      m.visibleAt = now + visibilityMs(queue);
      m.receiveCount++;
      m.receiptHandle = randomUUID();
    }
    // Batches run concurrently, as Lambda scales out over a queue.
    if (visible.length > 0) {
      const run = invoke(queue, visible).finally(() => queue.inFlight.delete(run));
      queue.inFlight.add(run);
    }
    return visible.length > 0;
  };

  let running = true;
  const loop = (async () => {
    while (running) {
      const now = Date.now();
      let busy = false;
      for (const queue of queues.values()) busy = poll(queue, now) || busy;
      await new Promise((resolve) => setTimeout(resolve, busy ? 0 : 50));
    }
  })();

  const isDrained = () =>
    [...queues.values()].every((q) => q.inFlight.size === 0 && !q.messages.some((m) => m.visibleAt <= Date.now() && m.receiveCount === 0));

  return {
    url,
    queueUrls: Object.fromEntries([...queues.keys()].map((name) => [name, `${url}/000000000000/${name}`])),
    busEntries,
    drained: async () => {
      while (!isDrained()) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    stop: async () => {
      running = false;
      await loop;
      await Promise.allSettled([...queues.values()].flatMap((q) => [...q.inFlight]));
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
