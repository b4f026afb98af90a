// "Every action says what it did": one status region at the top of every
// screen (role=status, so screen readers read it without moving focus). A
// message outlives the component that made it (a decided cancellation's form
// disappears, a deleted endpoint's page is left), so it is kept here, for the
// page it belongs to, and dropped once the person has moved on from that page.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

interface Message {
  readonly text: string;
  readonly path: string;
  shown: boolean;
}

let current: Message | null = null;
const listeners = new Set<() => void>();

/** Says what an action did, on this page or on `path` (where the action sends the person next). */
export const announce = (text: string, path: string = location.pathname): void => {
  current = { text, path, shown: false };
  for (const listener of listeners) listener();
};

export function StatusMessage() {
  const { path } = useLocation();
  const [, setRound] = useState(0);
  useEffect(() => {
    const listener = () => setRound((r) => r + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  const message = current?.path === path ? current : null;
  useEffect(() => {
    if (message) message.shown = true;
    else if (current?.shown) current = null;
  });
  return (
    <div role="status" class={message ? 'status-message' : undefined}>
      {message ? <p>{message.text}</p> : null}
    </div>
  );
}
