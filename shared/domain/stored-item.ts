// The table's own attributes on an item (keys, index keys, type, TTL, and the
// card-refund flag older refunds still carry, an order's refund counters and its
// open-cancellation hold mark, a return's comment copies and their count, its
// verdict and its lines' positions in the order),
// which no answer, email or event ever shows.

/** The item less the table's own attributes: the resource as the API answers it. */
export const stripKeys = <T>(item: Readonly<Record<string, unknown>>): T => {
  const {
    PK,
    SK,
    GSI1PK,
    GSI1SK,
    GSI2PK,
    GSI2SK,
    GSI3PK,
    GSI3SK,
    GSI4PK,
    GSI4SK,
    type,
    expiresAt,
    awaitsProvider,
    refundCounters,
    openCancellationId,
    commentCopies,
    commentBytes,
    verdict,
    linePositions,
    ...rest
  } = item;
  return rest as T;
};
