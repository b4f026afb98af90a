// Every email template by id; the stream consumer renders through this table.
import type { Email, EmailContext } from './layout.ts';
import { orderStatusEmail } from './order-status.ts';

type Render = (data: never, ctx: EmailContext) => Email;

export const TEMPLATES = {
  'order-status': orderStatusEmail,
} as const satisfies Record<string, Render>;

export type TemplateId = keyof typeof TEMPLATES;

export const isTemplateId = (id: string): id is TemplateId => Object.hasOwn(TEMPLATES, id);

export const renderEmail = (template: TemplateId, data: Readonly<Record<string, unknown>>, ctx: EmailContext): Email =>
  (TEMPLATES[template] as (data: unknown, ctx: EmailContext) => Email)(data, ctx);
