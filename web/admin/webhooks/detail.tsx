// One webhook endpoint: edit it, rotate its secret (shown once), ping it,
// delete it, and its deliveries.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { ErrorSummary, useSubmission } from '../../ui/form.tsx';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { Deliveries } from './deliveries.tsx';
import { Secret, WebhookForm } from './webhook-form.tsx';

export function WebhookDetail({ id }: { id: string }) {
  const { route } = useLocation();
  const [state, reload] = useLoad((signal) => api('webhooks.get', { params: { id }, signal }), [id]);
  const [secret, setSecret] = useState<string | null>(null);
  // Bumped by a ping so the deliveries list shows the new one.
  const [round, setRound] = useState(0);
  const rotate = useSubmission(
    () => api('webhooks.rotateSecret', { params: { id } }),
    (saved) => {
      setSecret(saved.secret);
      reload();
    },
  );
  const ping = useSubmission(
    () => api('webhooks.ping', { params: { id } }),
    () => setRound((r) => r + 1),
  );
  const remove = useSubmission(
    () => api('webhooks.delete', { params: { id } }),
    () => route(`${APP_BASE}/admin/webhooks`),
  );
  return (
    <Loaded state={state} onRetry={reload}>
      {(endpoint) => (
        <>
          <h1>Webhook endpoint</h1>
          <p>
            <code>{endpoint.url}</code> · {endpoint.enabled ? 'enabled' : 'disabled'}
          </p>
          {secret ? <Secret secret={secret} /> : null}
          <div class="actions">
            <form onSubmit={ping.onSubmit} aria-label="Ping">
              <ErrorSummary error={ping.error} />
              <button type="submit" class="secondary" aria-busy={ping.submitting ? 'true' : undefined}>
                Ping
              </button>
            </form>
            <form onSubmit={rotate.onSubmit} aria-label="Rotate secret">
              <ErrorSummary error={rotate.error} />
              <button type="submit" class="secondary" aria-busy={rotate.submitting ? 'true' : undefined}>
                Rotate secret
              </button>
            </form>
            <form onSubmit={(e) => (confirm(`Delete the endpoint ${endpoint.url}?`) ? remove.onSubmit(e) : e.preventDefault())} aria-label="Delete endpoint">
              <ErrorSummary error={remove.error} />
              <button type="submit" class="contrast" aria-busy={remove.submitting ? 'true' : undefined}>
                Delete endpoint
              </button>
            </form>
          </div>
          <section aria-labelledby="edit-webhook-title">
            <h2 id="edit-webhook-title">Settings</h2>
            <WebhookForm key={endpoint.version} endpoint={endpoint} onSaved={reload} />
          </section>
          <Deliveries id={id} round={round} />
        </>
      )}
    </Loaded>
  );
}
