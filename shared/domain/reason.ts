// Managed reason lists (seed 002's custom return options, seed 003's reason
// tables): what a customer picks when cancelling or returning. Pure: ids and
// time are passed in.
import * as z from 'zod/mini';
import { type Locale, SUPPORTED_LOCALES } from '../i18n/locales.ts';
import { BusinessRuleError, ConflictError, type FieldError, ValidationError } from './errors.ts';
import { lazy, pure } from './pure.ts';
import { Id, Text, Timestamp, Version } from './schema-kit.ts';

export const REASON_KINDS = ['return', 'cancellation'] as const;
export const ReasonKind = /* @__PURE__ */ lazy(() => z.enum(REASON_KINDS));
export type ReasonKind = z.infer<typeof ReasonKind>;

export const ReasonCode = /* @__PURE__ */ lazy(() =>
  z
    .string()
    .check(z.trim(), z.maxLength(64, { abort: true }), z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1 to 64 letters, digits, "_", "." or "-"')),
);
/** The label in other languages, by locale (`{de: "Gefällt mir nicht"}`); `label` is the fallback. */
export const ReasonLabels = /* @__PURE__ */ lazy(() =>
  z
    // One optional field per supported locale; any other key is a 400.
    .strictObject(
      Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, z.optional(Text(200))])) as Record<Locale, z.ZodMiniOptional<ReturnType<typeof Text>>>,
    )
    .clone()
    .register(z.globalRegistry, { description: 'The label per locale; a locale without one reads `label`.', example: { de: 'Passt nicht' } }),
);
export type ReasonLabels = z.infer<typeof ReasonLabels>;

/** A reason's own return window in days; null means the shop's `returns.maxDays`. */
export const MaxDays = /* @__PURE__ */ lazy(() => z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(3650))));

export const Reason = /* @__PURE__ */ lazy(() =>
  z
    .object({
      id: Id('rsn'),
      kind: ReasonKind,
      code: z.string(),
      label: z.string(),
      labels: z.optional(ReasonLabels),
      maxDays: z.nullable(z.number().check(z.int())),
      active: z.boolean(),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      version: Version,
    })
    .clone()
    .register(z.globalRegistry, { id: 'Reason' }),
);
export type Reason = z.infer<typeof Reason>;

export const CreateReasonBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      kind: ReasonKind,
      code: z
        .optional(ReasonCode)
        .clone()
        .register(z.globalRegistry, { description: 'Stable machine code, unique per kind; derived from the label when absent.' }),
      label: Text(200),
      labels: z.optional(ReasonLabels),
      maxDays: z.optional(MaxDays),
      active: z.optional(z.boolean()),
    })
    .clone()
    .register(z.globalRegistry, { id: 'CreateReasonBody' }),
);
export type CreateReasonBody = z.infer<typeof CreateReasonBody>;

/** A PUT may send the whole reason or only what changes. */
export const UpdateReasonBody = /* @__PURE__ */ lazy(() =>
  z
    .object({
      kind: z.optional(ReasonKind),
      code: z.optional(ReasonCode),
      label: z.optional(Text(200)),
      labels: z.optional(ReasonLabels),
      maxDays: z.optional(MaxDays),
      active: z.optional(z.boolean()),
    })
    .clone()
    .register(z.globalRegistry, { id: 'UpdateReasonBody' }),
);
export type UpdateReasonBody = z.infer<typeof UpdateReasonBody>;

/**
 * Defaults of a fresh install. They are code, not seeded rows: a reason an admin
 * never touched is read from here, and the first PUT stores it (version 2).
 * Nothing has to be written at install time, so no two first readers can race
 * to seed the table. Their `createdAt` is the product's first release.
 */
export const DEFAULTS_CREATED_AT = '2026-01-01T00:00:00.000Z';

