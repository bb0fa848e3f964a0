// Lists where numpy takes array_like: each becomes np.asarray's array (a
// strong dtype: [1, 2] is int64, [1.5] float64), never a NaN scalar. The
// functions a ported program passes lists to: ufuncs, where, full, copyto,
// dot, sort/argsort/unique/searchsorted/histogram, concatenate, reshape, and
// fill's refusal of a sequence.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

import { CaseBook } from './gen.js';
import { numpyMajor } from './oracle.js';

const book = new CaseBook();
const add = (name: string, py: string, ours: () => unknown): void => book.add(name, py, ours);

const a = np.astype(np.arange(6), 'uint8');
const xa = book.input(a);
const f = np.divide(np.arange(6), 4);
const xf = book.input(f);

// ufuncs: the list is a strong int64/float64 array (uint8 + [..] is int64, as numpy)
add('add u8 list', `np.add(${xa}, [1, 2, 3, 4, 5, 6])`, () => np.add(a, [1, 2, 3, 4, 5, 6]));
add('add list list', 'np.add([1, 2], [[0.5], [1.5]])', () => np.add([1, 2], [[0.5], [1.5]]));
add('multiply f list', `np.multiply(${xf}, [2, 0.5, -1, 0, 1, 3])`, () => np.multiply(f, [2, 0.5, -1, 0, 1, 3]));
add('maximum lists', 'np.maximum([1, 5], [3, 2])', () => np.maximum([1, 5], [3, 2]));
add('isnan list', 'np.isnan([1.0, float("nan")])', () => np.isnan([1, NaN]));
add('power list exp', `np.power(${xa}, [1, 2, 0, 1, 2, 3])`, () => np.power(a, [1, 2, 0, 1, 2, 3]));
add('power list neg exp', `np.power(${xa}, [1, -2, 0, 1, 2, 3])`, () => np.power(a, [1, -2, 0, 1, 2, 3]));
add('clip list', `np.clip(${xf}, [0, 0.3, 0, 0, 0, 0], 1)`, () => np.clip(f, [0, 0.3, 0, 0, 0, 0], 1));
add('bool list', `np.logical_and(${xa}, [True, False, True, True, False, True])`,
  () => np.logical_and(a, [true, false, true, true, false, true]));
add('add list shape error', `np.add(${xa}, [1, 2])`, () => np.add(a, [1, 2]));
// where, full, copyto
// where's Python scalar is weak from NumPy 2 on (1.24 makes this int64)
if (numpyMajor() >= 2) {
  add('where list cond', `np.where([True, False, True, False, True, False], ${xa}, 0)`,
    () => np.where([true, false, true, false, true, false], a, 0));
}
add('where list values', `np.where(${xa} > 2, [9, 9, 9, 9, 9, 9], ${xa})`, () => np.where(np.greater(a, 2), [9, 9, 9, 9, 9, 9], a));
add('full list', 'np.full(3, [1, 2, 3])', () => np.full(3, [1, 2, 3]));
add('full list broadcast dtype', "np.full((2, 3), [1.5, 2, 3], dtype='uint8')", () => np.full([2, 3], [1.5, 2, 3], 'uint8'));
add('full list bad shape', 'np.full((2, 2), [1, 2, 3])', () => np.full([2, 2], [1, 2, 3]));
add('full_like list', `np.full_like(${xa}, [1, 2, 3, 4, 5, 6])`, () => np.full_like(a, [1, 2, 3, 4, 5, 6]));
add('copyto list', "(lambda o: (np.copyto(o, [1.5, 2]), o)[1])(np.zeros(2))", () => np.copyto(np.zeros(2), [1.5, 2]));
add('copyto list cast error', "(lambda o: (np.copyto(o, [1, 2]), o)[1])(np.zeros(2, 'uint8'))",
  () => np.copyto(np.zeros(2, 'uint8'), [1, 2]));
add('fill one-element list', '(lambda o: (o.fill([5]), o)[1])(np.zeros(2))', () => np.fill(np.zeros(2), [5]));
add('fill list error', '(lambda o: (o.fill([1, 2]), o)[1])(np.zeros(2))', () => np.fill(np.zeros(2), [1, 2]));
// products, sorting, counting, joining, shapes
add('dot lists', 'np.dot([1, 2], [3, 4])', () => np.dot([1, 2], [3, 4]));
add('dot list matrix', `np.dot([[1, 2], [3, 4]], [0.5, 1])`, () => np.dot([[1, 2], [3, 4]], [0.5, 1]));
add('sort list', 'np.sort([3, 1, 2])', () => np.sort([3, 1, 2]));
add('argsort list', 'np.argsort([3.5, 1, 2])', () => np.argsort([3.5, 1, 2]));
add('unique list', 'np.unique([3, 1, 1, 2])', () => np.unique([3, 1, 1, 2]));
add('searchsorted list', 'np.searchsorted([1, 2, 3], 2.5)', () => np.searchsorted([1, 2, 3], 2.5));
add('histogram list', 'np.histogram([1, 2, 2, 3], 3)', () => np.histogram([1, 2, 2, 3], 3));
add('concatenate lists', 'np.concatenate([[1, 2], [3]])', () => np.concatenate([[1, 2], [3]]));
add('reshape list', 'np.reshape([1, 2, 3, 4], (2, 2))', () => np.reshape([1, 2, 3, 4], [2, 2]));
// reductions (their TypeScript signatures take arrays; JavaScript callers pass lists as to numpy)
const red = np as unknown as Record<string, (...args: unknown[]) => unknown>;
add('sum list', 'np.sum([1, 2, 3])', () => red.sum([1, 2, 3]));
add('sum list axis', 'np.sum([[1, 2], [3, 4.5]], axis=0)', () => red.sum([[1, 2], [3, 4.5]], { axis: 0 }));
add('mean list', 'np.mean([1, 2, 4])', () => red.mean([1, 2, 4]));
add('std list', 'np.std([1.0, 2, 4])', () => red.std([1, 2, 4]));
add('var list', 'np.var([1.0, 2, 4])', () => red.var([1, 2, 4]));
add('median list', 'np.median([3, 1, 2, 10])', () => red.median([3, 1, 2, 10]));
add('argmax list', 'np.argmax([3, 9, 2])', () => red.argmax([3, 9, 2]));
add('cumsum list', 'np.cumsum([1, 2, 3])', () => red.cumsum([1, 2, 3]));
add('average weights list', `np.average(${xf}, weights=[1, 1, 1, 1, 1, 2])`, () => red.average(f, { weights: [1, 1, 1, 1, 1, 2] }));
add('max list', 'np.max([1.5, -2])', () => red.max([1.5, -2]));

const want = book.ask();

test('lists are array_like, as numpy', () => {
  const { count, failures } = book.failures(want, () => true);
  assert.equal(failures, [], `${failures.length} of ${count} differ:\n${failures.slice(0, 15).join('\n')}`);
});

test('an object that is neither an array, a list nor a scalar is a TypeError naming the function', () => {
  const sort = np.sort as unknown as (x: unknown) => unknown;
  assert.throws(() => sort({ length: 3 }), (e: Error) => e instanceof TypeError && /^np\.sort: the first argument must be an np array or a list; got an object$/.test(e.message));
  const isclose = np.isclose as unknown as (x: unknown, y: unknown) => unknown;
  assert.throws(() => isclose('1', 1), (e: Error) => e instanceof TypeError &&
    /^np\.isclose: the first argument must be an np array, a list, a number, a bigint or a boolean; got the string '1'$/.test(e.message));
});

test('every case added is compared with numpy by some test', () => {
  assert.equal(book.unchecked(), []);
});

test.run();
