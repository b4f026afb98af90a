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
    expect(planCommentCopy({ copied: true, bytes: 100 }, [added])).toEqual({
      kind: 'append',
      comments: [added],
      bytes: bytes(added),
      room: COMMENT_COPY_BUDGET - bytes(added),
    });
  });

  it('counts UTF-8 bytes, not characters, and drops the copy once over budget, or when there is none', () => {
    const long = comment('cmt_9', '€'.repeat(2000));
    expect(bytes(long)).toBeGreaterThan(6000);
    expect(planCommentCopy({ copied: true, bytes: COMMENT_COPY_BUDGET - 6000 }, [long])).toEqual({ kind: 'drop', bytes: bytes(long) });
    expect(planCommentCopy({ copied: true, bytes: COMMENT_COPY_BUDGET - bytes(long) }, [long]).kind).toBe('append');
    expect(planCommentCopy({ copied: false, bytes: 10 }, [comment('cmt_3')]).kind).toBe('drop');
  });

  it('never shows the copy or its count: they are the table’s own attributes', () => {
    expect(stripKeys({ id: 'ret_1', commentCopies: [comment('cmt_1')], commentBytes: 120, PK: 'x' })).toEqual({ id: 'ret_1' });
  });
});
