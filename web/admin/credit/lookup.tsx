// Store credit by customer id: the way to a customer's credit when no order
// page leads there (a customer quoting their id, a goodwill credit).
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { customerCreditPath } from '../credit-path.ts';

export function CreditLookup() {
  const { route } = useLocation();
  const [customerId, setCustomerId] = useState('');
  const sub = useSubmission(
    async () => customerId.trim(),
    (id) => route(customerCreditPath(id)),
    () => (customerId.trim() ? [] : [{ path: 'customerId', message: 'enter the customer id' }]),
  );
  return (
    <>
      <h1>Store credit</h1>
      <p>A customer's balance, lots and transactions, and credit or debit by hand. Gift cards have a page of their own.</p>
      <form onSubmit={sub.onSubmit} noValidate aria-label="Find a customer's store credit">
        <ErrorSummary error={sub.error} labels={{ customerId: 'Customer id' }} />
        <Field path="customerId" label="Customer id" hint="As on their orders, for example cus-ada" error={sub.errorFor('customerId')}>
          {(c) => <input {...c} autoComplete="off" maxLength={128} value={customerId} onInput={(e) => setCustomerId(inputValue(e))} />}
        </Field>
        <div class="actions">
          <button type="submit">Show store credit</button>
        </div>
      </form>
    </>
  );
}
