import { describe, expect, it } from 'vitest';
import {
  type Attachment,
  attachmentKey,
  attachmentMeta,
  BIND_WINDOW_SECONDS,
  bindError,
  bindRefusal,
  buildAttachment,
  CreateAttachmentBody,
  checkAttachmentList,
  checkUploadAllowed,
  contentDisposition,
  isAttachmentId,
  MAX_ATTACHMENTS_PER_REQUEST,
  normalizeContentType,
  PENDING_TAG,
  sanitizeFileName,
  taggingXml,
} from '#shared/domain/attachment';
import { BusinessRuleError } from '#shared/domain/errors';
import { defaultSettings } from '#shared/domain/settings';

const settings = defaultSettings('shop@example.com').refunds.attachments;
const now = '2026-11-21T10:00:00.000Z';
const nowSeconds = Date.parse(now) / 1000;

const refusedWith = (fn: () => unknown): BusinessRuleError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BusinessRuleError);
    return error as BusinessRuleError;
  }
  throw new Error('expected a BusinessRuleError');
};

const pending = (overrides: Partial<Attachment> = {}): Attachment => ({
  ...buildAttachment({ fileName: 'photo.jpg', contentType: 'image/jpeg', size: 1234 }, { id: 'att_1', customerId: 'c1', now }),
  ...overrides,
});

describe('upload rules from settings', () => {
  it('accepts an allowed type up to exactly maxBytes, types compared case-insensitively and without parameters', () => {
    expect(() => checkUploadAllowed(settings, { contentType: 'image/png', size: settings.maxBytes })).not.toThrow();
    expect(() => checkUploadAllowed(settings, { contentType: 'Image/JPEG; charset=binary', size: 1 })).not.toThrow();
  });

  it('refuses everything when attachments are switched off', () => {
    const error = refusedWith(() => checkUploadAllowed({ ...settings, enabled: false }, { contentType: 'image/png', size: 1 }));
    expect(error.details.rule).toBe('attachments_disabled');
  });

  it('refuses a type not in the list, naming contentType', () => {
    const error = refusedWith(() => checkUploadAllowed(settings, { contentType: 'text/html', size: 1 }));
    expect(error.details.rule).toBe('content_type_not_allowed');
    expect(error.details.errors).toEqual([{ path: 'contentType', message: expect.stringContaining('image/jpeg') }]);
  });

  it('refuses one byte over maxBytes, naming size', () => {
    const error = refusedWith(() => checkUploadAllowed({ ...settings, maxBytes: 100 }, { contentType: 'application/pdf', size: 101 }));
    expect(error.details.rule).toBe('attachment_too_large');
    expect(error.details.errors).toEqual([{ path: 'size', message: 'must be at most 100 bytes' }]);
  });

  it('validates the body shape: integer size ≥ 1, a MIME type, a name', () => {
    expect(CreateAttachmentBody.safeParse({ fileName: 'a.png', contentType: 'image/png', size: 10 }).success).toBe(true);
    for (const bad of [
      { fileName: 'a.png', contentType: 'image/png', size: 10.5 },
      { fileName: 'a.png', contentType: 'image/png', size: 0 },
      { fileName: 'a.png', contentType: 'png', size: 10 },
      { fileName: '  ', contentType: 'image/png', size: 10 },
      { contentType: 'image/png', size: 10 },
    ]) {
      expect(CreateAttachmentBody.safeParse(bad).success).toBe(false);
    }
  });
});

describe('keys and names', () => {
  it('scopes the key to the owner and never lets the customer id add path segments', () => {
    expect(attachmentKey('c1', 'att_1')).toBe('attachments/c1/att_1');
    expect(attachmentKey('../x/y', 'att_1')).toBe('attachments/..%2Fx%2Fy/att_1');
  });

  it('keeps only the base name, without control or bidi characters, bounded', () => {
    expect(sanitizeFileName('C:\\Users\\ada\\photo.jpg')).toBe('photo.jpg');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('in\u202Egpj.exe')).toBe('ingpj.exe');
    expect(sanitizeFileName('a\r\nb\tc   d.png')).toBe('abc d.png');
    expect(sanitizeFileName('dir/')).toBe('attachment');
    expect(sanitizeFileName('..')).toBe('attachment');
    expect(sanitizeFileName('.')).toBe('attachment');
    expect([...sanitizeFileName(`${'é'.repeat(300)}.png`)]).toHaveLength(200);
  });

  it('builds a download Content-Disposition with a safe ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('receipt.pdf')).toBe(`attachment; filename="receipt.pdf"; filename*=UTF-8''receipt.pdf`);
    expect(contentDisposition('my "best"; photo.jpg')).toBe(`attachment; filename="my _best__ photo.jpg"; filename*=UTF-8''my%20%22best%22%3B%20photo.jpg`);
    // A backslash is a Windows path separator: only the base name survives.
    expect(contentDisposition('dir\\x.jpg')).toBe(`attachment; filename="x.jpg"; filename*=UTF-8''x.jpg`);
    expect(contentDisposition('Größe (1).png')).toBe(`attachment; filename="Gr__e (1).png"; filename*=UTF-8''Gr%C3%B6%C3%9Fe%20%281%29.png`);
  });

  it('recognises attachment ids', () => {
    expect(isAttachmentId('att_01JD2X')).toBe(true);
    expect(isAttachmentId('ret_01JD2X')).toBe(false);
    expect(isAttachmentId('att_')).toBe(false);
    expect(isAttachmentId(`att_${'x'.repeat(61)}`)).toBe(false);
  });

  it('writes the pending tag as S3 tagging XML', () => {
    expect(taggingXml(PENDING_TAG)).toBe('<Tagging><TagSet><Tag><Key>state</Key><Value>pending</Value></Tag></TagSet></Tagging>');
  });

  it('normalizes MIME types', () => {
    expect(normalizeContentType(' IMAGE/PNG ; q=1')).toBe('image/png');
    expect(normalizeContentType('')).toBe('');
  });
});

