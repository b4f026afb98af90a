// Webhook endpoints (GET /admin/webhooks): where signed events go. A new
// endpoint's signing secret is shown here once.
import { useState } from 'preact/hooks';
import type { ApiResult } from '../../api/client.ts';
import { api } from '../../api/client.ts';
import { APP_BASE } from '../../base.ts';
import { useCursor } from '../../ui/address.ts';
import { Loaded, useLoad } from '../../ui/states.tsx';
import { type Column, ListTable, PagedList } from '../list-kit.tsx';
import { Secret, WebhookForm } from './webhook-form.tsx';

type Endpoint = ApiResult<'webhooks.get'>;

const columns: readonly Column<Endpoint>[] = [
  { header: 'URL', cell: (w) => <a href={`${APP_BASE}/admin/webhooks/${w.id}`}>{w.url}</a> },
  { header: 'Enabled', cell: (w) => (w.enabled ? 'Yes' : 'No') },
  { header: 'Event types', cell: (w) => w.events.join(', ') },
  { header: 'Description', cell: (w) => w.description },
];

export function WebhookList() {
  const [cursor, setCursor] = useCursor();
  const [secret, setSecret] = useState<string | null>(null);
  const [state, reload] = useLoad((signal) => api('webhooks.list', { query: { limit: 20, cursor }, signal }), [cursor]);
  return (
    <>
      <h1>Webhooks</h1>
      <Loaded state={state} onRetry={reload}>
        {(page) => (
          <PagedList page={page} cursor={cursor} onPage={setCursor} empty="No endpoints yet: add one below to receive signed events.">
            {(items) => <ListTable label="Webhook endpoints" columns={columns} rows={items} />}
          </PagedList>
        )}
      </Loaded>
      <section aria-labelledby="new-webhook-title">
        <h2 id="new-webhook-title">New endpoint</h2>
        {secret ? <Secret secret={secret} /> : null}
        <WebhookForm
          onSaved={(saved) => {
            setSecret('secret' in saved ? saved.secret : null);
            reload();
          }}
        />
      </section>
    </>
  );
}
