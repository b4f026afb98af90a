// GET /returns/{returnId}: one of my return requests with the comments I may read.
import { getReturnWithComments } from '#shared/adapters/returns-repo';
import { type Caller, visibleTo } from '#shared/domain/caller';
import { withComments } from '#shared/domain/return-lifecycle';
import type { ReturnRequest } from '#shared/domain/return-request';

export const viewReturn = async (returnId: string, caller: Caller): Promise<ReturnRequest> => {
  const { request, comments } = visibleTo(caller, await getReturnWithComments(returnId), (found) => found.request.customerId, 'The return request');
  return withComments(request, comments, caller.role);
};
