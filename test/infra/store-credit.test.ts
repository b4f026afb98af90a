// The store-credit job in the template: a daily EventBridge Scheduler schedule
// invoking the expiry function, with a dead-letter queue and retries, alarms on
// both; the gift card code key granted to the credit function only.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { logicalId, synth } from './stack-synth.ts';

describe('store credit in AWS', () => {
  const { stack, template, resources } = synth();

  it('runs the expiry job daily through EventBridge Scheduler, with a dead-letter queue and retries', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: Match.stringLikeRegexp('^cron\\('),
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalId(stack, stack.storeCredit.expiry.fn), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack, stack.storeCredit.deadLetters), 'Arn'] } },
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 3 }),
      }),
    });
    const alarms = stack.observability.alarms.map((a) => a.node.id);
    expect(alarms).toEqual(expect.arrayContaining(['credit-expiry-errors', 'credit-expiry-dead-letters']));
  });

  it('hands the credit function the code key by ARN, never its value', () => {
    const credit = resources[logicalId(stack, stack.functions.credit.fn)] as unknown as { Properties: { Environment: { Variables: Record<string, unknown> } } };
    expect(credit.Properties.Environment.Variables.GIFT_CARD_KEY_SECRET_ARN).toEqual({ Ref: logicalId(stack, stack.storeCredit.codeKey) });
    expect(JSON.stringify(credit.Properties.Environment)).not.toContain('GIFT_CARD_SECRET_KEY');
  });
});
