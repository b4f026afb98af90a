import { describe, expect, it } from 'vitest';
import { buildNote, CreateNoteBody, OrderNote } from '#shared/domain/note';

const ctx = { id: 'note_01A', orderId: 'ord_01A', author: 'admin:a', now: '2026-11-21T10:00:00.000Z' };

describe('order note', () => {
  it('is private unless said otherwise', () => {
    const note = buildNote(CreateNoteBody.parse({ body: '  Fraud check passed ' }), ctx);
    expect(note).toStrictEqual({
      id: 'note_01A',
      orderId: 'ord_01A',
      body: 'Fraud check passed',
      visibility: 'private',
      author: 'admin:a',
      createdAt: '2026-11-21T10:00:00.000Z',
    });
  });

  it('keeps a customer note as such, in the pinned shape', () => {
    const note = buildNote(CreateNoteBody.parse({ body: 'Leaves tomorrow', visibility: 'customer' }), ctx);
    expect(OrderNote.parse(note)).toEqual(note);
    expect(Object.keys(note).sort()).toEqual(['author', 'body', 'createdAt', 'id', 'orderId', 'visibility']);
    expect(note.visibility).toBe('customer');
  });

  it('refuses empty or oversized bodies and unknown visibilities', () => {
    const result = CreateNoteBody.safeParse({ body: ' ', visibility: 'public' });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['body', 'visibility']);
    expect(CreateNoteBody.safeParse({ body: 'x'.repeat(5001) }).success).toBe(false);
    expect(CreateNoteBody.safeParse({ body: 'x'.repeat(5000) }).success).toBe(true);
  });
});
