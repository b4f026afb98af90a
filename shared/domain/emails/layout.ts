// What every email shares: escaping, the HTML frame and the plain-text frame.
// Templates describe an email as data (EmailBody); only this file writes HTML,
// so every user-supplied string passes through escapeHtml exactly once.
import { emailTranslator } from '../../i18n/catalogues/emails.ts';
import type { Locale } from '../../i18n/locales.ts';

export interface Email {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface EmailContext {
  readonly shopName: string;
  /** Base URL of the storefront; links in emails are built from it. */
  readonly storefrontUrl: string;
  /** The reader's language: the customer's order locale, the shop's default for admins. */
  readonly locale: Locale;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Everything user-supplied goes through this before it touches HTML. */
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** A header value on one line: no CR/LF (header injection), bounded length. */
export const oneLine = (value: string, max = 200): string => {
  // Line breaks and runs of spaces collapse; a no-break space (as Intl puts in `KWD 1.000`) stays.
  const flat = value.replace(/[\r\n\t\f\v\u2028\u2029 ]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** `${storefrontUrl}/a/b` with each path segment encoded (ids come from items). */
export const pageUrl = (ctx: EmailContext, ...segments: readonly string[]): string =>
  `${ctx.storefrontUrl.replace(/\/+$/, '')}/${segments.map(encodeURIComponent).join('/')}`;

export type Detail = readonly [label: string, value: string];

export interface EmailBody {
  readonly subject: string;
  readonly heading: string;
  /** Paragraphs of plain text; escaped for the HTML part. */
  readonly paragraphs: readonly string[];
  /** Label/value rows: order number, status, amounts. */
  readonly details?: readonly Detail[];
  /** A short list, e.g. the items of a return. */
  readonly list?: { readonly title: string; readonly items: readonly string[] };
  /** Someone's own words (a note, a comment), shown as quoted text. */
  readonly quote?: { readonly label: string; readonly text: string };
  readonly link?: { readonly label: string; readonly url: string };
}

const FONT = 'font-family:Helvetica,Arial,sans-serif';
/** Escaped, with the writer's line breaks kept. */
const multiline = (value: string): string => escapeHtml(value).replace(/\r?\n/g, '<br>');

const htmlDetails = (details: readonly Detail[]): string =>
  details.length === 0
    ? ''
    : [
        '<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;margin:16px 0">',
        ...details.map(
          ([label, value]) =>
            `<tr><td style="width:1%;padding:6px 24px 6px 0;color:#666;white-space:nowrap;vertical-align:top;border-bottom:1px solid #eee">${escapeHtml(label)}</td>` +
            `<td style="padding:6px 0;vertical-align:top;border-bottom:1px solid #eee"><strong>${multiline(value)}</strong></td></tr>`,
        ),
        '</table>',
      ].join('\n');

const htmlBody = (body: EmailBody, ctx: EmailContext): string =>
  [
    '<!doctype html>',
    `<html lang="${escapeHtml(ctx.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(body.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f4f5;${FONT};color:#222">`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5"><tr><td align="center" style="padding:24px 12px">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#fff;border-radius:8px;overflow:hidden">',
    `<tr><td style="background:#1f2937;color:#fff;padding:16px 24px;font-size:16px;font-weight:bold">${escapeHtml(ctx.shopName)}</td></tr>`,
    '<tr><td style="padding:24px;font-size:15px;line-height:1.5">',
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(body.heading)}</h1>`,
    ...body.paragraphs.map((p) => `<p style="margin:0 0 12px">${multiline(p)}</p>`),
    htmlDetails(body.details ?? []),
    body.list
      ? `<p style="margin:16px 0 4px;color:#666">${escapeHtml(body.list.title)}</p><ul style="margin:0 0 12px;padding-left:20px">${body.list.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
      : '',
    body.quote
      ? `<p style="margin:16px 0 4px;color:#666">${escapeHtml(body.quote.label)}</p><blockquote style="margin:0 0 12px;padding:8px 12px;border-left:4px solid #d1d5db;background:#f9fafb">${multiline(body.quote.text)}</blockquote>`
      : '',
    body.link
      ? `<p style="margin:24px 0 8px"><a href="${escapeHtml(body.link.url)}" style="display:inline-block;background:#2563eb;color:#fff;text-decoration:none;padding:10px 18px;border-radius:6px">${escapeHtml(body.link.label)}</a></p>`
      : '',
    '</td></tr>',
    `<tr><td style="padding:16px 24px;font-size:12px;color:#888;border-top:1px solid #eee">${escapeHtml(ctx.shopName)} · ${escapeHtml(emailTranslator(ctx.locale)('email.footer'))}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ]
    .filter((line) => line !== '')
    .join('\n');

const textBody = (body: EmailBody, ctx: EmailContext): string => {
  const width = Math.max(0, ...(body.details ?? []).map(([label]) => label.length));
  const sections = [
    [body.heading, '='.repeat(Math.min(body.heading.length, 72))].join('\n'),
    ...body.paragraphs,
    (body.details ?? []).map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join('\n'),
    body.list ? [`${body.list.title}:`, ...body.list.items.map((i) => `  - ${i}`)].join('\n') : '',
    body.quote ? [`${body.quote.label}:`, ...body.quote.text.split(/\r?\n/).map((l) => `> ${l}`)].join('\n') : '',
    body.link ? `${body.link.label}: ${body.link.url}` : '',
    `-- \n${ctx.shopName}`,
  ];
  return sections.filter((s) => s !== '').join('\n\n');
};

export const layout = (body: EmailBody, ctx: EmailContext): Email => ({
  subject: oneLine(body.subject),
  html: htmlBody(body, ctx),
  text: textBody(body, ctx),
});