describe('the attachment record', () => {
  it('is pending, owned, keyed by id, with a bind deadline and a clean name', () => {
    const attachment = buildAttachment({ fileName: 'a/b/Photo 1.JPG', contentType: 'Image/JPEG', size: 5 }, { id: 'att_9', customerId: 'c9', now });
    expect(attachment).toEqual({
      id: 'att_9',
      customerId: 'c9',
      fileName: 'Photo 1.JPG',
      contentType: 'image/jpeg',
      size: 5,
      key: 'attachments/c9/att_9',
      state: 'pending',
      returnId: null,
      createdAt: now,
      expiresAt: nowSeconds + BIND_WINDOW_SECONDS,
      version: 1,
    });
    expect(attachmentMeta(attachment)).toEqual({ id: 'att_9', fileName: 'Photo 1.JPG', contentType: 'image/jpeg', size: 5, state: 'pending', createdAt: now });
  });
});

describe('binding checks', () => {
  const object = { size: 1234, contentType: 'image/jpeg' };

  it('accepts the owner’s pending upload whose object matches', () => {
    expect(bindRefusal(pending(), 'c1', object, nowSeconds)).toBeUndefined();
    expect(bindRefusal(pending({ expiresAt: undefined }), 'c1', { size: 1234, contentType: 'IMAGE/JPEG' }, nowSeconds)).toBeUndefined();
  });

  it('answers the same for a missing and for someone else’s attachment', () => {
    const missing = bindRefusal(undefined, 'c1', object, nowSeconds);
    const foreign = bindRefusal(pending(), 'c2', object, nowSeconds);
    expect(missing).toEqual({ rule: 'attachment_not_found', message: 'is not an attachment you uploaded' });
    expect(foreign).toEqual(missing);
  });

  it('refuses a bound, an expired, a never-uploaded and a mismatched upload', () => {
    expect(bindRefusal(pending({ state: 'bound', returnId: 'ret_1' }), 'c1', object, nowSeconds)?.rule).toBe('attachment_already_bound');
    expect(bindRefusal(pending({ expiresAt: nowSeconds }), 'c1', object, nowSeconds)?.rule).toBe('attachment_expired');
    expect(bindRefusal(pending(), 'c1', undefined, nowSeconds)?.rule).toBe('attachment_not_uploaded');
    expect(bindRefusal(pending(), 'c1', { size: 1233, contentType: 'image/jpeg' }, nowSeconds)).toEqual({
      rule: 'attachment_mismatch',
      message: 'the uploaded file has 1233 bytes, but 1234 were declared',
    });
    expect(bindRefusal(pending(), 'c1', { size: 1234, contentType: 'text/html' }, nowSeconds)?.message).toBe(
      'the uploaded file is text/html, but image/jpeg was declared',
    );
    expect(bindRefusal(pending(), 'c1', { size: 1234, contentType: undefined }, nowSeconds)?.message).toBe(
      'the uploaded file is untyped, but image/jpeg was declared',
    );
  });

  it('refuses a list that is too long or names a file twice', () => {
    expect(() => checkAttachmentList(['att_1', 'att_2'])).not.toThrow();
    const tooMany = refusedWith(() => checkAttachmentList(Array.from({ length: MAX_ATTACHMENTS_PER_REQUEST + 1 }, (_, i) => `att_${i}`)));
    expect(tooMany.details.rule).toBe('too_many_attachments');
    const twice = refusedWith(() => checkAttachmentList(['att_1', 'att_2', 'att_1', 'att_2']));
    expect(twice.details.rule).toBe('attachment_duplicate');
    expect(twice.details.errors?.map((e) => e.path)).toEqual(['attachments.2', 'attachments.3']);
  });

  it('names every refused attachments.<i> in one 422 with the first refusal’s rule', () => {
    const error = bindError([
      { index: 1, rule: 'attachment_not_uploaded', message: 'has not been uploaded yet' },
      { index: 3, rule: 'attachment_not_found', message: 'is not an attachment you uploaded' },
    ]);
    expect(error.details.rule).toBe('attachment_not_uploaded');
    expect(error.details.errors).toEqual([
      { path: 'attachments.1', message: 'has not been uploaded yet' },
      { path: 'attachments.3', message: 'is not an attachment you uploaded' },
    ]);
    expect(bindError([]).details.rule).toBe('attachment_not_found');
  });
});
