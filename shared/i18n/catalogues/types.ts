// A catalogue is every English id of a surface with its text in one locale: a
// missing or extra id is a compile error; arguments are checked by
// test/unit/i18n-catalogues.test.ts. Each surface reads only its own messages
// and the shared words, so a Lambda never bundles the web app's (nor the web
// app the emails').

import type { DocumentId, EmailId, WordId } from './en.ts';
import type { AdminMessageId } from './en-admin.ts';
import type { WebMessageId } from './en-web.ts';

export type Catalogue<Id extends string> = Readonly<Record<Id, string>>;

/** What an email says: the shared words and the emails' messages. */
export type EmailMessageId = WordId | EmailId;
/** What the invoice and receipt say. */
export type DocumentMessageId = WordId | DocumentId;
/** What the web app says: the portal and the back office. */
export type WebId = WordId | WebMessageId | AdminMessageId;
