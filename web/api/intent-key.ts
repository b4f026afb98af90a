// Idempotency keys as screens use them: one per intent. A hook, so it lives
// beside the client rather than in it (the client runs without Preact).
import { useRef } from 'preact/hooks';
import { newIdempotencyKey } from './client.ts';

/**
 * A key per intent, not per click: sending the same body again (a retry after
 * a network error, a double submit) reuses its key, so the server files it
 * once; a changed body is a new intent with a new key (the server refuses a
 * key reused for another body). `renew` after a success, so the same text sent
 * on purpose once more is filed again.
 */
export function useIntentKey(): { readonly keyFor: (body: unknown) => string; readonly renew: () => void } {
  const last = useRef<{ readonly body: string; readonly key: string } | null>(null);
  return {
    keyFor: (body) => {
      const text = JSON.stringify(body) ?? '';
      if (last.current?.body !== text) last.current = { body: text, key: newIdempotencyKey() };
      return last.current.key;
    },
    renew: () => {
      last.current = null;
    },
  };
}
