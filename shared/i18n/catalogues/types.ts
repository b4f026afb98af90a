// A catalogue is every English id with its text in one locale: a missing or
// extra id is a compile error; arguments are checked by test/unit/i18n-catalogues.test.ts.
import type { MessageId } from './en.ts';

export type Catalogue = Readonly<Record<MessageId, string>>;
