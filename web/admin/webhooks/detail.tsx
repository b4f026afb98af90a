// One webhook endpoint: edit it, rotate its secret (shown once), ping it (and
// watch the ping's delivery settle), delete it (asking first), and its deliveries.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { Confirm } from '../../ui/confirm.tsx';
import { ErrorSummary, useSubmission } from '../../ui/form.tsx';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { announce } from '../../ui/status-message.tsx';
import { Deliveries } from './deliveries.tsx';
import { Secret, WebhookForm } from './webhook-form.tsx';

export function WebhookDetail({ id }: { id: string }) {
  const { route } = useLocation();
  const [state, reload] = useLoad((signal) => api('webhooks.get', { params: { id }, signal }), [id]);
  const [secret, setSecret] = useState<string | null>(null);
  // The last ping's delivery: the list below follows it until it settles.
  const [pinged, setPinged] = useState<string | null>(null);
  const rotate = useSubmission(
    () => api('webhooks.rotateSecret', { params: { id } }),
    (saved) => {
      setSecret(saved.secret);
      announce('Secret rotated. Copy the new one now: it is shown only once.');
      reload();
    },
  );
  const ping = useSubmission(
    () => api('webhooks.ping', { params: { id } }),
    (delivery) => {
      announce('Ping sent. Its delivery is shown below once the endpoint answers.');
      setPinged(delivery.id);
    },
  );
  const remove = useSubmission(
    () => api('webhooks.delete', { params: { id } }),
    () => {
      const list = `${APP_BASE}/admin/webhooks`;
      announce('Endpoint deleted. It gets no more events.', list);
      route(list);
    },
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
          </div>
          <section aria-labelledby="edit-webhook-title">
            <h2 id="edit-webhook-title">Settings</h2>
            <WebhookForm key={endpoint.version} endpoint={endpoint} onSaved={reload} />
          </section>
          <Deliveries id={id} watch={pinged} />
          <section aria-labelledby="delete-webhook-title" class="danger-zone">
            <h2 id="delete-webhook-title">Delete the endpoint</h2>
            <ErrorSummary error={remove.error} />
            <Confirm
              action="Delete endpoint"
              question={`Are you sure you want to delete the endpoint ${endpoint.url}? It cannot be undone.`}
              confirm="Yes, delete it"
              keep="No, keep it"
              busy={remove.submitting}
              onConfirm={remove.submit}
            >
              <p>It gets no more events, not even those still waiting to be delivered.</p>
            </Confirm>
          </section>
        </>
      )}
    </Loaded>
  );
}
