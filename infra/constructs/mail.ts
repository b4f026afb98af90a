// SES: the identity the shop sends from (a domain with Easy DKIM and its own
// MAIL FROM subdomain, or one address in development), and a configuration
// set every send goes through: bounces and complaints put the address on the
// account's suppression list (no further sends to it) and are counted in
// CloudWatch for the dashboard and alarms. The DKIM and MAIL FROM records to
// publish are stack outputs.
import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailProps {
  readonly fromAddress: string;
  readonly sesDomain: string | undefined;
}

/** The dimension SES writes bounce and complaint counts under (the configuration set's name). */
export const SES_DIMENSION = 'ses:configuration-set';

export class Mail extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  /** `mail.<sesDomain>`: bounces return there, so SPF aligns with the shop's domain. */
  readonly mailFromDomain: string | undefined;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.cloudWatchDimensions([
        { name: SES_DIMENSION, source: ses.CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: 'aftersales' },
      ]),
      events: [ses.EmailSendingEvent.DELIVERY, ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    this.mailFromDomain = props.sesDomain ? `mail.${props.sesDomain}` : undefined;
    // A domain identity lets any address of the domain send (including an
    // admin-set `notifications.fromAddress`); an address identity only itself.
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: props.sesDomain ? ses.Identity.domain(props.sesDomain) : ses.Identity.email(props.fromAddress),
      // The identity's default configuration set: every send from it is tracked and suppressed as above.
      configurationSet: this.configurationSet,
      ...(this.mailFromDomain ? { mailFromDomain: this.mailFromDomain, mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE } : {}),
    });

    if (props.sesDomain) {
      const records = [
        [this.identity.dkimDnsTokenName1, this.identity.dkimDnsTokenValue1],
        [this.identity.dkimDnsTokenName2, this.identity.dkimDnsTokenValue2],
        [this.identity.dkimDnsTokenName3, this.identity.dkimDnsTokenValue3],
      ] as const;
      records.forEach(([name, value], i) => {
        new CfnOutput(this, `DkimRecord${i + 1}`, { description: 'DKIM: publish as a CNAME', value: `${name} CNAME ${value}` });
      });
      const region = Stack.of(this).region;
      new CfnOutput(this, 'MailFromMx', {
        description: 'MAIL FROM: publish as an MX record',
        value: `${this.mailFromDomain} MX 10 feedback-smtp.${region}.amazonses.com`,
      });
      new CfnOutput(this, 'MailFromSpf', {
        description: 'MAIL FROM: publish as a TXT record',
        value: `${this.mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
      });
    }
  }

  /** What `ses:SendEmail` must be allowed on: the identity and the configuration set it sends through. */
  sendResources(): string[] {
    const stack = Stack.of(this);
    return [
      this.identity.emailIdentityArn,
      stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
    ];
  }
}
