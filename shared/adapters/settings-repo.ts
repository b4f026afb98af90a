// The settings item; absent on a fresh install, when the defaults apply.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#shared/domain/errors';
import { defaultSettings, type Settings } from '#shared/domain/settings';
import { db, stripKeys, TABLE_NAME, transact, versionedPut } from './dynamo.ts';
import { env } from './env.ts';
import { KEY } from './keys.ts';

/** The settings from their item, or the defaults when there is none yet (with the configured sender). */
export const settingsOf = (item: Record<string, unknown> | undefined): Settings => {
  const defaults = defaultSettings(env.defaultFromAddress);
  if (!item) return defaults;
  // Sections added after a shop saved its settings speak their defaults until an admin saves them again.
  const stored = stripKeys<Partial<Settings>>(item) as Settings;
  return {
    ...stored,
    returns: { ...stored.returns, refundMethods: { ...stored.returns.refundMethods, storeCredit: stored.returns.refundMethods.storeCredit ?? true } },
    locales: stored.locales ?? defaults.locales,
    exchanges: stored.exchanges ?? defaults.exchanges,
    storeCredit: stored.storeCredit ?? defaults.storeCredit,
  };
};

/** The settings, and whether they are stored yet. */
export const readSettings = async (consistent = false): Promise<{ readonly settings: Settings; readonly stored: boolean }> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.settings(), ConsistentRead: consistent }));
  return { settings: settingsOf(Item), stored: Item !== undefined };
};

export const getSettings = async (): Promise<Settings> => (await readSettings()).settings;

/**
 * Writes the settings over `previousVersion`, or as the first item when none
 * is stored. Race: two admins both read v4 and PUT; both write with
 * `version = 4`, one commits v5, the other gets a 409. On a fresh install the
 * first write requires absence, so two first PUTs cannot both win.
 */
export const writeSettings = (next: Settings, previousVersion: number | undefined): Promise<void> =>
  transact([
    versionedPut(
      { ...KEY.settings(), type: 'Settings', ...next },
      previousVersion,
      () => new ConflictError('The settings were changed concurrently; reload them and retry.'),
    ),
  ]);
