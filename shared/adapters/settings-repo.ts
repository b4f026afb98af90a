// The settings item; absent on a fresh install, when the defaults apply.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '#shared/domain/errors';
import { defaultSettings, type Settings, type SettingsBody } from '#shared/domain/settings';
import { db, stripKeys, TABLE_NAME, transact, versionedPut } from './dynamo.ts';
import { env } from './env.ts';
import { KEY } from './keys.ts';
import { checkIfMatch } from './orders-repo.ts';

/** The settings from their item, or the defaults when there is none yet. */
export const settingsOf = (item: Record<string, unknown> | undefined): Settings => (item ? stripKeys<Settings>(item) : defaultSettings(env.defaultFromAddress));

export const getSettings = async (): Promise<Settings> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.settings() }));
  return settingsOf(Item);
};

/**
 * Replaces the settings. Race: two admins both read v4 and PUT; both write with
 * `version = 4`, one commits v5, the other gets a 409 (or a 412 when it sent
 * If-Match and reads after the winner). On a fresh install there is no item:
 * the first write requires its absence, so two first PUTs cannot both win.
 */
export const saveSettings = async (
  body: Omit<SettingsBody, 'shop'> & Partial<Pick<SettingsBody, 'shop'>>,
  ifMatch: number | undefined,
  now: string,
): Promise<Settings> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.settings(), ConsistentRead: true }));
  const current = settingsOf(Item);
  checkIfMatch(current, ifMatch);
  const next: Settings = { ...body, shop: body.shop ?? current.shop, version: current.version + 1, updatedAt: now };
  await transact([
    versionedPut(
      { ...KEY.settings(), type: 'Settings', ...next },
      Item ? current.version : undefined,
      () => new ConflictError('The settings were changed concurrently; reload them and retry.'),
    ),
  ]);
  return next;
};
