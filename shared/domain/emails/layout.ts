// What every email shares: escaping, the HTML frame and the plain-text frame.

export interface Email {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface EmailContext {
  readonly shopName: string;
  readonly storefrontUrl: string;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Everything user-supplied goes through this before it touches HTML. */
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** `out_for_delivery` → `out for delivery`. */
export const inWords = (status: string): string => status.replaceAll('_', ' ');

export interface EmailBody {
  readonly subject: string;
  readonly heading: string;
  /** Paragraphs of plain text; escaped for the HTML part. */
  readonly paragraphs: readonly string[];
  readonly link?: { readonly label: string; readonly url: string };
}

export const layout = (body: EmailBody, ctx: EmailContext): Email => {
  const html = [
    '<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222;max-width:600px;margin:auto">',
    `<p style="color:#888">${escapeHtml(ctx.shopName)}</p>`,
    `<h1 style="font-size:20px">${escapeHtml(body.heading)}</h1>`,
    ...body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    body.link ? `<p><a href="${escapeHtml(body.link.url)}">${escapeHtml(body.link.label)}</a></p>` : '',
    '</body></html>',
  ].join('\n');
  const text = [body.heading, '', ...body.paragraphs.flatMap((p) => [p, '']), body.link ? `${body.link.label}: ${body.link.url}` : '', '', `— ${ctx.shopName}`]
    .join('\n')
    .trim();
  return { subject: body.subject, html, text };
};
