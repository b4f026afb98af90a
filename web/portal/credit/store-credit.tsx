// My store credit (GET /store-credit): the balance per currency with its lots
// and their expiry, the transactions a page at a time (the cursor in the
// address), and a gift card redeemed into it (POST /gift-cards/redeem).
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { ApiError } from '../../api/problem.ts';
import { t } from '../../i18n/locale.ts';
import { Balances, Transactions } from '../../ui/credit-ledger.tsx';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { money } from '../../ui/format.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';

export function StoreCredit() {
  // Bumped by a redemption: the balances and the transactions load again.
  const [round, setRound] = useState(0);
  const [state, reload] = useLoad((signal) => api('credit.mine', { signal }), [round]);
  return (
    <>
      <h1>{t('web.route.storeCredit')}</h1>
      <Loaded state={state} onRetry={reload}>
        {(accounts) => <Balances accounts={accounts.items} />}
      </Loaded>
      <RedeemForm onRedeemed={() => setRound((r) => r + 1)} />
      <Transactions round={round} load={(cursor, signal) => api('credit.myTransactions', { query: { limit: 20, ...(cursor ? { cursor } : {}) }, signal })} />
    </>
  );
}

/**
 * The server's one refusal for any unusable code (unknown, used, disabled,
 * expired: a guesser learns nothing) and its 429 past 10 tries a minute, each
 * said plainly beside the code field.
 */
const besideCode = (error: unknown): never => {
  if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 429)) throw error;
  const message = t(error.status === 429 ? 'web.credit.redeem.tooMany' : 'web.credit.redeem.invalid');
  throw new ApiError({ ...error.problem, errors: [{ path: 'code', message }] });
};

function RedeemForm({ onRedeemed }: { onRedeemed: () => void }) {
  const [code, setCode] = useState('');
  const intent = useIntentKey();
  const submission = useSubmission(
    () => {
      const body = { code: code.trim() };
      return api('credit.redeem', { body, idempotencyKey: intent.keyFor(body) }).catch(besideCode);
    },
    (credited) => {
      intent.renew();
      setCode('');
      announce(t('web.credit.redeem.done', { amount: money(credited.amount, credited.currency), balance: money(credited.balanceAfter, credited.currency) }));
      onRedeemed();
    },
    () => (code.trim() ? [] : [{ path: 'code', message: t('web.credit.redeem.enterCode') }]),
  );
  return (
    <section aria-labelledby="redeem-title">
      <h2 id="redeem-title">{t('web.credit.redeem.title')}</h2>
      <form onSubmit={submission.onSubmit} noValidate>
        <ErrorSummary error={submission.error} labels={{ code: t('web.credit.redeem.code') }} />
        <Field path="code" label={t('web.credit.redeem.code')} hint={t('web.credit.redeem.hint')} error={submission.errorFor('code')}>
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              autoCapitalize="characters"
              spellcheck={false}
              maxLength={64}
              value={code}
              onInput={(e) => setCode(inputValue(e))}
            />
          )}
        </Field>
        <div class="actions">
          <button type="submit" aria-busy={submission.submitting}>
            {t('web.credit.redeem.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
