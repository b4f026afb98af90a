import { describe, expect, it } from 'vitest';
import { BusinessRuleError, ValidationError } from '#shared/domain/errors';
import {
  buildReason,
  CreateReasonBody,
  checkReasonUsable,
  codeFromLabel,
  DEFAULT_REASONS,
  DEFAULTS_CREATED_AT,
  defaultReason,
  mergeReasons,
  type Reason,
  Reason as ReasonSchema,
  UpdateReasonBody,
  updateReason,
} from '#shared/domain/reason';

const now = '2026-11-21T10:00:00.000Z';
const later = '2026-11-22T10:00:00.000Z';

const custom = (over: Partial<Reason> = {}): Reason => ({
  id: 'rsn_01CUSTOM',
  kind: 'return',
  code: 'too_small',
  label: 'Too small',
  maxDays: 14,
  active: true,
  createdAt: now,
  updatedAt: now,
  version: 1,
  ...over,
});

const ruleOf = (fn: () => unknown): { rule: unknown; errors: unknown } => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BusinessRuleError);
    const { rule, errors } = (error as BusinessRuleError).details;
    return { rule, errors };
  }
  throw new Error('expected a BusinessRuleError');
};

describe('default reasons', () => {
  it('cover both kinds with valid, unique ids and unique codes per kind', () => {
    for (const reason of DEFAULT_REASONS) expect(ReasonSchema.parse(reason)).toEqual(reason);
    expect(new Set(DEFAULT_REASONS.map((r) => r.id)).size).toBe(DEFAULT_REASONS.length);
    for (const kind of ['return', 'cancellation'] as const) {
      const codes = DEFAULT_REASONS.filter((r) => r.kind === kind).map((r) => r.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes).toContain('other');
    }
    expect(DEFAULT_REASONS.filter((r) => r.kind === 'cancellation').map((r) => r.code)).toEqual([
      'changed_my_mind',
      'ordered_by_mistake',
      'found_better_price',
      'delivery_too_slow',
      'other',
    ]);
    expect(DEFAULT_REASONS.filter((r) => r.kind === 'return').map((r) => r.code)).toEqual([
      'damaged',
      'wrong_item',
      'doesnt_fit',
      'not_as_described',
      'no_longer_needed',
      'other',
    ]);
    expect(DEFAULT_REASONS.every((r) => r.active && r.version === 1 && r.maxDays === null && r.createdAt === DEFAULTS_CREATED_AT)).toBe(true);
  });

  it('are found by id, and nothing else is', () => {
    expect(defaultReason('rsn_retdamaged')?.code).toBe('damaged');
    expect(defaultReason('rsn_01NOPE')).toBeUndefined();
  });
});

describe('codeFromLabel', () => {
  it('slugs labels, accents and punctuation included', () => {
    expect(codeFromLabel('Found a better price!')).toBe('found_a_better_price');
    expect(codeFromLabel('  Trop  petit — désolé ')).toBe('trop_petit_desole');
    expect(codeFromLabel('???')).toBe('reason');
    expect(codeFromLabel('x'.repeat(70))).toHaveLength(64);
    expect(codeFromLabel(`${'a'.repeat(63)} b`)).toBe('a'.repeat(63));
  });
});

