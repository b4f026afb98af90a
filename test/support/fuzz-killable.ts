// A Lambda that can be killed mid-transaction: runs one request through a
// shipped HTTP handler in this (child) process and prints `SENDING` on stdout
// the moment its TransactWriteItems request leaves for DynamoDB, so the parent
// (test/integration/faults-timeout.test.ts) can SIGKILL it at that point, as a
// Lambda timeout or crash would. Prints `DONE <status>` if it lives that long.
// Usage: node --import tsx test/support/fuzz-killable.ts '<FuzzRequest JSON>'
import { db } from '#shared/adapters/dynamo';
import { type FuzzRequest, invoke } from './fuzz-invoke.ts';

db.middlewareStack.add(
  (next, context) => async (args) => {
    // Sent synchronously, right before the request is written to the socket.
    if (context.commandName === 'TransactWriteItemsCommand') process.stdout.write('SENDING\n');
    return next(args);
  },
  // After retries and signing: what follows is the HTTP send itself.
  { step: 'finalizeRequest', name: 'announceTransaction', priority: 'low' },
);

const request = JSON.parse(process.argv[2] ?? '{}') as FuzzRequest;
const reply = await invoke(request);
process.stdout.write(`DONE ${reply.status}\n`);
