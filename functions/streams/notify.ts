// Table stream → emails. Each record may imply several notifications; each goes
// to each of its recipients once (shared/adapters/send-once.ts). A record whose
// send fails is reported in batchItemFailures and retried by the event source;
// after its retries it goes to the SQS dead-letter queue (AWS) or the local
// poller's DEAD-LETTER log line. Records are handled one by one in stream
// order, so a customer reads "requested" before "approved". After a failed
// record the later ones are still handled (not held back): if the failed one
// is finally dead-lettered, the batch's other records must not go with it.
// Their emails are already sent then, and the retry finds them sent.
import { streamConsumer } from '#shared/adapters/consumer';
import { env } from '#shared/adapters/env';
import { logger } from '#shared/adapters/logger';
import { count } from '#shared/adapters/metrics';
import { getOrder } from '#shared/adapters/orders-repo';
import { isSendInProgress, sendOnce } from '#shared/adapters/send-once';
import { type SendEmail, sendEmail } from '#shared/adapters/ses';
import { getSettings } from '#shared/adapters/settings-repo';
import { type Email, renderEmail, type TemplateId } from '#shared/domain/emails/index';
import { notificationsFor } from '#shared/domain/notifications/index';
import type { Notification } from '#shared/domain/notifications/types';
import type { OrderView } from '#shared/domain/notifications/views';
import type { Settings } from '#shared/domain/settings';
import { resolveLocale } from '#shared/i18n/locales';

/** What the consumer talks to; the defaults are the real adapters (tests swap `send`). */
export interface NotifyPorts {
  readonly send: SendEmail;
  readonly loadOrder: (orderId: string) => Promise<OrderView | undefined>;
  readonly loadSettings: () => Promise<Settings>;
}

/** One email to one address: the unit that is sent exactly once. */
interface Outgoing {
  /** The notification's key plus the address: what is sent once. */
  readonly key: string;
  /** The notification's key alone, for logs (no address in logs). */
  readonly notification: string;
  readonly template: TemplateId;
  readonly from: string;
  readonly to: string;
  readonly email: Email;
}

export const createHandler = (overrides: Partial<NotifyPorts> = {}) => {
  const ports: NotifyPorts = { send: sendEmail, loadOrder: getOrder, loadSettings: getSettings, ...overrides };
  const mailer = sendOnce(async (message: Outgoing) => {
    await ports.send(message.from, [message.to], message.email);
    count('EmailsSent');
    logger.info('email sent', { notification: message.notification, template: message.template });
  });

  /** Recipients resolved and the email rendered: at most one order read per notification. */
  const prepare = async (notification: Notification, settings: Settings): Promise<Outgoing[]> => {
    const { to } = notification;
    const orderId = notification.withOrder ?? (to.kind === 'customerOfOrder' ? to.orderId : undefined);
    const order = orderId === undefined ? undefined : await ports.loadOrder(orderId);
    if (orderId !== undefined && !order) {
      logger.warn('order not found; email skipped', { key: notification.key, orderId });
      return [];
    }
    if (to.kind === 'unknownCustomer') {
      // A manual or gift-card credit to an account never credited from an order: no address is known (README "Store credit").
      logger.info('no address recorded for the customer; email skipped', { key: notification.key, customerId: to.customerId });
      return [];
    }
    const addresses = to.kind === 'email' ? [to.email] : to.kind === 'admins' ? settings.notifications.adminEmails : order ? [order.customer.email] : [];
    if (addresses.length === 0) return [];
    const data = order ? { ...notification.data, order } : notification.data;
    // Admins read the shop's default language; a customer their own, when the shop speaks it.
    const locale = to.kind === 'admins' ? settings.locales.default : resolveLocale(notification.locale ?? order?.customer.locale, settings.locales);
    const email = renderEmail(notification.template, data as never, { shopName: settings.shop.name, storefrontUrl: env.storefrontUrl, locale });
    // One message per address, each with its own once-only key: a failure after
    // the first admin's email retries only the ones not yet sent.
    const unique = new Map(addresses.map((address) => [address.toLowerCase(), address]));
    return [...unique].map(([id, address]) => ({
      key: `${notification.key}#${id}`,
      notification: notification.key,
      template: notification.template,
      from: settings.notifications.fromAddress,
      to: address,
      email,
    }));
  };

  return streamConsumer((context) => {
    mailer.registerContext(context);
    // Settings are read once per invocation, on the first notification that needs them.
    let settings: Promise<Settings> | undefined;
    return async (change) => {
      for (const notification of notificationsFor(change)) {
        settings ??= ports.loadSettings();
        for (const message of await prepare(notification, await settings)) {
          try {
            await mailer.send(message);
          } catch (error) {
            if (isSendInProgress(error))
              logger.warn('email being sent by another invocation; the record will be retried', { notification: message.notification });
            else logger.error('email not sent', { notification: message.notification, error });
            throw error;
          }
        }
      }
    };
  });
};

export const handler = createHandler();
