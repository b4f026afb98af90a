// The back office's form helpers: typed amounts become minor units or field
// errors, and the server's field paths are renamed to the fields on the page.
import { describe, expect, it } from 'vitest';
import { amountText, onListFields, readAmounts, underPrefix } from '../../web/admin/form-kit.ts';
import { ApiError } from '../../web/api/problem.ts';

const problem = (paths: string[]) =>
  new ApiError({ type: 'about:blank', title: 'Invalid', status: 400, detail: 'bad', errors: paths.map((path) => ({ path, message: 'is wrong' })) });

const rethrown = (fn: () => never): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('back office form helpers', () => {
  it('reads each amount as minor units, an empty one as 0, and names every bad one', () => {
    expect(readAmounts({ fee: '1.50', shipping: '' }, 'USD')).toEqual({ amounts: { fee: 150, shipping: 0 }, errors: [] });
    expect(readAmounts({ fee: '1.505', shipping: 'ten' }, 'USD', (k) => `x.${k}`).errors).toEqual([
      { path: 'x.fee', message: 'must be an amount in USD, like 12.50' },
      { path: 'x.shipping', message: 'must be an amount in USD, like 12.50' },
    ]);
    expect(readAmounts({ fee: '150' }, 'JPY').amounts).toEqual({ fee: 150 });
  });

  it('writes an amount back the way it is typed', () => {
    expect([amountText(123456, 'USD'), amountText(5, 'USD'), amountText(1234, 'JPY'), amountText(1234, 'KWD')]).toEqual(['1234.56', '0.05', '1234', '1.234']);
  });

  it('puts the server’s field paths under the form’s prefix, keeping the problem', () => {
    const error = rethrown(() => underPrefix('items.2')(problem(['goodQuantity']))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.fieldErrors).toEqual([{ path: 'items.2.goodQuantity', message: 'is wrong' }]);
    expect(error.problem.detail).toBe('bad');
    const other = new Error('network');
    expect(rethrown(() => underPrefix('x')(other))).toBe(other);
  });

  it('names a list entry inside the one field that edits the list', () => {
    const error = rethrown(() => onListFields(problem(['notifications.adminEmails.1', 'shop.name']))) as ApiError;
    expect(error.fieldErrors).toEqual([
      { path: 'notifications.adminEmails', message: 'entry 2 is wrong' },
      { path: 'shop.name', message: 'is wrong' },
    ]);
  });
});
