// A new attempt for what a refund still owes after a failure (POST
// /admin/refunds/{refundId}/transactions): the same gateway, or another one;
// a bank transfer names where it goes (an IBAN, or an account).
import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { RefundGateway } from '#shared/domain/refund';
import { api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { ErrorSummary, Field, FieldMessage, fieldId, inputValue, invalidFor, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
import { announce } from '../../ui/status-message.tsx';
import { underPrefix } from '../form-kit.ts';
import { GatewayOptions } from './gateway-options.tsx';

const ACCOUNT_FIELDS = [
  ['accountName', 'Account holder'],
  ['accountNumber', 'Account number'],
  ['bankName', 'Bank'],
  ['bankBranch', 'Branch'],
] as const;
type AccountField = (typeof ACCOUNT_FIELDS)[number][0];

export function RetryRefund({ refundId, owed, currency, onChange }: { refundId: string; owed: number; currency: string; onChange: () => void }) {
  const prefix = `retry-${refundId}`;
  const [gateway, setGateway] = useState<RefundGateway | ''>('');
  const [iban, setIban] = useState('');
  const [account, setAccount] = useState<Record<AccountField, string>>({ accountName: '', accountNumber: '', bankName: '', bankBranch: '' });
  const intent = useIntentKey();
  const transfer = gateway === 'bank_transfer';
  const hasAccount = Object.values(account).some((v) => v.trim() !== '');
  const sub = useSubmission(
    () => {
      const body = {
        ...(gateway ? { gateway } : {}),
        ...(transfer && iban.trim() ? { iban: iban.trim() } : {}),
        // The branch is the one optional part (RefundAccount): left empty, it is sent as none rather than as a blank the schema refuses.
        ...(transfer && hasAccount ? { refundAccount: { ...account, bankBranch: account.bankBranch.trim() || null } } : {}),
      };
      return api('refunds.retryTransaction', { params: { refundId }, body, idempotencyKey: intent.keyFor(body) }).catch(underPrefix(prefix));
    },
    () => {
      announce(`New attempt opened for the ${money(owed, currency)} still owed.`);
      onChange();
    },
  );
  const setField = (name: AccountField) => (e: TargetedEvent<HTMLInputElement>) => setAccount({ ...account, [name]: inputValue(e) });
  const labels: Record<string, string> = { [`${prefix}.gateway`]: 'Pay by', [`${prefix}.iban`]: 'IBAN', [`${prefix}.refundAccount`]: 'Account' };
  for (const [name, label] of ACCOUNT_FIELDS) labels[`${prefix}.refundAccount.${name}`] = label;
  const amount = money(owed, currency);
  const accountError = sub.errorFor(`${prefix}.refundAccount`);
  return (
    <form onSubmit={sub.onSubmit} aria-label={`Retry the ${amount} still owed`} noValidate>
      <ErrorSummary error={sub.error} labels={labels} />
      <Field path={`${prefix}.gateway`} label="Pay by" error={sub.errorFor(`${prefix}.gateway`)}>
        {(c) => (
          <select {...c} value={gateway} onChange={(e) => setGateway(inputValue(e) as RefundGateway | '')}>
            <GatewayOptions none="The same way as last time" />
          </select>
        )}
      </Field>
      {transfer ? (
        // The server blames the account as a whole when neither it nor an IBAN is given: its message sits on the group.
        <fieldset id={fieldId(`${prefix}.refundAccount`)} tabIndex={-1} {...invalidFor(`${prefix}.refundAccount`, accountError)}>
          <legend>Where the transfer goes (an IBAN, or an account)</legend>
          <FieldMessage path={`${prefix}.refundAccount`} error={accountError} />
          <Field path={`${prefix}.iban`} label="IBAN" error={sub.errorFor(`${prefix}.iban`)}>
            {(c) => <input {...c} type="text" value={iban} onInput={(e) => setIban(inputValue(e))} />}
          </Field>
          {ACCOUNT_FIELDS.map(([name, label]) => (
            <Field
              key={name}
              path={`${prefix}.refundAccount.${name}`}
              label={name === 'bankBranch' ? `${label} (optional)` : label}
              error={sub.errorFor(`${prefix}.refundAccount.${name}`)}
            >
              {(c) => <input {...c} type="text" value={account[name]} onInput={setField(name)} />}
            </Field>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" aria-busy={sub.submitting ? 'true' : undefined}>
        Retry refund
      </button>
    </form>
  );
}
