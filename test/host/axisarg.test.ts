// The axis given positionally, as numpy users write it (np.sum(a, 1),
// np.stack(xs, -1), np.percentile(a, 50, 1)), gives exactly what the options
// form gives; anything else in the options position, and an option key the
// function does not know, is a TypeError naming the function. Before this,
// a number there was silently read as no options at all.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

/** A function called with anything in its options position (the tests pass what TypeScript would refuse). */
type Call = (arg: unknown) => unknown;

/** One function under test: its call with `arg` in the options position. */
interface Case {
  /** The function's name as the error message gives it (np.sum). */
  name: string;
  call: Call;
  /** Positional axes that change the result from the default one (each compared with `{ axis }`). */
  axes: readonly unknown[];
  /** Axes numpy allows that may give the default result (null); compared with `{ axis }` only. */
  alsoAxes?: readonly unknown[];
  /** Axis values numpy refuses in this position (a list where one axis is taken, null where it is not). */
  badAxes?: readonly unknown[];
  /** A call with known keys only (besides axis), which must work. */
  valid: Record<string, unknown>;
}

function isArray(x: unknown): x is np.NdArray {
  return typeof x === 'object' && x !== null && 'stride' in x && 'shape' in x;
}

/** Whether two results are the same: arrays of one shape, dtype and elements; lists of them; equal scalars. */
function same(x: unknown, y: unknown): boolean {
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => same(v, y[i]));
  if (isArray(x) && isArray(y)) {
    return np.dtypeOfArray(x).name === np.dtypeOfArray(y).name && np.array_equal(x, y, { equal_nan: true });
  }
  return Object.is(x, y);
}

function show(x: unknown): string {
  return Array.isArray(x) ? `[${x.map(show).join(', ')}]` : String(x);
}

/** Which value an error matcher wants to see in a message for `x`. */
const GOT = [
  ['x', "got the string 'x'"],
  [true, 'got the boolean true'],
] as const;

