// `npm run backfill:holds`: runs shared/use-cases/backfill-order-holds.ts once
// against the table named by TABLE_NAME, with the caller's AWS credentials
// (or AWS_ENDPOINT_URL_DYNAMODB for a local table).
import { backfillOrderHolds } from '#shared/use-cases/backfill-order-holds';

const { seen, held } = await backfillOrderHolds();
console.log(`${seen} open cancellation request(s); ${held} order(s) held`);
