// The conversation on a request: every comment (staff see them all), and a new
// one, kept internal unless "Visible to the customer" is ticked.
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Empty } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import type { AdminReturn } from './request.ts';

export function Comments({ request, onChange }: { request: AdminReturn; onChange: () => void }) {
  const [body, setBody] = useState('');
  const [visible, setVisible] = useState(false);
  const intent = useIntentKey();
  const sub = useSubmission(
    () => {
      const sent = { body: body.trim(), visibleToCustomer: visible };
      return api('returns.adminComment', { params: { returnId: request.id }, body: sent, idempotencyKey: intent.keyFor(sent) });
    },
    () => {
      announce(visible ? 'Comment added. The customer can read it.' : 'Comment added, for staff only.');
      setBody('');
      setVisible(false);
      intent.renew();
      onChange();
    },
    () => (body.trim() ? [] : [{ path: 'body', message: 'write something first' }]),
  );
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">Comments</h2>
      {request.comments.length === 0 ? (
        <Empty>No comments yet.</Empty>
      ) : (
        <ul class="comments">
          {request.comments.map((c) => (
            <li key={c.id}>
              <p>{c.body}</p>
              <small>
                {c.submittedBy} · <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time> ·{' '}
                {c.visibleToCustomer ? 'visible to the customer' : 'internal'}
              </small>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={sub.onSubmit} aria-label="Add a comment" noValidate>
        <ErrorSummary error={sub.error} labels={{ body: 'Comment' }} />
        <Field path="body" label="Comment" error={sub.errorFor('body')}>
          {(c) => <textarea {...c} rows={3} value={body} onInput={(e) => setBody(inputValue(e))} />}
        </Field>
        <label>
          <input type="checkbox" checked={visible} onChange={(e) => setVisible(e.currentTarget.checked)} />
          Visible to the customer
        </label>
        <button type="submit" aria-busy={sub.submitting ? 'true' : undefined}>
          Add comment
        </button>
      </form>
    </section>
  );
}