/** The defaults' labels in every shipped language, beside the presets they belong to: data an admin may edit, not UI text. */
const PRESET_LABELS: Readonly<Record<string, Readonly<Record<Exclude<Locale, 'en'>, string>>>> = {
  changed_my_mind: { de: 'Ich habe es mir anders überlegt', fr: 'J’ai changé d’avis', es: 'He cambiado de opinión', 'pt-BR': 'Mudei de ideia' },
  ordered_by_mistake: { de: 'Versehentlich bestellt', fr: 'Commandé par erreur', es: 'Lo pedí por error', 'pt-BR': 'Pedi por engano' },
  found_better_price: {
    de: 'Anderswo günstiger gefunden',
    fr: 'Trouvé moins cher ailleurs',
    es: 'Lo encontré más barato',
    'pt-BR': 'Encontrei um preço melhor',
  },
  delivery_too_slow: {
    de: 'Lieferung dauert zu lange',
    fr: 'Livraison trop lente',
    es: 'La entrega tarda demasiado',
    'pt-BR': 'A entrega está demorando demais',
  },
  other: { de: 'Sonstiges', fr: 'Autre', es: 'Otro motivo', 'pt-BR': 'Outro motivo' },
  damaged: {
    de: 'Beschädigt oder defekt angekommen',
    fr: 'Arrivé endommagé ou défectueux',
    es: 'Llegó dañado o defectuoso',
    'pt-BR': 'Chegou danificado ou com defeito',
  },
  wrong_item: { de: 'Falschen Artikel erhalten', fr: 'Mauvais article reçu', es: 'Recibí un artículo equivocado', 'pt-BR': 'Recebi o item errado' },
  doesnt_fit: { de: 'Passt nicht', fr: 'Ne me va pas', es: 'No me queda bien', 'pt-BR': 'Não serviu' },
  not_as_described: {
    de: 'Entspricht nicht der Beschreibung',
    fr: 'Non conforme à la description',
    es: 'No es como se describía',
    'pt-BR': 'Diferente do anunciado',
  },
  no_longer_needed: { de: 'Nicht mehr benötigt', fr: 'Je n’en ai plus besoin', es: 'Ya no lo necesito', 'pt-BR': 'Não preciso mais' },
};

const preset = (id: string, kind: ReasonKind, code: string, label: string): Reason => ({
  id,
  kind,
  code,
  label,
  labels: { en: label, ...PRESET_LABELS[code] },
  maxDays: null,
  active: true,
  createdAt: DEFAULTS_CREATED_AT,
  updatedAt: DEFAULTS_CREATED_AT,
  version: 1,
});

/** The reason recorded when the shop cancels through a status change, which names none. */
export const OTHER_CANCELLATION_REASON = 'rsn_cxlother';

export const DEFAULT_REASONS: readonly Reason[] = /* @__PURE__ */ pure(() => [
  preset('rsn_cxlchangedmind', 'cancellation', 'changed_my_mind', 'Changed my mind'),
  preset('rsn_cxlmistake', 'cancellation', 'ordered_by_mistake', 'Ordered by mistake'),
  preset('rsn_cxlbetterprice', 'cancellation', 'found_better_price', 'Found a better price'),
  preset('rsn_cxlslowdelivery', 'cancellation', 'delivery_too_slow', 'Delivery is too slow'),
  preset(OTHER_CANCELLATION_REASON, 'cancellation', 'other', 'Other'),
  preset('rsn_retdamaged', 'return', 'damaged', 'Arrived damaged or defective'),
  preset('rsn_retwrongitem', 'return', 'wrong_item', 'Wrong item received'),
  preset('rsn_retdoesntfit', 'return', 'doesnt_fit', "Doesn't fit"),
  preset('rsn_retnotasdescribed', 'return', 'not_as_described', 'Not as described'),
  preset('rsn_retnolongerneeded', 'return', 'no_longer_needed', 'No longer needed'),
  preset('rsn_retother', 'return', 'other', 'Other'),
]);

export const defaultReason = (id: string): Reason | undefined => DEFAULT_REASONS.find((r) => r.id === id);

/** `Found a better price!` → `found_a_better_price`. */
export const codeFromLabel = (label: string): string => {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64)
    .replace(/_+$/, '');
  return slug === '' ? 'reason' : slug;
};

