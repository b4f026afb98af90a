// Cognito pre-token-generation trigger: an admin's token carries the admin
// group only when the admin has TOTP enrolled (shared/domain/admin-mfa.ts says
// why that is the same as "signed in with TOTP").
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { getMfaMethods } from '#shared/adapters/cognito';
import { logger } from '#shared/adapters/logger';
import { ADMIN_GROUP, groupsForToken } from '#shared/domain/admin-mfa';

export const handler = async (event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> => {
  const groups = event.request.groupConfiguration.groupsToOverride ?? [];
  if (!groups.includes(ADMIN_GROUP)) return event;
  const allowed = groupsForToken(groups, await getMfaMethods(event.userPoolId, event.userName));
  if (allowed.length !== groups.length) {
    logger.warn('admin without TOTP: signed in without the admin group', { userName: event.userName });
    event.response.claimsOverrideDetails = { groupOverrideDetails: { groupsToOverride: [...allowed] } };
  }
  return event;
};
