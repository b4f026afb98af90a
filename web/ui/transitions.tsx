// A 409 that lists allowedTransitions: the resource moved on under the viewer,
// so offer the moves that are legal now instead of a dead end.
import type { ApiError } from '../api/problem.ts';
import { words } from './format.ts';

export function AllowedTransitions({ error, onChoose }: { error: ApiError | null; onChoose: (status: string) => void }) {
  if (error?.status !== 409 || error.allowedTransitions.length === 0) return null;
  return (
    <section class="transitions" aria-labelledby="transitions-title">
      <h2 id="transitions-title">What you can do now</h2>
      <p>{error.problem.detail}</p>
      <div class="actions">
        {error.allowedTransitions.map((status) => (
          <button type="button" key={status} class="secondary" onClick={() => onChoose(status)}>
            {words(status)}
          </button>
        ))}
      </div>
    </section>
  );
}