describe('buildReason', () => {
  it('fills defaults: derived code, no own window, active, version 1', () => {
    const body = CreateReasonBody.parse({ kind: 'return', label: 'Too small' });
    expect(buildReason(body, { id: 'rsn_01A', now })).toEqual({
      id: 'rsn_01A',
      kind: 'return',
      code: 'too_small',
      label: 'Too small',
      maxDays: null,
      active: true,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  });

  it('keeps what was given', () => {
    const body = CreateReasonBody.parse({ kind: 'cancellation', code: 'dup', label: 'Duplicate order', maxDays: 7, active: false });
    expect(buildReason(body, { id: 'rsn_01B', now })).toMatchObject({ code: 'dup', maxDays: 7, active: false });
  });

  it('refuses bad bodies field by field', () => {
    const result = CreateReasonBody.safeParse({ kind: 'refund', code: 'has space', label: '', maxDays: 1.5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['code', 'kind', 'label', 'maxDays']);
  });
});

describe('updateReason', () => {
  it('changes only what the body names and moves the version on', () => {
    const next = updateReason(custom(), UpdateReasonBody.parse({ active: false }), later);
    expect(next).toEqual({ ...custom(), active: false, updatedAt: later, version: 2 });
  });

  it('accepts a whole reason, and clears maxDays with null', () => {
    const body = UpdateReasonBody.parse({ kind: 'cancellation', code: 'x', label: 'X', maxDays: null, active: true });
    expect(updateReason(custom(), body, later)).toMatchObject({ kind: 'cancellation', code: 'x', label: 'X', maxDays: null, version: 2 });
  });

  it('refuses an empty change', () => {
    expect(() => updateReason(custom(), UpdateReasonBody.parse({}), later)).toThrow(ValidationError);
  });
});

describe('checkReasonUsable', () => {
  it('accepts an active reason of the right kind', () => {
    expect(checkReasonUsable(custom(), 'rsn_01CUSTOM', 'return')).toEqual(custom());
  });

  it('refuses an unknown reason, naming the field', () => {
    expect(ruleOf(() => checkReasonUsable(undefined, 'rsn_01X', 'return', 'items.0.reasonId'))).toEqual({
      rule: 'reason_unknown',
      errors: [{ path: 'items.0.reasonId', message: 'names no reason' }],
    });
  });

  it('refuses a reason of the other kind', () => {
    expect(ruleOf(() => checkReasonUsable(custom(), 'rsn_01CUSTOM', 'cancellation')).rule).toBe('reason_unknown');
  });

  it('refuses an inactive reason', () => {
    expect(ruleOf(() => checkReasonUsable(custom({ active: false }), 'rsn_01CUSTOM', 'return'))).toEqual({
      rule: 'reason_inactive',
      errors: [{ path: 'reasonId', message: 'names an inactive reason' }],
    });
  });
});

describe('mergeReasons', () => {
  const edited = { ...(defaultReason('rsn_retdamaged') as Reason), label: 'Broken', version: 2 };
  const older = custom({ id: 'rsn_01OLD', createdAt: '2026-11-01T00:00:00.000Z' });
  const off = custom({ id: 'rsn_01OFF', active: false, createdAt: '2026-11-02T00:00:00.000Z' });
  const cxl = custom({ id: 'rsn_01CXL', kind: 'cancellation' });

  it('puts defaults first (stored edits win), then the shop’s own oldest first', () => {
    const list = mergeReasons([custom(), edited, off, older], 'return', false);
    expect(list.map((r) => r.id)).toEqual([...DEFAULT_REASONS.filter((r) => r.kind === 'return').map((r) => r.id), 'rsn_01OLD', 'rsn_01OFF', 'rsn_01CUSTOM']);
    expect(list[0]).toEqual(edited);
  });

  it('filters by kind and by activity', () => {
    const active = mergeReasons([off, cxl, { ...edited, active: false }], undefined, true);
    expect(active.map((r) => r.id)).not.toContain('rsn_01OFF');
    expect(active.map((r) => r.id)).not.toContain('rsn_retdamaged');
    expect(active.map((r) => r.id)).toContain('rsn_01CXL');
    expect(mergeReasons([cxl], 'cancellation', true).every((r) => r.kind === 'cancellation')).toBe(true);
    expect(mergeReasons([], undefined, false)).toHaveLength(DEFAULT_REASONS.length);
  });
});

describe('mergeReasons with an edited default that changed kind', () => {
  it('lists it under its new kind only', () => {
    const moved = { ...(defaultReason('rsn_retother') as Reason), kind: 'cancellation' as const, code: 'other_moved', version: 2 };
    expect(mergeReasons([moved], 'return', false).map((r) => r.id)).not.toContain('rsn_retother');
    expect(mergeReasons([moved], 'cancellation', false)).toContainEqual(moved);
  });
});
