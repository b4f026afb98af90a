// The API's RFC 9457 problem+json, as the app sees it: a typed error every
// screen can show (a field's message beside the field, a 409's allowed
// transitions as the choices).
import type { FieldError } from '#shared/domain/errors';
import type { Problem } from '#shared/http/problem';
import { t } from '../i18n/locale.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get fieldErrors(): readonly FieldError[] {
    return this.problem.errors ?? [];
  }

  /** What a 409 says the resource may move to instead. */
  get allowedTransitions(): readonly string[] {
    const allowed = this.problem.allowedTransitions;
    return Array.isArray(allowed) ? allowed.filter((a): a is string => typeof a === 'string') : [];
  }
}

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number' && typeof (value as Problem).title === 'string';

/** Any failed response as an ApiError: a problem+json body as sent, anything else (a proxy's HTML) summarised. */
export const errorFromResponse = async (response: Response): Promise<ApiError> => {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isProblem(body)) return new ApiError({ ...body, errors: (Array.isArray(body.errors) ? body.errors : []).map(inPlainWords) });
  return new ApiError({ type: 'about:blank', title: response.statusText || t('web.error.requestFailed'), status: response.status, detail: '', errors: [] });
};

/** A network failure (offline, CORS, DNS) as a problem, so screens handle one error type. */
export const networkError = (error: unknown): ApiError =>
  new ApiError({
    type: 'about:blank',
    title: t('web.error.network'),
    status: 0,
    detail: t('web.error.networkDetail', { cause: error instanceof Error ? error.message : 'none' }),
    errors: [],
  });

/**
 * The validator's wording as a person reads it beside a field, in the
 * reader's language: "Too small: expected array to have >=1 items" is "choose
 * at least one" (`web.field.chooseAtLeast`). problem+json's title and detail
 * stay as the server wrote them (English); messages the server wrote for
 * people (a business rule's "must be at most 450") pass as sent.
 */
const PLAIN: readonly (readonly [RegExp, (...groups: string[]) => string])[] = [
  [/^Too small: expected (?:array|set) to have >=?1 items?$/, () => t('web.field.chooseAtLeast', { n: 1 })],
  [/^Too small: expected (?:array|set) to have >=?(\d+) items?$/, (n) => t('web.field.chooseAtLeast', { n: Number(n) })],
  [/^Too big: expected (?:array|set) to have <=?(\d+) items?$/, (n) => t('web.field.chooseAtMost', { n: Number(n) })],
  [/^Too small: expected string to have >=?1 characters?$/, () => t('web.field.required')],
  [/^Too small: expected string to have >=?(\d+) characters?$/, (n) => t('web.field.minLength', { n: Number(n) })],
  [/^Too big: expected string to have <=?(\d+) characters?$/, (n) => t('web.field.maxLength', { n: Number(n) })],
  [/^Too small: expected (?:number|int) to be >0$/, () => t('web.field.positive')],
  [/^Too small: expected (?:number|int) to be >=(-?\d+)$/, (n) => t('web.field.min', { n: Number(n) })],
  [/^Too big: expected (?:number|int) to be <=(-?\d+)$/, (n) => t('web.field.max', { n: Number(n) })],
  [/^Invalid input: expected \w+, received (?:undefined|null)$/, () => t('web.field.required')],
  [/^Invalid input: expected int, received number$/, () => t('web.field.wholeNumber')],
  [/^Invalid input: expected number, received \w+$/, () => t('web.field.number')],
  [/^Invalid input: expected boolean, received \w+$/, () => t('web.field.yesNo')],
  [/^Invalid option: expected one of .*$/, () => t('web.field.option')],
  [/^Invalid (?:email|email address)$/i, () => t('web.field.email')],
  [/^Invalid (?:url|URL)$/, () => t('web.field.url')],
  [/^Invalid ISO datetime$|^Invalid ISO date$/, () => t('web.field.date')],
  [/^Unrecognized keys?: .*$/, () => t('web.field.unknownKey')],
];

const inPlainWords = (error: FieldError): FieldError => {
  for (const [pattern, say] of PLAIN) {
    const match = pattern.exec(error.message);
    if (match) return { path: error.path, message: say(...match.slice(1)) };
  }
  return error;
};

/**
 * The one field-error mapper: a form whose fields are not named like the
 * body it sends (one form per item on a page, a list typed as one field,
 * lines named by their place in the order) says where each server error goes.
 * `place` answers the form's field for a server error, message included.
 * Rethrows anything that is not an ApiError untouched.
 */
export const onFormFields =
  (place: (error: FieldError) => FieldError) =>
  (error: unknown): never => {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError({ ...error.problem, errors: error.fieldErrors.map(place) });
  };
