// Every shop setting on one form (seed 002's Returns Settings, seed 000's
// options), saved with If-Match so two admins never overwrite each other.
import { useState } from 'preact/hooks';
import { isFinalOrderStatus, ORDER_STATUSES, type OrderStatus } from '#shared/domain/order-transitions';
import type { Settings } from '#shared/domain/settings';
import { api } from '../../api/client.ts';
import { Check, CheckGroup } from '../../ui/checks.tsx';
import { ErrorSummary, Field, fieldId, inputValue, invalidFor, useSubmission } from '../../ui/form.tsx';
import { words } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import { onListFields } from '../form-kit.ts';
import { listText, textList } from './lists.ts';

export function SettingsScreen() {
  const [state, reload] = useLoad((signal) => api('settings.get', { signal }), []);
  return (
    <>
      <h1>Settings</h1>
      <Loaded state={state} onRetry={reload}>
        {(settings) => (
          <SettingsForm
            key={settings.version}
            settings={settings}
            onSaved={() => {
              announce('Settings saved.');
              reload();
            }}
          />
        )}
      </Loaded>
    </>
  );
}

/** Delivered and cancelled orders are never cancellable (API.md): not offered. */
const CANCELLABLE = ORDER_STATUSES.filter((s) => !isFinalOrderStatus(s));

const METHODS = ['card', 'bankTransfer', 'voucher'] as const;
const methodLabel = (m: (typeof METHODS)[number]) => words(m === 'bankTransfer' ? 'bank_transfer' : m);

const LABELS: Record<string, string> = {
  'returns.refundMethods': 'Refund methods customers may choose',
  ...Object.fromEntries(METHODS.map((m) => [`returns.refundMethods.${m}`, methodLabel(m)])),
  'cancellation.customerCancellableStatuses': 'Customers may cancel orders that are',
  'returns.maxDays': 'Days to request a return',
  'returns.termsUrl': 'Terms and conditions URL',
  'returns.excludedCategories': 'Categories that cannot be returned',
  'refunds.attachments.maxBytes': 'Largest file (bytes)',
  'refunds.attachments.contentTypes': 'Allowed file types',
  'notifications.adminEmails': 'Admin email addresses',
  'notifications.fromAddress': 'Send emails from',
  'shop.name': 'Shop name',
  'shop.address': 'Shop address',
};

