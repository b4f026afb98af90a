// `npm run backfill:comments`: runs shared/use-cases/backfill-return-comments.ts
// once against the table named by TABLE_NAME, with the caller's AWS credentials
// (or AWS_ENDPOINT_URL_DYNAMODB for a local table).
import { backfillReturnComments } from '#shared/use-cases/backfill-return-comments';

const { seen, counted, copied } = await backfillReturnComments();
console.log(`${seen} return request(s); ${counted} counted, ${copied} of them now carrying a copy of their comments`);
