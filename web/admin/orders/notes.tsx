// Seed 000's order notes: every note staff wrote, and a new one, private or
// for the customer (who is then emailed).
import { useState } from 'preact/hooks';
import type { NoteVisibility } from '#shared/domain/note';
import { api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { ErrorSummary, Field, inputValue, RadioGroup, useSubmission } from '../../ui/form.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Empty, Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import type { AdminOrder } from './order.ts';

const VISIBILITY = { private: 'Private (staff only)', customer: 'For the customer (emailed)' } as const satisfies Record<NoteVisibility, string>;

export function Notes({ order }: { order: AdminOrder }) {
  const [state, reload] = useLoad((signal) => api('notes.adminList', { params: { orderId: order.id }, query: { limit: 100 }, signal }), [order.id]);
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<NoteVisibility>('private');
  const intent = useIntentKey();
  const sub = useSubmission(
    () => {
      const sent = { body: body.trim(), visibility };
      return api('notes.create', { params: { orderId: order.id }, body: sent, idempotencyKey: intent.keyFor(sent) });
    },
    () => {
      setBody('');
      intent.renew();
      announce(visibility === 'customer' ? 'Note added. The customer was emailed.' : 'Private note added.');
      reload();
    },
    () => (body.trim() ? [] : [{ path: 'body', message: 'write something first' }]),
  );
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      <Loaded state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No notes yet.</Empty>
          ) : (
            <ul class="comments">
              {page.items.map((n) => (
                <li key={n.id}>
                  <p>{n.body}</p>
                  <small>
                    {n.author} · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time> · {VISIBILITY[n.visibility].toLowerCase()}
                  </small>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <form onSubmit={sub.onSubmit} aria-label="Add a note" noValidate>
        <ErrorSummary error={sub.error} labels={{ body: 'Note', visibility: 'Who can see it' }} />
        <Field path="body" label="Note" error={sub.errorFor('body')}>
          {(c) => <textarea {...c} rows={2} value={body} onInput={(e) => setBody(inputValue(e))} />}
        </Field>
        <RadioGroup
          path="visibility"
          legend="Who can see it"
          options={Object.entries(VISIBILITY) as [NoteVisibility, string][]}
          value={visibility}
          onChange={setVisibility}
          error={sub.errorFor('visibility')}
        />
        <button type="submit" aria-busy={sub.submitting ? 'true' : undefined}>
          Add note
        </button>
      </form>
    </section>
  );
}
