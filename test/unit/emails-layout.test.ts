import { describe, expect, it } from 'vitest';
import { escapeHtml, layout, oneLine, pageUrl } from '#shared/domain/emails/layout';
import { isAdminActor, wordsFor } from '#shared/domain/emails/words';

const ctx = { shopName: 'Shop & "Co"', storefrontUrl: 'https://shop.example//', locale: 'en' } as const;
const { money, how, item } = wordsFor(ctx);

describe('email layout', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(undefined)).toBe('');
  });

  it('keeps subjects on one bounded line (no header injection)', () => {
    expect(oneLine('Order 1\r\nBcc: evil@example.com')).toBe('Order 1 Bcc: evil@example.com');
    const long = oneLine('x'.repeat(500));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });

  it('builds links from the storefront base with encoded segments', () => {
    expect(pageUrl(ctx, 'orders', 'ord_1')).toBe('https://shop.example/orders/ord_1');
    expect(pageUrl(ctx, 'returns', 'a/b?c')).toBe('https://shop.example/returns/a%2Fb%3Fc');
  });

  it('renders every part in HTML (escaped) and in text (as written)', () => {
    const email = layout(
      {
        subject: 'Hi <b>',
        heading: 'Heading <i>',
        paragraphs: ['Para & more'],
        details: [['Label', 'Value\n2nd line']],
        list: { title: 'Items', items: ['<one>'] },
        quote: { label: 'Note', text: 'a\nb' },
        link: { label: 'Go', url: 'https://shop.example/?a=1&b=2' },
      },
      ctx,
    );
    expect(email.subject).toBe('Hi <b>');
    expect(email.html).toContain('<title>Hi &lt;b&gt;</title>');
    expect(email.html).toContain('Heading &lt;i&gt;');
    expect(email.html).toContain('Para &amp; more');
    expect(email.html).toContain('Value<br>2nd line');
    expect(email.html).toContain('<li>&lt;one&gt;</li>');
    expect(email.html).toContain('a<br>b');
    expect(email.html).toContain('href="https://shop.example/?a=1&amp;b=2"');
    expect(email.html).toContain('Shop &amp; &quot;Co&quot;');
    expect(email.text).toBe(
      [
        'Heading <i>\n===========',
        'Para & more',
        'Label: Value\n2nd line',
        'Items:\n  - <one>',
        'Note:\n> a\n> b',
        'Go: https://shop.example/?a=1&b=2',
        '-- \nShop & "Co"',
      ].join('\n\n'),
    );
  });

  it('leaves out the parts a template does not use', () => {
    const email = layout({ subject: 's', heading: 'h', paragraphs: [] }, ctx);
    expect(email.text).toBe('h\n=\n\n-- \nShop & "Co"');
    expect(email.html).not.toContain('<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%');
    expect(email.html).not.toContain('<blockquote');
    expect(email.html).not.toContain('<ul');
  });
});

describe('email words', () => {
  it("formats amounts in the currency exponent and the reader's locale, and shows minor units of an unknown currency", () => {
    const german = wordsFor({ ...ctx, locale: 'de' });
    expect([german.money(1250, 'EUR'), german.money(1999, 'JPY'), german.how('card'), german.item(undefined, 2)]).toEqual([
      '12,50\u00a0€',
      '1.999\u00a0¥',
      'auf Ihre Karte',
      'Artikel × 2',
    ]);
    expect([money(1999, 'USD'), money(1999, 'JPY'), money(1999, 'KWD'), money(0, 'EUR')]).toEqual(['$19.99', '¥1,999', 'KWD\u00a01.999', '€0.00']);
    expect(money(1999, 'XYZ')).toBe('1999 XYZ (minor units)');
  });

  it('says how a refund travels, also for a gateway it has no words for', () => {
    expect(['card', 'bank_transfer', 'voucher', 'cash', 'gift_card'].map(how)).toEqual([
      'to your card',
      'by bank transfer',
      'as a store voucher',
      'in cash',
      'by gift_card',
    ]);
  });

  it('writes item lines, and tells admins from customers', () => {
    expect(item('Mug', 2, 'Blue')).toBe('Mug (Blue) × 2');
    expect(item(undefined, 1)).toBe('Item × 1');
    expect([isAdminActor('admin'), isAdminActor('admin:a1'), isAdminActor('customer:c1'), isAdminActor('administrator')]).toEqual([true, true, false, false]);
  });
});
