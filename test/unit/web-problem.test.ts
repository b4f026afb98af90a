// What staff and customers read when the server refuses: the validator's
// wording in plain words beside each field (the field's label says which),
// every server path placed on the form's field through the one mapper, and
// file types and payment methods as people name them. The field's message is
// in the reader's language; the problem's title and detail stay the server's.
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, errorFromResponse, onFormFields } from '../../web/api/problem.ts';
import { activateLocale } from '../../web/i18n/locale.ts';
import { fileTypes, paymentMethodWords } from '../../web/ui/names.ts';

const problemResponse = (errors: { path: string; message: string }[], status = 400): Response =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Invalid request', status, detail: 'The body is invalid.', errors }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

describe('server field errors in plain words', () => {
  beforeEach(() => activateLocale('en'));

  it('rewrites each zod message a person would otherwise read raw', async () => {
    const error = await errorFromResponse(
      problemResponse([
        { path: 'events', message: 'Too small: expected array to have >=1 items' },
        { path: 'items', message: 'Too small: expected array to have >=2 items' },
        { path: 'label', message: 'Too small: expected string to have >=1 characters' },
        { path: 'extraComment', message: 'Too big: expected string to have <=250 characters' },
        { path: 'quantity', message: 'Too small: expected number to be >0' },
        { path: 'maxDays', message: 'Too big: expected number to be <=365' },
        { path: 'goodQuantity', message: 'Invalid input: expected int, received number' },
        { path: 'reasonId', message: 'Invalid input: expected string, received undefined' },
        { path: 'status', message: 'Invalid option: expected one of "paid"|"unpaid"' },
        { path: 'url', message: 'Invalid URL' },
        { path: 'notifications.adminEmails.0', message: 'Invalid email address' },
      ]),
    );
    expect(error.fieldErrors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'events: choose at least one',
      'items: choose at least 2',
      'label: is required',
      'extraComment: must be at most 250 characters',
      'quantity: must be more than 0',
      'maxDays: must be at most 365',
      'goodQuantity: must be a whole number',
      'reasonId: is required',
      'status: choose one of the options',
      'url: must be a web address starting with https://',
      'notifications.adminEmails.0: must be an email address, like name@example.com',
    ]);
    expect(error.problem.detail).toBe('The body is invalid.');
  });

  it('says each field’s error in the reader’s language, the problem’s title and detail as the server sent them', async () => {
    await activateLocale('de');
    const error = await errorFromResponse(
      problemResponse([
        { path: 'events', message: 'Too small: expected array to have >=1 items' },
        { path: 'items', message: 'Too small: expected array to have >=2 items' },
        { path: 'extraComment', message: 'Too big: expected string to have <=250 characters' },
        { path: 'reasonId', message: 'Invalid input: expected string, received undefined' },
      ]),
    );
    expect(error.fieldErrors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'events: wählen Sie mindestens eine Option',
      'items: wählen Sie mindestens 2',
      'extraComment: darf höchstens 250 Zeichen lang sein',
      'reasonId: ist ein Pflichtfeld',
    ]);
    expect(error.problem).toMatchObject({ title: 'Invalid request', detail: 'The body is invalid.' });
  });

  it('leaves a message the server wrote for people as it is', async () => {
    const error = await errorFromResponse(problemResponse([{ path: 'restockFee', message: 'must be at most 2000' }], 422));
    expect(error.fieldErrors).toEqual([{ path: 'restockFee', message: 'must be at most 2000' }]);
  });

  it('places each error on the form’s field, keeping the problem, and rethrows anything else untouched', async () => {
    const error = await errorFromResponse(problemResponse([{ path: 'refundLineItems.1.quantity', message: 'Too small: expected number to be >0' }]));
    const place = onFormFields((e) => ({ ...e, path: e.path.replace(/^refundLineItems\.1/, 'lines.4') }));
    let placed: unknown;
    try {
      place(error);
    } catch (thrown) {
      placed = thrown;
    }
    expect(placed).toBeInstanceOf(ApiError);
    expect((placed as ApiError).fieldErrors).toEqual([{ path: 'lines.4.quantity', message: 'must be more than 0' }]);
    expect((placed as ApiError).status).toBe(400);
    const network = new TypeError('offline');
    expect(() => place(network)).toThrow(network);
  });
});

describe('names people use', () => {
  it('says file types, not MIME types', () => {
    expect(fileTypes(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'])).toBe('JPEG, PNG, WebP, HEIC or PDF');
    expect(fileTypes(['image/png'])).toBe('PNG');
    expect(fileTypes(['image/avif', 'image/png'])).toBe('AVIF or PNG');
  });

  it('says cash on delivery, not cod', () => {
    expect([paymentMethodWords('cod'), paymentMethodWords('card'), paymentMethodWords('bank_transfer')]).toEqual(['Cash on delivery', 'Card', 'Bank transfer']);
  });
});
