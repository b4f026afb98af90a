import { describe, expect, it } from 'vitest';
import { COMMENT_COPY_BUDGET, planCommentCopy } from '#shared/domain/comment-copies';
import type { ReturnComment } from '#shared/domain/return-request';
import { stripKeys } from '#shared/domain/stored-item';

const comment = (id: string, body = 'Box dented'): ReturnComment => ({
  id,
  body,
  visibleToCustomer: true,
  submittedBy: 'admin:a',
  createdAt: '2026-11-30T10:00:00.000Z',
});
const bytes = (c: ReturnComment) => Buffer.byteLength(JSON.stringify(c));

describe('comment copies', () => {
  it('appends to a complete copy while the count leaves room, with the room the write must still find', () => {
    const added = comment('cmt_2');
    expect(planCommentCopy({ copied: true, bytes: 100 }, [comment('cmt_1')], [added])).toEqual({
      kind: 'append',
      comments: [added],
      bytes: bytes(added),
      room: COMMENT_COPY_BUDGET - bytes(added),
    });
  });

  it('counts UTF-8 bytes, not characters, and drops the copy once over budget, or when there is none', () => {
    const long = comment('cmt_9', '€'.repeat(2000));
    expect(bytes(long)).toBeGreaterThan(6000);
    expect(planCommentCopy({ copied: true, bytes: COMMENT_COPY_BUDGET - 6000 }, [], [long])).toEqual({ kind: 'drop', bytes: bytes(long) });
    expect(planCommentCopy({ copied: true, bytes: COMMENT_COPY_BUDGET - bytes(long) }, [], [long]).kind).toBe('append');
    expect(planCommentCopy({ copied: false, bytes: 10 }, [], [comment('cmt_3')]).kind).toBe('drop');
  });

  it('gives a request stored before copies its first count, with every comment when they fit', () => {
    const [old, added] = [comment('cmt_1'), comment('cmt_2')];
    expect(planCommentCopy({ copied: false, bytes: undefined }, [old], [added])).toEqual({
      kind: 'first',
      copy: [old, added],
      bytes: bytes(old) + bytes(added),
    });
    expect(planCommentCopy({ copied: false, bytes: undefined }, [], [])).toEqual({ kind: 'first', copy: [], bytes: 0 });
    const many = Array.from({ length: 12 }, (_, i) => comment(`cmt_${i}`, '€'.repeat(2000)));
    const over = planCommentCopy({ copied: false, bytes: undefined }, many, []);
    expect([over.kind, 'copy' in over && over.copy, over.bytes > COMMENT_COPY_BUDGET]).toEqual(['first', undefined, true]);
  });

  it('never shows the copy or its count: they are the table’s own attributes', () => {
    expect(stripKeys({ id: 'ret_1', commentCopies: [comment('cmt_1')], commentBytes: 120, PK: 'x' })).toEqual({ id: 'ret_1' });
  });
});
