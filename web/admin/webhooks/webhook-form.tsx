// An endpoint's form (create, or edit with If-Match) and the once-shown secret.
import { useState } from 'preact/hooks';
import type { EventType } from '#shared/domain/events/catalogue';
import { type ApiResult, api } from '../../api/client.ts';
import { useIntentKey } from '../../api/intent-key.ts';
import { Check } from '../../ui/checks.tsx';
import { ErrorSummary, Field, inputValue, useSubmission } from '../../ui/form.tsx';
import { announce } from '../../ui/status-message.tsx';
import { EVENT_TYPE_LIST } from '../statuses.ts';

type Endpoint = ApiResult<'webhooks.get'>;
type Saved = Endpoint | ApiResult<'webhooks.create'>;

/** The signing secret, answered by the API on creation and rotation only: the one chance to copy it. */
export const Secret = ({ secret }: { secret: string }) => (
  <div class="notice" role="status" aria-label="Signing secret">
    <p>
      <strong>Signing secret</strong> — copy it now: it is not shown again.
    </p>
    <p>
      <code>{secret}</code>
    </p>
  </div>
);

export function WebhookForm({ endpoint, onSaved }: { endpoint?: Endpoint; onSaved: (saved: Saved) => void }) {
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [enabled, setEnabled] = useState(endpoint?.enabled ?? true);
  const [events, setEvents] = useState<readonly EventType[]>(endpoint?.events ?? []);
  const intent = useIntentKey();
  const body = () => ({ url: url.trim(), description: description.trim(), enabled, events: [...events] });
  const sub = useSubmission<Saved>(
    () =>
      endpoint
        ? api('webhooks.update', { params: { id: endpoint.id }, body: body(), ifMatch: endpoint.version })
        : api('webhooks.create', { body: body(), idempotencyKey: intent.keyFor(body()) }),
    (saved) => {
      announce(endpoint ? 'Endpoint saved.' : `Endpoint ${saved.url} added.`);
      if (!endpoint) {
        setUrl('');
        setDescription('');
        setEvents([]);
        intent.renew();
      }
      onSaved(saved);
    },
  );
  const eventsError = sub.errorFor('events');
  return (
    <form onSubmit={sub.onSubmit} aria-label={endpoint ? 'Edit endpoint' : 'New endpoint'} noValidate>
      <ErrorSummary error={sub.error} labels={{ url: 'URL', events: 'Event types', description: 'Description' }} />
      <Field path="url" label="URL" error={sub.errorFor('url')}>
        {(c) => <input {...c} type="url" value={url} onInput={(e) => setUrl(inputValue(e))} />}
      </Field>
      <Field path="description" label="Description (optional)" error={sub.errorFor('description')}>
        {(c) => <input {...c} type="text" value={description} onInput={(e) => setDescription(inputValue(e))} />}
      </Field>
      <fieldset id="field-events" aria-describedby={eventsError ? 'field-events-error' : undefined}>
        <legend>Event types</legend>
        {eventsError ? (
          <small class="field-error" id="field-events-error">
            <span class="visually-hidden">Error: </span>
            {eventsError}
          </small>
        ) : null}
        {EVENT_TYPE_LIST.map((type) => (
          <Check
            key={type}
            label={type}
            checked={events.includes(type)}
            onChange={(on) => setEvents(EVENT_TYPE_LIST.filter((t) => (t === type ? on : events.includes(t))))}
          />
        ))}
      </fieldset>
      <Check label="Enabled" checked={enabled} onChange={setEnabled} />
      <button type="submit" aria-busy={sub.submitting ? 'true' : undefined}>
        {endpoint ? 'Save endpoint' : 'Add endpoint'}
      </button>
    </form>
  );
}