function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const [s, setS] = useState(settings);
  const [lists, setLists] = useState({
    excluded: listText(settings.returns.excludedCategories),
    types: listText(settings.refunds.attachments.contentTypes),
    emails: listText(settings.notifications.adminEmails),
  });
  const [maxDays, setMaxDays] = useState(String(settings.returns.maxDays));
  const [maxBytes, setMaxBytes] = useState(String(settings.refunds.attachments.maxBytes));
  const sub = useSubmission(
    () =>
      api('settings.update', {
        body: {
          returns: { ...s.returns, maxDays: Number(maxDays), excludedCategories: textList(lists.excluded) },
          refunds: { ...s.refunds, attachments: { ...s.refunds.attachments, maxBytes: Number(maxBytes), contentTypes: textList(lists.types) } },
          cancellation: s.cancellation,
          notifications: { ...s.notifications, adminEmails: textList(lists.emails) },
          shop: s.shop,
        },
        ifMatch: settings.version,
      }).catch(onListFields),
    onSaved,
    () => [
      ...(/^\d+$/.test(maxDays.trim()) ? [] : [{ path: 'returns.maxDays', message: 'must be a whole number of days' }]),
      ...(/^\d+$/.test(maxBytes.trim()) ? [] : [{ path: 'refunds.attachments.maxBytes', message: 'must be a whole number of bytes' }]),
    ],
  );
  // Preact types each input type apart; the cast names the union one control takes.
  const text = (path: string, value: string, onValue: (v: string) => void, type: 'text' | 'number' | 'url' | 'email' = 'text', hint?: string) => (
    <Field path={path} label={LABELS[path]} hint={hint} error={sub.errorFor(path)}>
      {(c) => <input {...c} type={type as 'text'} value={value} onInput={(e) => onValue(inputValue(e))} />}
    </Field>
  );
  // A group's message gathers the server's for the group and for each of its boxes (`returns.refundMethods.card`).
  const groupError = (path: string) => {
    const messages = (sub.error?.fieldErrors ?? [])
      .filter((f) => f.path === path || f.path.startsWith(`${path}.`))
      .map((f) => (f.path === path ? f.message : `${LABELS[f.path] ?? f.path}: ${f.message}`));
    return messages.length > 0 ? messages.join('; ') : undefined;
  };
  const methodsError = groupError('returns.refundMethods');
  const statusesError = groupError('cancellation.customerCancellableStatuses');
  const statuses = s.cancellation.customerCancellableStatuses;
  const toggleStatus = (status: OrderStatus, on: boolean) =>
    setS({ ...s, cancellation: { customerCancellableStatuses: ORDER_STATUSES.filter((x) => (x === status ? on : statuses.includes(x))) } });
  return (
    <form onSubmit={sub.onSubmit} aria-label="Settings" noValidate>
      <ErrorSummary error={sub.error} labels={LABELS} />
      <fieldset>
        <legend>Returns</legend>
        {text('returns.maxDays', maxDays, setMaxDays, 'number', 'Counted from delivery; a reason may set its own')}
        {text(
          'returns.termsUrl',
          s.returns.termsUrl ?? '',
          (v) => setS({ ...s, returns: { ...s.returns, termsUrl: v.trim() || null } }),
          'url',
          'Empty: no terms to accept',
        )}
        {text('returns.excludedCategories', lists.excluded, (v) => setLists({ ...lists, excluded: v }), 'text', 'Category ids, separated by commas')}
        <CheckGroup path="returns.refundMethods" legend={LABELS['returns.refundMethods'] as string} error={methodsError}>
          {METHODS.map((m) => (
            <Check
              key={m}
              id={fieldId(`returns.refundMethods.${m}`)}
              invalid={invalidFor('returns.refundMethods', methodsError)}
              label={methodLabel(m)}
              checked={s.returns.refundMethods[m]}
              onChange={(on) => setS({ ...s, returns: { ...s.returns, refundMethods: { ...s.returns.refundMethods, [m]: on } } })}
            />
          ))}
        </CheckGroup>
      </fieldset>
      <fieldset>
        <legend>Refunds</legend>
        <Check label="Put refunded units back in stock" checked={s.refunds.restock} onChange={(on) => setS({ ...s, refunds: { ...s.refunds, restock: on } })} />
        <Check
          label="Keep the shipping amount back on the first refund"
          checked={s.refunds.deductShipping}
          onChange={(on) => setS({ ...s, refunds: { ...s.refunds, deductShipping: on } })}
        />
        <Check
          label="Customers may attach photos and files"
          checked={s.refunds.attachments.enabled}
          onChange={(on) => setS({ ...s, refunds: { ...s.refunds, attachments: { ...s.refunds.attachments, enabled: on } } })}
        />
        {text('refunds.attachments.maxBytes', maxBytes, setMaxBytes, 'number', '10485760 is 10 MB')}
        {text('refunds.attachments.contentTypes', lists.types, (v) => setLists({ ...lists, types: v }), 'text', 'MIME types, separated by commas')}
      </fieldset>
      <CheckGroup path="cancellation.customerCancellableStatuses" legend={LABELS['cancellation.customerCancellableStatuses'] as string} error={statusesError}>
        {CANCELLABLE.map((status) => (
          <Check
            key={status}
            invalid={invalidFor('cancellation.customerCancellableStatuses', statusesError)}
            label={words(status)}
            checked={statuses.includes(status)}
            onChange={(on) => toggleStatus(status, on)}
          />
        ))}
      </CheckGroup>
      <fieldset>
        <legend>Emails</legend>
        {text('notifications.adminEmails', lists.emails, (v) => setLists({ ...lists, emails: v }), 'text', 'Separated by commas')}
        {text('notifications.fromAddress', s.notifications.fromAddress, (v) => setS({ ...s, notifications: { ...s.notifications, fromAddress: v } }), 'email')}
      </fieldset>
      <fieldset>
        <legend>Shop (printed on invoices)</legend>
        {text('shop.name', s.shop.name, (v) => setS({ ...s, shop: { ...s.shop, name: v } }))}
        {text('shop.address', s.shop.address, (v) => setS({ ...s, shop: { ...s.shop, address: v } }))}
      </fieldset>
      <button type="submit" aria-busy={sub.submitting ? 'true' : undefined}>
        Save settings
      </button>
    </form>
  );
}