export interface NewReasonIds {
  readonly id: string;
  readonly now: string;
}

export const buildReason = (body: CreateReasonBody, { id, now }: NewReasonIds): Reason => ({
  id,
  kind: body.kind,
  code: body.code ?? codeFromLabel(body.label),
  label: body.label,
  ...(body.labels ? { labels: body.labels } : {}),
  maxDays: body.maxDays ?? null,
  active: body.active ?? true,
  createdAt: now,
  updatedAt: now,
  version: 1,
});

/** Applies a PUT: unspecified fields keep their value; the version moves on. */
export const updateReason = (current: Reason, body: UpdateReasonBody, now: string): Reason => {
  if (Object.values(body).every((v) => v === undefined)) {
    throw new ValidationError([{ path: 'body', message: 'must change at least one of kind, code, label, labels, maxDays, active' }]);
  }
  return {
    ...current,
    kind: body.kind ?? current.kind,
    code: body.code ?? current.code,
    label: body.label ?? current.label,
    ...((body.labels ?? current.labels) ? { labels: body.labels ?? current.labels } : {}),
    maxDays: body.maxDays === undefined ? current.maxDays : body.maxDays,
    active: body.active ?? current.active,
    updatedAt: now,
    version: current.version + 1,
  };
};

/**
 * A new record may only name an active reason of the right kind; old records
 * keep whatever they named. `field` is the request path to blame.
 */
export const checkReasonUsable = (reason: Reason | undefined, id: string, kind: ReasonKind, field = 'reasonId'): Reason => {
  const errors = (message: string): { errors: FieldError[] } => ({ errors: [{ path: field, message }] });
  if (!reason) throw new BusinessRuleError('reason_unknown', `There is no reason ${id}.`, errors('names no reason'));
  if (reason.kind !== kind) {
    throw new BusinessRuleError('reason_unknown', `Reason ${id} is a ${reason.kind} reason, not a ${kind} reason.`, errors(`must be a ${kind} reason`));
  }
  if (!reason.active) throw new BusinessRuleError('reason_inactive', `Reason ${id} is no longer offered.`, errors('names an inactive reason'));
  return reason;
};

/** The reason as a reader of `locale` sees it: `label` in their language when there is one. */
export const localizeReason = (reason: Reason, locale: Locale): Reason => ({ ...reason, label: reason.labels?.[locale] ?? reason.label });

/** Defaults first (in their order, possibly edited), then the shop's own by creation. */
export const mergeReasons = (stored: readonly Reason[], kind: ReasonKind | undefined, activeOnly: boolean): Reason[] => {
  const byId = new Map(stored.map((r) => [r.id, r]));
  const defaults = DEFAULT_REASONS.map((d) => byId.get(d.id) ?? d);
  const custom = stored.filter((r) => !defaultReason(r.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return [...defaults, ...custom].filter((r) => (kind === undefined || r.kind === kind) && (!activeOnly || r.active));
};

/** A 409 naming `code`: another reason of the kind holds it (a default, or a stored reason's guard item). */
export const reasonCodeTaken = (reason: Pick<Reason, 'kind' | 'code'>): ConflictError =>
  new ConflictError(`Another ${reason.kind} reason already has the code "${reason.code}".`, {
    errors: [{ path: 'code', message: 'is already used by another reason of this kind' }],
  });

/** Whether a change moves the reason's code guard (kind and code). */
export const reasonCodeMoved = (before: Pick<Reason, 'kind' | 'code'>, after: Pick<Reason, 'kind' | 'code'>): boolean =>
  before.code !== after.code || before.kind !== after.kind;

/** Default codes are reserved by their defaults, which have no guard item until edited: `ofKind` is the kind's list, defaults merged in. */
export const checkDefaultCodeFree = (reason: Reason, ofKind: readonly Reason[]): void => {
  if (ofKind.some((r) => r.id !== reason.id && r.code === reason.code && defaultReason(r.id))) throw reasonCodeTaken(reason);
};