function throwsTypeError(f: () => unknown, pattern: RegExp, what: string): void {
  assert.throws(f, (e: Error) => e instanceof TypeError && pattern.test(e.message), what);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every check of one case: positional = options form, bad types and unknown keys refused, known keys work. */
function checkCase(c: Case): void {
  const prefix = `^${escape(c.name)}: `;
  for (const axis of c.axes) {
    const positional = c.call(axis);
    const keyword = c.call({ axis });
    assert.ok(same(positional, keyword), `${c.name}(…, ${show(axis)}) gave ${show(positional)}, { axis: ${show(axis)} } gave ${show(keyword)}`);
    assert.not.ok(same(positional, c.call(undefined)), `${c.name}: axis ${show(axis)} gives the default result, so the test would not see it ignored`);
  }
  for (const axis of c.alsoAxes ?? []) {
    assert.ok(same(c.call(axis), c.call({ axis })), `${c.name}(…, ${show(axis)}) differs from { axis: ${show(axis)} }`);
  }
  for (const [bad, got] of GOT) {
    throwsTypeError(() => c.call(bad), new RegExp(`${prefix}the \\w+ argument is the axis .*${escape(got)}$`), `${c.name} of ${show(bad)}`);
  }
  for (const bad of c.badAxes ?? []) {
    throwsTypeError(() => c.call(bad), new RegExp(`${prefix}the \\w+ argument is the axis`), `${c.name} of ${show(bad)}`);
  }
  throwsTypeError(() => c.call(np.zeros([2])), new RegExp(`${prefix}.*got an np array$`), `${c.name} of an array`);
  throwsTypeError(() => c.call({ axis: c.axes[0], keepdim: true }), new RegExp(`${prefix}unknown option 'keepdim'; the options are axis, `), `${c.name} with keepdim`);
  c.call(c.valid);
}

// ---- data: every result along axis 0, axis 1 and over all axes differs ----

/** [[3, 1, 2], [0, 5, 4]] as float64. */
const m = np.array([[3, 1, 2], [0, 5, 4]], 'float64');
/** 2 × 3 × 4, 0 … 23 as float64. */
const cube = np.reshape(np.arange(24, undefined, 1, 'float64'), [2, 3, 4]);

/** [[3, NaN, 2], [0, 5, NaN]]: the nan functions see NaN on both axes. */
const withNan = np.array([[3, NaN, 2], [0, 5, NaN]], 'float64');

const loose = (f: unknown): ((...args: unknown[]) => unknown) => f as (...args: unknown[]) => unknown;

/** A reduction over m (2-d axes) and cube (a list of axes). */
function reduction(name: string, f: unknown, data: np.NdArray = m, extra: Partial<Case> = {}): Case {
  const fn = loose(f);
  return {
    name: `np.${name}`,
    call: (arg) => fn(data, arg),
    axes: [0, 1, -1],
    alsoAxes: [null],
    valid: { axis: 1, keepdims: true },
    ...extra,
  };
}

/** The same reduction over the 3-d cube with a list of axes. */
function reductionOfAxes(name: string, f: unknown): Case {
  const fn = loose(f);
  return { name: `np.${name}`, call: (arg) => fn(cube, arg), axes: [[0, 2], [1], 2], alsoAxes: [[0, 1, 2], null], valid: {} };
}

const reduceCases: Case[] = [
  reduction('sum', np.sum, m, { valid: { axis: 1, dtype: 'float32', keepdims: true } }),
  reductionOfAxes('sum', np.sum),
  reduction('prod', np.prod),
  reductionOfAxes('prod', np.prod),
  reduction('min', np.min),
  reductionOfAxes('min', np.min),
  reduction('min', np.amin),
  reduction('max', np.max),
  reductionOfAxes('max', np.max),
  reduction('max', np.amax),
  reduction('ptp', np.ptp),
  reductionOfAxes('ptp', np.ptp),
  reduction('argmin', np.argmin, m, { badAxes: [[0], [0, 1]] }),
  reduction('argmax', np.argmax, m, { badAxes: [[0]] }),
  reduction('any', np.any, np.array([[1, 0, 0], [0, 0, 0]], 'uint8')),
  reductionOfAxes('any', np.any),
  reduction('all', np.all, np.array([[1, 1, 0], [1, 0, 0]], 'uint8')),
  reductionOfAxes('all', np.all),
  reduction('count_nonzero', np.count_nonzero, np.array([[1, 0, 0], [1, 1, 0]], 'uint8')),
  reductionOfAxes('count_nonzero', np.count_nonzero),
  reduction('cumsum', np.cumsum, m, { badAxes: [[0]], valid: { axis: 1, dtype: 'float32' } }),
  reduction('cumprod', np.cumprod, m, { badAxes: [[1]], valid: { axis: 0, dtype: 'float32' } }),
];

for (const c of reduceCases) test(`${c.name}: the axis positionally (${c.axes.map(show).join(', ')})`, () => checkCase(c));

test('the positional axis of the reductions gives numpy\'s values', () => {
  const values = (x: unknown): number[] => Array.from((x as np.NdArray).data as ArrayLike<number | bigint>).map(Number);
  assert.equal(values(np.sum(m, 1)), [6, 9]);
  assert.equal(values(np.sum(m, 0)), [3, 6, 6]);
  assert.equal((np.sum(cube, [0, 2]) as np.NdArray).shape, [3]);
  assert.equal(np.sum(m, null), 15);
  assert.equal(values(np.argmax(m, 1)), [0, 1]);
});

test('the positional forms type-check and pick the overload by what is given', () => {
  // compile-time: a number or a list of axes is the array overload, null or nothing the scalar one
  const s0: number | bigint = np.sum(m);
  const s1: number | bigint = np.sum(m, null);
  const r: np.NdArray | number | bigint = np.sum(m, 1);
  const rl: np.NdArray | number | bigint = np.sum(cube, [0, 2]);
  const lo: number = np.min(m as np.NdArray<'float64'>, null);
  const ai: np.NdArray | number | bigint = np.argmin(m, 1);
  const cs: np.NdArray = np.cumsum(m, 0);
  const b: boolean = np.any(m, null);
  assert.ok([s0, s1, r, rl, lo, ai, cs, b].every((x) => x !== undefined));
});

// ---- statistics ----

/** A function of (a, q, options) over m, and over the cube with a list of axes. */
function ofQ(name: string, f: unknown, q: number): Case[] {
  const fn = loose(f);
  return [
    { name: `np.${name}`, call: (arg) => fn(m, q, arg), axes: [0, 1, -1], alsoAxes: [null], valid: { axis: 1, method: 'linear', keepdims: true } },
    { name: `np.${name}`, call: (arg) => fn(cube, q, arg), axes: [[0, 2], 1], alsoAxes: [null], valid: {} },
  ];
}

const statsCases: Case[] = [
  reduction('mean', np.mean, m, { valid: { axis: 1, dtype: 'float32', keepdims: true } }),
  reductionOfAxes('mean', np.mean),
  reduction('var', np.var, m, { valid: { axis: 1, ddof: 1, keepdims: true } }),
  reductionOfAxes('var', np.var),
  reduction('std', np.std, m, { valid: { axis: 0, ddof: 1, dtype: 'float32' } }),
  reductionOfAxes('std', np.std),
  reduction('nansum', np.nansum, withNan),
  reductionOfAxes('nansum', np.nansum),
  reduction('nanmean', np.nanmean, withNan),
  reductionOfAxes('nanmean', np.nanmean),
  reduction('nanmin', np.nanmin, withNan),
  reductionOfAxes('nanmin', np.nanmin),
  reduction('nanmax', np.nanmax, withNan),
  reductionOfAxes('nanmax', np.nanmax),
  reduction('median', np.median),
  reductionOfAxes('median', np.median),
  ...ofQ('quantile', np.quantile, 0.25),
  ...ofQ('percentile', np.percentile, 50),
  reduction('average', np.average, m, { valid: { axis: 1, weights: np.array([1, 2, 3], 'float64'), returned: true, keepdims: true } }),
  reductionOfAxes('average', np.average),
];

for (const c of statsCases) test(`${c.name}: the axis positionally (${c.axes.map(show).join(', ')})`, () => checkCase(c));

test('the positional axis of the statistics gives numpy\'s values', () => {
  const values = (x: unknown): number[] => Array.from((x as np.NdArray).data as Float64Array);
  assert.equal(values(np.mean(m, 1)), [2, 3]);
  assert.equal(values(np.median(m, 0)), [1.5, 3, 3]);
  assert.equal(values(np.percentile(m, 50, 1)), [2, 4]);
  assert.equal(values(np.nanmax(withNan, 1)), [3, 5]);
  assert.equal(np.mean(m, null), 2.5);
});

test('median refuses method, which numpy\'s median does not take', () => {
  throwsTypeError(() => np.median(m, { method: 'linear' } as never), /^np\.median: unknown option 'method'; the options are axis, out, keepdims$/, 'median method');
});

test.run();
