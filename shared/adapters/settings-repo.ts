// The settings item; absent on a fresh install, when the defaults apply.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { defaultSettings, type Settings } from '#shared/domain/settings';
import { db, stripKeys, TABLE_NAME } from './dynamo.ts';
import { env } from './env.ts';
import { KEY } from './keys.ts';

export const getSettings = async (): Promise<Settings> => {
  const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: KEY.settings() }));
  return Item ? stripKeys<Settings>(Item) : defaultSettings(env.defaultFromAddress);
};
