// Rate-limit tests use the real clock: they start early in a minute, so a run never straddles two windows.
import { RATE_WINDOW_SECONDS } from '#shared/domain/rate-window';

export const earlyInWindow = async (): Promise<void> => {
  const intoWindow = Math.floor(Date.now() / 1000) % RATE_WINDOW_SECONDS;
  if (intoWindow > RATE_WINDOW_SECONDS - 15) await new Promise((resolve) => setTimeout(resolve, (RATE_WINDOW_SECONDS - intoWindow + 1) * 1000));
};
