// PUT /admin/settings: replaces the shop's settings (If-Match honoured).

import { readSettings, writeSettings } from '#shared/adapters/settings-repo';
import { checkIfMatch } from '#shared/domain/if-match';
import { nextSettings, type Settings, type SettingsUpdate } from '#shared/domain/settings';

export interface SaveSettings {
  readonly body: SettingsUpdate;
  readonly ifMatch: number | undefined;
  readonly now: string;
}

/** A stale If-Match is a 412 before any write; a writer that lost the version race gets a 409. */
export const saveSettings = async ({ body, ifMatch, now }: SaveSettings): Promise<Settings> => {
  const { settings: current, stored } = await readSettings(true);
  checkIfMatch(current, ifMatch);
  const next = nextSettings(current, body, now);
  await writeSettings(next, stored ? current.version : undefined);
  return next;
};
