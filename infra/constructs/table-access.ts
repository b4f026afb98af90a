// Exactly the DynamoDB data-plane calls the functions make (a transaction is
// authorized item by item as Put/Update/ConditionCheck). No Scan: every list is
// a Query, and IAM holds the code to it.

export const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:Query'];

/** DeleteItem: Powertools idempotency deletes a marker when a send fails, so the retry may send. */
export const TABLE_WRITE = [...TABLE_READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem'];
