// The axis given positionally, as numpy users write it (np.sum(a, 1),
// np.stack(xs, -1), np.percentile(a, 50, 1)), gives exactly what the options
// form gives; anything else in the options position, and an option key the
// function does not know, is a TypeError naming the function. Before this,
// a number there was silently read as no options at all.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  if (isArray(x)) return np.array_repr(x);
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

/** What the call gives without options, or the error it throws (where the default cannot apply). */
function defaultOf(c: Case): unknown {
  try {
    return c.call(undefined);
  } catch (e) {
    return e;
  }
}

/** Every check of one case: positional = options form, bad types and unknown keys refused, known keys work. */
function checkCase(c: Case): void {
  const prefix = `^${escape(c.name)}: `;
  for (const axis of c.axes) {
    const positional = c.call(axis);
    const keyword = c.call({ axis });
    assert.ok(same(positional, keyword), `${c.name}(…, ${show(axis)}) gave ${show(positional)}, { axis: ${show(axis)} } gave ${show(keyword)}`);
    assert.not.ok(same(positional, defaultOf(c)), `${c.name}: axis ${show(axis)} gives the default result, so the test would not see it ignored`);
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
  throwsTypeError(() => c.call({ axis: c.axes[0], keepdim: true }), new RegExp(`${prefix}unknown option 'keepdim'; the (options are axis, |only option is axis$)`), `${c.name} with keepdim`);
  c.call(c.valid);
}

// ---- data: every result along axis 0, axis 1 and over all axes differs ----

/** [[3, 1, 2], [0, 5, 4]] as float64. */
const m = np.array([[3, 1, 2], [0, 5, 4]], 'float64');
/** 2 × 3 × 4, 0 … 23 as float64. */
const cube = np.reshape(np.arange(24, undefined, 1, 'float64'), [2, 3, 4]);

/** [[3, NaN, 2], [0, 5, NaN]]: the nan functions see NaN on both axes. */
const withNan = np.array([[3, NaN, 2], [0, 5, NaN]], 'float64');

/** An intp scalar as the platform gives it (bigint where intp is 64-bit). */
const intp = (v: number): number | bigint => (np.intp.isBigInt ? BigInt(v) : v);

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
  // an axis that may be absent (a wrapper's parameter) picks the general overload
  const maybeAxis = ((): number | undefined => 1)();
  const g: np.NdArray | number | bigint = np.sum(m, maybeAxis);
  const gm: np.NdArray | number = np.min(m as np.NdArray<'float64'>, maybeAxis);
  assert.ok([s0, s1, r, rl, lo, ai, cs, b, g, gm].every((x) => x !== undefined));
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

// ---- sorting ----

const sortCases: Case[] = [
  { name: 'np.sort', call: (arg) => np.sort(m, arg as never), axes: [0], alsoAxes: [1, -1, null], badAxes: [[0]], valid: { axis: 0, kind: 'stable', stable: true } },
  { name: 'np.argsort', call: (arg) => np.argsort(m, arg as never), axes: [0, -2], alsoAxes: [1, null], badAxes: [[1]], valid: { axis: 0, kind: 'quicksort' } },
  { name: 'np.sort', call: (arg) => np.sort(np.negative(cube), arg as never), axes: [0, 1, null], alsoAxes: [2], valid: {} },
];

for (const c of sortCases) test(`${c.name}: the axis positionally (${c.axes.map(show).join(', ')})`, () => checkCase(c));

// ---- options where numpy has another positional argument: a TypeError, never ignored ----

/** A function whose options position holds, in numpy, something other than the axis. */
interface PlainCase {
  name: string;
  call: Call;
  /** What numpy users pass there positionally, each with how the message names it. */
  bad: readonly (readonly [unknown, string])[];
  /** A call with known keys only, and its result (compared with `same`, or just run when undefined). */
  valid: Record<string, unknown>;
  want?: unknown;
}

function checkPlain(c: PlainCase): void {
  const prefix = `^${escape(c.name)}: `;
  for (const [bad, got] of c.bad) {
    throwsTypeError(() => c.call(bad), new RegExp(`${prefix}the \\w+ argument is an options object such as .*; ${escape(got)}$`), `${c.name} of ${show(bad)}`);
  }
  throwsTypeError(() => c.call({ ...c.valid, axes: 1 }), new RegExp(`${prefix}unknown option 'axes'; the (options are|only option is) `), `${c.name} with axes`);
  const r = c.call(c.valid);
  if (c.want !== undefined) assert.ok(same(r, c.want), `${c.name}(…, ${JSON.stringify(Object.keys(c.valid))}) gave ${show(r)}`);
}

const sorted = np.array([1, 2, 2, 3], 'float64');
const sortPlain: PlainCase[] = [
  {
    name: 'np.unique', call: (arg) => np.unique(np.array([3, 1, 3], 'uint8'), arg as never),
    bad: [[true, 'got the boolean true'], [1, 'got the number 1'], [null, 'got null']],
    valid: { return_counts: true, equal_nan: true, axis: null },
  },
  {
    name: 'np.searchsorted', call: (arg) => np.searchsorted(sorted, 2, arg as never),
    bad: [['right', "got the string 'right'"], [np.array([0, 1, 2, 3]), 'got an np array']],
    valid: { side: 'right', sorter: [0, 1, 2, 3] }, want: intp(3),
  },
  {
    name: 'np.bincount', call: (arg) => np.bincount(np.array([0, 1, 1], 'uint8'), arg as never),
    bad: [[np.array([0.5, 1, 2], 'float64'), 'got an np array'], [[0.5, 1, 2], 'got a list of numbers'], [3, 'got the number 3']],
    valid: { weights: [0.5, 1, 2], minlength: 3 }, want: np.array([0.5, 3, 0], 'float64'),
  },
  {
    name: 'np.digitize', call: (arg) => np.digitize(np.array([1], 'float64'), np.array([0, 1, 2], 'float64'), arg as never),
    bad: [[true, 'got the boolean true']],
    valid: { right: true }, want: np.array([1], np.intp.name),
  },
  {
    name: 'np.histogram', call: (arg) => np.histogram(np.array([1, 2, 1], 'float64'), 2, arg as never),
    bad: [[true, 'got the boolean true'], [5, 'got the number 5']],
    valid: { range: [0, 4], density: false },
  },
];

for (const c of sortPlain) test(`${c.name}: numpy's positional argument there is refused, not ignored`, () => checkPlain(c));

test('histogram: numpy keywords as one second argument; bins twice or options twice is a TypeError', () => {
  const a = np.array([1, 2, 1, 7], 'float64');
  const [h, e] = np.histogram(a, { bins: 3, range: [0, 9] });
  assert.equal(Array.from(h.data as BigInt64Array, Number), [3, 0, 1]);
  assert.equal(Array.from(e.data as Float64Array), [0, 3, 6, 9]);
  throwsTypeError(() => np.histogram(a, 3, { bins: 4 } as never), /^np\.histogram: got multiple values for argument 'bins'/, 'bins twice');
  throwsTypeError(() => np.histogram(a, { bins: 3 }, { range: [0, 9] }), /^np\.histogram: the options were given twice/, 'options twice');
  throwsTypeError(() => np.histogram(a, { bin: 3 } as never), /^np\.histogram: unknown option 'bin'/, 'unknown key');
});

test('unique: a boolean return_index in the options position throws (it was ignored)', () => {
  throwsTypeError(() => np.unique(m, true as never), /^np\.unique: the second argument is an options object such as \{ return_index: true \}; got the boolean true$/, 'unique');
  assert.equal(np.unique(np.array([3, 1, 3], 'uint8'), { return_index: true }).length, 2);
});

// ---- joining and splitting ----

const joinCases: Case[] = [
  {
    name: 'np.concatenate', call: (arg) => np.concatenate([m, m], arg as never), axes: [1, -1, null], alsoAxes: [0], badAxes: [[1]],
    valid: { axis: 1, dtype: 'float32', casting: 'same_kind' },
  },
  { name: 'np.stack', call: (arg) => np.stack([m, np.negative(m)], arg as never), axes: [1, 2, -1], alsoAxes: [0], badAxes: [null, [1]], valid: { axis: 2, out: np.zeros([2, 3, 2]) } },
  { name: 'np.split', call: (arg) => np.split(m, [1], arg as never), axes: [1, -1], alsoAxes: [0], badAxes: [null, [1]], valid: { axis: 1 } },
  { name: 'np.split', call: (arg) => np.split(cube, [1], arg as never), axes: [1, 2], alsoAxes: [0], valid: { axis: 2 } },
  { name: 'np.array_split', call: (arg) => np.array_split(m, 2, arg as never), axes: [1, -1], alsoAxes: [0], badAxes: [null], valid: { axis: 1 } },
  { name: 'np.roll', call: (arg) => np.roll(m, 1, arg as never), axes: [0, 1, -1], alsoAxes: [null], valid: { axis: [0, 1] } },
  { name: 'np.roll', call: (arg) => np.roll(cube, [1, 2], arg as never), axes: [[0, 2], [2, 1]], valid: { axis: [0, 1] } },
  { name: 'np.repeat', call: (arg) => np.repeat(m, 2, arg as never), axes: [0, 1, -1], alsoAxes: [null], badAxes: [[0]], valid: { axis: null } },
];

for (const c of joinCases) test(`${c.name}: the axis positionally (${c.axes.map(show).join(', ')})`, () => checkCase(c));

test('stack and concatenate of image planes: the positional axis is the one used', () => {
  const r = np.zeros([4, 5], 'uint8');
  const g = np.ones([4, 5], 'uint8');
  assert.equal(np.stack([r, g, r], -1).shape, [4, 5, 3]);
  assert.equal(np.concatenate([r, g], 1).shape, [4, 10]);
  assert.equal(np.concatenate([r, g], null).shape, [40]);
  assert.equal(np.split(np.zeros([2, 4]), 2, 1).map((p) => p.shape), [[2, 2], [2, 2]]);
});

test('stack has no axis=None: { axis: null } is a TypeError, not axis 0', () => {
  const r = np.zeros([4, 5], 'uint8');
  assert.throws(() => np.stack([r, r], { axis: null as unknown as number }), (e: Error) => e instanceof TypeError && /np\.stack: axis must be an integer, not null/.test(e.message));
});

const joinPlain: PlainCase[] = [
  ...(['hstack', 'vstack', 'dstack'] as const).map((name): PlainCase => ({
    name: `np.${name}`, call: (arg) => loose(np[name])([m, m], arg),
    bad: [[1, 'got the number 1'], [null, 'got null'], ['float32', "got the string 'float32'"]],
    valid: { dtype: 'float32', casting: 'same_kind' },
  })),
  {
    name: 'np.pad', call: (arg) => np.pad(np.array([1, 2, 3], 'int16'), 1, arg as never),
    bad: [['edge', "got the string 'edge'"], [0, 'got the number 0']],
    valid: { mode: 'edge' }, want: np.array([1, 1, 2, 3, 3], 'int16'),
  },
];

for (const c of joinPlain) test(`${c.name}: numpy's positional argument there is refused, not ignored`, () => checkPlain(c));

test('hstack refuses an axis, which it chooses itself (numpy has no axis there)', () => {
  throwsTypeError(() => np.hstack([m, m], { axis: 0 } as never), /^np\.hstack: unknown option 'axis'; the options are out, dtype, casting$/, 'hstack axis');
});

// ---- indexing ----

const indexCases: Case[] = [
  { name: 'np.take', call: (arg) => np.take(m, [1, 0], arg as never), axes: [0, 1, -1], alsoAxes: [null], badAxes: [[0]], valid: { axis: 1, mode: 'clip' } },
  {
    name: 'np.take_along_axis', call: (arg) => np.take_along_axis(m, np.array([[1, 0, 1]], 'int64'), arg as never), axes: [0, -2],
    alsoAxes: [1, -1], badAxes: [[0]], valid: { axis: 0 },
  },
  {
    name: 'np.take_along_axis', call: (arg) => np.take_along_axis(m, np.array([2, 0], 'int64'), arg as never), axes: [null],
    valid: { axis: null },
  },
  { name: 'np.compress', call: (arg) => np.compress([false, true], m, arg as never), axes: [0, 1, -1], alsoAxes: [null], badAxes: [[0]], valid: { axis: 1, out: np.zeros([2, 1]) } },
];

for (const c of indexCases) test(`${c.name}: the axis positionally (${c.axes.map(show).join(', ')})`, () => checkCase(c));

const indexPlain: PlainCase[] = [
  {
    name: 'np.put', call: (arg) => np.put(np.zeros(3, 'int16'), [5], [1], arg as never),
    bad: [['clip', "got the string 'clip'"]],
    valid: { mode: 'clip' },
  },
  {
    name: 'np.choose', call: (arg) => np.choose([0, 1], [[1, 2], [10, 20]], arg as never),
    bad: [[np.zeros(2, 'int64'), 'got an np array'], ['clip', "got the string 'clip'"]],
    valid: { mode: 'raise', out: np.zeros(2, 'int64') }, want: np.array([1, 20], 'int64'),
  },
];

for (const c of indexPlain) test(`${c.name}: numpy's positional argument there is refused, not ignored`, () => checkPlain(c));

// ---- shape ----

const ones131 = np.reshape(np.arange(3, undefined, 1, 'float64'), [1, 3, 1]);

const shapeCases: Case[] = [
  { name: 'np.squeeze', call: (arg) => np.squeeze(ones131, arg as never), axes: [0, 2, -1, [0]], alsoAxes: [null, [0, 2]], valid: { axis: [0, -1] } },
];

for (const c of shapeCases) test(`${c.name}: the axis positionally (${c.axes.map(show).join(', ')})`, () => checkCase(c));

test('squeeze of a string axis throws (it was ignored and squeezed every axis)', () => {
  throwsTypeError(() => np.squeeze(ones131, '0' as never), /^np\.squeeze: the second argument is the axis .*got the string '0'$/, 'squeeze');
});

test('flip and expand_dims, which take the axis positionally already, refuse other types with a TypeError', () => {
  const flip = loose(np.flip);
  const expand = loose(np.expand_dims);
  for (const [bad, got] of [['1', "the string '1'"], [true, 'the boolean true'], [{ axis: 1 }, 'an object'], [[true], 'a list holding the boolean true']] as const) {
    throwsTypeError(() => flip(m, bad), new RegExp(`^np\\.flip: the second argument is the axis \\(a number, a list of numbers or null\\); got ${escape(got)}$`), `flip ${show(bad)}`);
    throwsTypeError(() => expand(m, bad), new RegExp(`^np\\.expand_dims: the second argument is the axis \\(a number or a list of numbers\\); got ${escape(got)}$`), `expand_dims ${show(bad)}`);
  }
  throwsTypeError(() => expand(m, null), /^np\.expand_dims: .*got null$/, 'expand_dims null');
  assert.ok(same(np.flip(m, 1), np.array([[2, 1, 3], [4, 5, 0]], 'float64')));
  assert.ok(same(np.flip(m, null), np.flip(m)));
  assert.equal(np.expand_dims(m, [0, -1]).shape, [1, 2, 3, 1]);
});

const shapePlain: PlainCase[] = [
  {
    name: 'np.reshape', call: (arg) => np.reshape(m, [3, 2], arg as never),
    bad: [['F', "got the string 'F'"], [true, 'got the boolean true']],
    valid: { order: 'C', copy: true }, want: np.array([[3, 1], [2, 0], [5, 4]], 'float64'),
  },
];

for (const c of shapePlain) test(`${c.name}: numpy's positional argument there is refused, not ignored`, () => checkPlain(c));

// ---- creation and conversion: numpy's positional endpoint, k, copy, casting ----

const createPlain: PlainCase[] = [
  {
    name: 'np.array', call: (arg) => np.array([1, 2], 'uint8', arg as never),
    bad: [[true, 'got the boolean true'], [2, 'got the number 2']],
    valid: { copy: true, ndmin: 2 }, want: np.array([[1, 2]], 'uint8'),
  },
  {
    name: 'np.array', call: (arg) => np.array([1, 2], arg as never),
    bad: [], valid: { dtype: 'int16', ndmin: 2 }, want: np.array([[1, 2]], 'int16'),
  },
  {
    name: 'np.asarray', call: (arg) => np.asarray([1, 2], 'float32', arg as never),
    bad: [[false, 'got the boolean false']],
    valid: { copy: null, ndmin: 1 }, want: np.array([1, 2], 'float32'),
  },
  {
    name: 'np.linspace', call: (arg) => np.linspace(0, 1, 4, arg as never),
    bad: [[false, 'got the boolean false'], ['float32', "got the string 'float32'"]],
    valid: { endpoint: false, dtype: 'float64' }, want: np.array([0, 0.25, 0.5, 0.75], 'float64'),
  },
  {
    name: 'np.eye', call: (arg) => np.eye(2, 3, arg as never),
    bad: [[1, 'got the number 1'], ['uint8', "got the string 'uint8'"]],
    valid: { k: 1, dtype: 'uint8' }, want: np.array([[0, 1, 0], [0, 0, 1]], 'uint8'),
  },
  {
    name: 'np.eye', call: (arg) => np.eye(2, arg as never),
    bad: [], valid: { k: -1 }, want: np.array([[0, 0], [1, 0]], 'float64'),
  },
  {
    name: 'np.astype', call: (arg) => np.astype(m, 'int16', arg as never),
    bad: [[false, 'got the boolean false'], ['unsafe', "got the string 'unsafe'"]],
    valid: { copy: false, order: 'K' }, want: np.array([[3, 1, 2], [0, 5, 4]], 'int16'),
  },
  {
    name: 'np.nan_to_num', call: (arg) => np.nan_to_num(withNan, arg as never),
    bad: [[false, 'got the boolean false'], [-1, 'got the number -1']],
    valid: { nan: -1, posinf: null, copy: true }, want: np.array([[3, -1, 2], [0, 5, -1]], 'float64'),
  },
  {
    name: 'np.copyto', call: (arg) => np.copyto(np.zeros(2, 'uint8'), np.array([1.5, 300], 'float64'), arg as never),
    bad: [['unsafe', "got the string 'unsafe'"]],
    valid: { casting: 'unsafe', where: true }, want: np.array([1, 44], 'uint8'),
  },
];

for (const c of createPlain) test(`${c.name}: numpy's positional argument there is refused, not ignored`, () => checkPlain(c));

// ---- comparison, printing, products, files ----

const close = np.array([1, 1.0001], 'float64');
const dir = mkdtempSync(join(tmpdir(), 'np-axisarg-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const raw = join(dir, 'raw.bin');
writeFileSync(raw, Uint8Array.from([1, 0, 2, 0]));
const npy = join(dir, 'a.npy');
np.save(npy, np.array([1, 2], 'uint16'));

const miscPlain: PlainCase[] = [
  {
    name: 'np.array_equal', call: (arg) => np.array_equal(withNan, withNan, arg as never),
    bad: [[true, 'got the boolean true']], valid: { equal_nan: true }, want: true,
  },
  {
    name: 'np.isclose', call: (arg) => np.isclose(close, 1, arg as never),
    bad: [[1e-3, 'got the number 0.001'], [true, 'got the boolean true']],
    valid: { rtol: 1e-3, atol: 0, equal_nan: false }, want: np.array([true, true], 'bool'),
  },
  {
    name: 'np.allclose', call: (arg) => np.allclose(close, 1, arg as never),
    bad: [[1e-3, 'got the number 0.001']], valid: { rtol: 1e-3 }, want: true,
  },
  {
    name: 'np.array2string', call: (arg) => np.array2string(np.array([Math.PI]), arg as never),
    bad: [[80, 'got the number 80']], valid: { precision: 3, max_line_width: 80, separator: ', ' }, want: '[3.142]',
  },
  {
    name: 'np.array_repr', call: (arg) => np.array_repr(np.array([Math.PI]), arg as never),
    bad: [[80, 'got the number 80']], valid: { precision: 2, suppress_small: true }, want: 'array([3.14])',
  },
  {
    name: 'np.array_str', call: (arg) => np.array_str(np.array([Math.PI]), arg as never),
    bad: [[80, 'got the number 80']], valid: { precision: 1, max_line_width: 75 }, want: '[3.1]',
  },
  {
    name: 'np.printoptions', call: (arg) => np.printoptions(arg as never, () => np.array_str(np.array([Math.PI]))),
    bad: [[3, 'got the number 3']], valid: { precision: 2, linewidth: 75 }, want: '[3.14]',
  },
  {
    name: 'np.outer', call: (arg) => np.outer([1, 2], [3], arg as never),
    bad: [[true, 'got the boolean true']], valid: { out: np.zeros([2, 1], 'int64') }, want: np.array([[3], [6]], 'int64'),
  },
  {
    name: 'np.matmul', call: (arg) => np.matmul(m, np.ones([3, 1]), arg as never),
    bad: [['x', "got the string 'x'"]], valid: { out: np.zeros([2, 1]) }, want: np.array([[6], [9]], 'float64'),
  },
  {
    name: 'np.dot', call: (arg) => np.dot(m, np.ones([3, 1]), arg as never),
    bad: [[1, 'got the number 1']], valid: { out: np.zeros([2, 1]) }, want: np.array([[6], [9]], 'float64'),
  },
  {
    name: 'np.frombuffer', call: (arg) => np.frombuffer(Buffer.from([1, 0, 2, 0]), arg as never),
    bad: [['uint16', "got the string 'uint16'"]], valid: { dtype: 'uint16', count: 2, offset: 0 }, want: np.array([1, 2], 'uint16'),
  },
  {
    name: 'np.fromfile', call: (arg) => np.fromfile(raw, arg as never),
    bad: [['uint16', "got the string 'uint16'"]], valid: { dtype: 'uint16', offset: 2 }, want: np.array([2], 'uint16'),
  },
  {
    name: 'np.memmap', call: (arg) => np.memmap(raw, arg as never),
    bad: [['uint16', "got the string 'uint16'"]], valid: { dtype: 'uint16', mode: 'r', shape: [2] },
  },
  {
    name: 'np.load', call: (arg) => np.load(npy, arg as never),
    bad: [['r', "got the string 'r'"]], valid: { mmap_mode: null }, want: np.array([1, 2], 'uint16'),
  },
  {
    name: 'np.tobytes', call: (arg) => Array.from(np.tobytes(np.array([[1, 2], [3, 4]], 'uint8'), arg as never)),
    bad: [['F', "got the string 'F'"]], valid: { order: 'F' },
  },
];

for (const c of miscPlain) test(`${c.name}: numpy's positional argument there is refused, not ignored`, () => checkPlain(c));

test('set_printoptions refuses a positional precision and unknown keys, and changes nothing then', () => {
  const before = np.get_printoptions();
  throwsTypeError(() => np.set_printoptions(3 as never), /^np\.set_printoptions: the first argument is an options object such as \{ precision: 3 \}; got the number 3$/, 'set_printoptions 3');
  throwsTypeError(() => np.set_printoptions({ precison: 3 } as never), /^np\.set_printoptions: unknown option 'precison'; the options are precision, /, 'precison');
  assert.equal(np.get_printoptions(), before);
});

test('outer takes numpy\'s positional out, as matmul and dot do', () => {
  const out = np.zeros([2, 1], 'int64');
  assert.is(np.outer([1, 2], [3], out), out);
  assert.ok(same(out, np.array([[3], [6]], 'int64')));
});

// ---- ufuncs, round and clip: numpy's positional out ----

const halves = np.array([1.25, 2.5], 'float64');
const ufuncPlain: PlainCase[] = [
  {
    name: 'np.add', call: (arg) => np.add(halves, 1, arg as never),
    bad: [[5, 'got the number 5'], ['float32', "got the string 'float32'"]],
    valid: { out: np.zeros(2), casting: 'same_kind', where: true, dtype: 'float64' }, want: np.array([2.25, 3.5], 'float64'),
  },
  {
    name: 'np.sqrt', call: (arg) => np.sqrt(np.array([4, 9], 'float64'), arg as never),
    bad: [[true, 'got the boolean true']], valid: { dtype: 'float64' }, want: np.array([2, 3], 'float64'),
  },
  {
    name: 'np.round', call: (arg) => np.round(halves, 1, arg as never),
    bad: [[5, 'got the number 5']], valid: { out: np.zeros(2) }, want: np.array([1.2, 2.5], 'float64'),
  },
  {
    name: 'np.round', call: (arg) => np.round(halves, arg as never),
    bad: [], valid: { decimals: 1 }, want: np.array([1.2, 2.5], 'float64'),
  },
  {
    name: 'np.clip', call: (arg) => np.clip(halves, null, null, arg as never),
    bad: [['x', "got the string 'x'"]], valid: { min: 2, max: 2.25 }, want: np.array([2, 2.25], 'float64'),
  },
];

for (const c of ufuncPlain) test(`${c.name}: numpy's positional argument there is refused, not ignored`, () => checkPlain(c));

test('a ufunc still takes numpy\'s positional out array', () => {
  const out = np.zeros(2);
  assert.is(np.add(halves, 1, out), out);
  assert.ok(same(out, np.array([2.25, 3.5], 'float64')));
});


test('astype: a number or a list as the array is a TypeError saying what to do (was a RangeError from Buffer)', () => {
  throwsTypeError(() => np.astype(0 as never, 'uint8'), /^np\.astype: the first argument must be an np array, got number; make one first: np\.astype\(np\.asarray\(x\), dtype\)$/, 'number');
  throwsTypeError(() => np.astype([1, 2] as never, 'uint8'), /^np\.astype: the first argument must be an np array, got a list/, 'list');
});

// ---- after the options position ----------------------------------------
//
// numpy users write keyword arguments after a positional axis
// (np.sum(a, 1, keepdims=True) becomes np.sum(a, 1, { keepdims: true })) and
// pass numpy's positional order, dtype or out (np.ravel(a, 'F'),
// np.mean(a, 0, 'float32')). JavaScript drops an argument a function does
// not declare, so those were silently ignored: np.sum(a, 0, { keepdims: true
// }) returned shape [3], np.concatenate([a, a], 0, { out }) left out
// untouched, np.diff(a, 1, 0, { prepend: 0 }) did not prepend, np.ravel(a,
// 'F') returned C order. Now the options after an axis are read, and
// anything past the last argument is a TypeError naming the function, the
// position and the value.

/**
 * One function with a positional axis: `lead` are its arguments before the
 * axis, `options` options that change the result (so that ignoring them shows).
 */
interface AxisThenOptions {
  name: string;
  f: unknown;
  lead: readonly unknown[];
  axis: unknown;
  options: Record<string, unknown>;
  /** Where the axis sits, as the messages count (default second). */
  position?: string;
  /** The options cannot change the result (a sort's kind): only that they are accepted is checked. */
  neutral?: boolean;
}

const kept = { keepdims: true };
const CASES: readonly AxisThenOptions[] = [
  { name: 'sum', f: np.sum, lead: [m], axis: 0, options: kept },
  { name: 'sum', f: np.sum, lead: [cube], axis: [0, 2], options: { dtype: 'float32' } },
  { name: 'prod', f: np.prod, lead: [m], axis: 1, options: kept },
  { name: 'min', f: np.min, lead: [m], axis: 0, options: kept },
  { name: 'max', f: np.max, lead: [m], axis: -1, options: kept },
  { name: 'ptp', f: np.ptp, lead: [m], axis: 1, options: kept },
  { name: 'argmin', f: np.argmin, lead: [m], axis: 0, options: kept },
  { name: 'argmax', f: np.argmax, lead: [m], axis: 1, options: kept },
  { name: 'any', f: np.any, lead: [m], axis: 0, options: kept },
  { name: 'all', f: np.all, lead: [m], axis: 1, options: kept },
  { name: 'count_nonzero', f: np.count_nonzero, lead: [m], axis: 0, options: kept },
  { name: 'cumsum', f: np.cumsum, lead: [m], axis: 1, options: { dtype: 'float32' } },
  { name: 'cumprod', f: np.cumprod, lead: [m], axis: 0, options: { dtype: 'float32' } },
  { name: 'mean', f: np.mean, lead: [m], axis: 0, options: { dtype: 'float32' } },
  { name: 'var', f: np.var, lead: [m], axis: 1, options: { ddof: 1 } },
  { name: 'std', f: np.std, lead: [m], axis: 0, options: { ddof: 1 } },
  { name: 'nansum', f: np.nansum, lead: [withNan], axis: 1, options: kept },
  { name: 'nanmean', f: np.nanmean, lead: [withNan], axis: 0, options: kept },
  { name: 'nanmin', f: np.nanmin, lead: [withNan], axis: 1, options: kept },
  { name: 'nanmax', f: np.nanmax, lead: [withNan], axis: 0, options: kept },
  { name: 'median', f: np.median, lead: [m], axis: 1, options: kept },
  { name: 'quantile', f: np.quantile, lead: [m, 0.25], axis: 0, options: kept, position: 'third' },
  { name: 'percentile', f: np.percentile, lead: [m, 75], axis: 1, options: kept, position: 'third' },
  { name: 'average', f: np.average, lead: [m], axis: 1, options: { weights: np.array([1, 0, 3], 'float64') } },
  { name: 'sort', f: np.sort, lead: [m], axis: null, options: { kind: 'stable' }, neutral: true },
  { name: 'argsort', f: np.argsort, lead: [m], axis: 0, options: { kind: 'stable' }, neutral: true },
  { name: 'concatenate', f: np.concatenate, lead: [[m, m]], axis: 1, options: { dtype: 'float32' } },
  { name: 'stack', f: np.stack, lead: [[m, m]], axis: -1, options: { dtype: 'int16', casting: 'unsafe' } },
  { name: 'take', f: np.take, lead: [m, [7, 0]], axis: 1, options: { mode: 'clip' }, position: 'third' },
  { name: 'take_along_axis', f: np.take_along_axis, lead: [m, np.array([[1], [0]], 'int64')], axis: 1, options: {}, position: 'third' },
  { name: 'compress', f: np.compress, lead: [[false, true], m], axis: 1, options: { out: np.zeros([2, 1]) }, position: 'third' },
  { name: 'diff', f: np.diff, lead: [m, 1], axis: 0, options: { prepend: 0 }, position: 'third' },
];

for (const c of CASES) {
  const fn = loose(c.f);
  const label = `np.${c.name}(${c.lead.map(show).join(', ')}, ${show(c.axis)}, {${Object.keys(c.options).join(', ')}})`;
  test(`${label}: the options after a positional axis are used`, () => {
    const positional = fn(...c.lead, c.axis, { ...c.options });
    const keyword = fn(...c.lead, { axis: c.axis, ...c.options });
    assert.ok(same(positional, keyword), `${label} gave ${show(positional)}; the options form gave ${show(keyword)}`);
    if (Object.keys(c.options).length > 0 && !('out' in c.options) && !c.neutral) {
      let plain: unknown;
      try {
        plain = fn(...c.lead, c.axis);
      } catch (e) {
        plain = e; // take's index 7 without mode 'clip'
      }
      assert.not.ok(same(positional, plain), `${label}: the options do not change the result, so the test would not see them ignored`);
    }
  });
  test(`${label}: anything but an options object after the axis, the axis twice, or options after options are refused`, () => {
    const prefix = `^np\\.${c.name}: `;
    throwsTypeError(() => fn(...c.lead, c.axis, 'float32'),
      new RegExp(`${prefix}after the axis, the ${c.position === 'third' ? 'fourth' : 'third'} argument is an options object \\(.*\\); got the string 'float32'$`), `${label} with a string`);
    throwsTypeError(() => fn(...c.lead, c.axis, { axis: c.axis }), new RegExp(`${prefix}the axis is given twice`), `${label} axis twice`);
    throwsTypeError(() => fn(...c.lead, { axis: c.axis }, { ...c.options }), new RegExp(`${prefix}the \\w+ argument is already the options object`), `${label} options twice`);
    throwsTypeError(() => fn(...c.lead, c.axis, { keepdim: true }), new RegExp(`${prefix}unknown option 'keepdim'`), `${label} misspelt`);
  });
}

test('np.concatenate([a, a], 0, { out }) writes out and returns it (out was left untouched)', () => {
  const a = np.reshape(np.arange(6, undefined, 1, 'int32'), [2, 3]);
  const out = np.zeros([4, 3], 'int32');
  const r = np.concatenate([a, a], 0, { out });
  assert.ok(r === out, 'the result is not out');
  assert.equal(np.tolist(out), [[0, 1, 2], [3, 4, 5], [0, 1, 2], [3, 4, 5]]);
});

test("np.diff(a, 1, 0, { prepend: 0 }) prepends (numpy's diff(a, 1, 0, prepend=0))", () => {
  const a = np.array([[1, 4], [9, 16]], 'int32');
  const d = np.diff(a, 1, 0, { prepend: 0 });
  assert.equal(d.shape, [2, 2]);
  assert.equal(Array.from(d.data as ArrayLike<number | bigint>, Number), [1, 4, 8, 12]);
});

test('a refused call leaves the out array it was given as it was', () => {
  const out = np.full([3], 7, 'float64');
  throwsTypeError(() => loose(np.sum)(m, 0, { out }, 'extra'), /^np\.sum: takes 3 arguments; the fourth, the string 'extra', would be ignored/, 'np.sum with a fourth');
  throwsTypeError(() => loose(np.sum)(m, { axis: 0, out }, { dtype: 'float32' }), /^np\.sum: the second argument is already the options object/, 'np.sum with options twice');
  throwsTypeError(() => loose(np.mean)(m, 0, 'float32'), /^np\.mean: after the axis, the third argument is an options object/, 'np.mean with a dtype third');
  assert.equal(np.tolist(out), [7, 7, 7]);
});

test("numpy's positional order, dtype or out past the last argument is refused, not ignored", () => {
  const a = np.reshape(np.arange(6), [2, 3]);
  const refused: [string, () => unknown, string][] = [
    ['ravel', () => loose(np.ravel)(a, 'F'), "takes 1 argument; the second, the string 'F', would be ignored"],
    ['copy', () => loose(np.copy)(a, {}, 'F'), "takes 2 arguments; the third, the string 'F', would be ignored"],
    ['zeros', () => loose(np.zeros)([2, 2], 'int8', 'F'), "takes 2 arguments; the third, the string 'F', would be ignored"],
    ['where', () => loose(np.where)(np.greater(a, 2), a, 0, 5), 'takes 3 arguments; the fourth, the number 5, would be ignored'],
    ['flip', () => loose(np.flip)(a, 0, {}), 'takes 2 arguments; the third, an object, would be ignored'],
  ];
  for (const [name, f, text] of refused) {
    throwsTypeError(f, new RegExp(`^np\\.${name}: ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), name);
  }
});

test("a ufunc given numpy's positional out and then options is refused, naming itself and the form to use; out is unchanged", () => {
  const a = np.array([1, 2, 3], 'float64');
  const out = np.full([3], 7, 'float64');
  throwsTypeError(() => loose(np.add)(a, a, out, { where: np.array([true, false, true]) }),
    /^np\.add: takes 2 inputs, then the out array or an options object; got 4 arguments: give out with the other options, np\.add\(a, b, \{ out, where \}\)$/, 'np.add');
  throwsTypeError(() => loose(np.sqrt)(a, out, { where: np.array([true, false, true]) }), /^np\.sqrt: takes 1 input, then/, 'np.sqrt');
  assert.equal(np.tolist(out), [7, 7, 7]);
});

test("creation options: a misspelt dtype is a TypeError, numpy's order other than 'C' a ValueError (both were dropped: C-ordered float64 came back)", () => {
  const proto = np.reshape(np.arange(6), [2, 3]);
  const calls: [string, (o: object) => unknown][] = [
    ['zeros', (o) => np.zeros([2, 3], o as never)], ['ones', (o) => np.ones([2, 3], o as never)],
    ['empty', (o) => np.empty([2, 3], o as never)], ['full', (o) => np.full([2, 3], 1, o as never)],
    ['arange', (o) => np.arange(6, o as never)], ['zeros_like', (o) => np.zeros_like(proto, o as never)],
    ['ones_like', (o) => np.ones_like(proto, o as never)], ['empty_like', (o) => np.empty_like(proto, o as never)],
    ['full_like', (o) => np.full_like(proto, 1, o as never)],
  ];
  for (const [name, call] of calls) {
    throwsTypeError(() => call({ dtpye: 'int8' }), new RegExp(`^np\\.${name}: unknown option 'dtpye'; the (only option is dtype|options are dtype, shape)$`), `${name} dtpye`);
    assert.throws(() => call({ dtype: 'int8', order: 'F' }),
      (e: Error) => e instanceof np.ValueError && new RegExp(`^np\\.${name}: order 'F' is not supported; new arrays are C-ordered`).test(e.message), `${name} order F`);
    const r = call({ dtype: 'int8', order: 'C' }) as np.NdArray;
    assert.is(np.dtypeOfArray(r).name, 'int8', `${name} order C`);
    assert.ok(np.isContiguous(r), `${name} order C is C-contiguous`);
  }
});

test("np.astype's order: 'F' is Fortran-ordered, 'A' follows a Fortran-ordered source, 'C'/'K' as before; another value is a ValueError", () => {
  const a = np.reshape(np.arange(24, undefined, 1, 'int32'), [2, 3, 4]);
  const f = np.astype(a, 'float64', { order: 'F' });
  assert.equal(f.stride, [1, 2, 6]);
  assert.equal(np.tolist(f), np.tolist(np.astype(a, 'float64')));
  const t = np.transpose(a);
  assert.equal(np.astype(t, 'int16', { order: 'A' }).stride, [1, 4, 12], "'A' of a transposed (Fortran-ordered) view");
  assert.equal(np.astype(a, 'int16', { order: 'A' }).stride, [12, 4, 1], "'A' of a C-ordered array");
  assert.equal(np.astype(t, 'int16', { order: 'C' }).stride, [6, 2, 1]);
  assert.equal(np.tolist(np.astype(t, 'int16', { order: 'A' })), np.tolist(np.astype(t, 'int16')));
  assert.throws(() => np.astype(a, 'int8', { order: 'X' as never }),
    (e: Error) => e instanceof np.ValueError && /^np\.astype: order must be one of 'C', 'F', 'A', or 'K' \(got 'X'\)$/.test(e.message));
});

test("np.copy's order: C by default, 'F' Fortran-ordered, 'K' the source's layout, 'A' Fortran for a Fortran-ordered source; another value is a ValueError", () => {
  const a = np.reshape(np.arange(24, undefined, 1, 'int32'), [2, 3, 4]);
  const t = np.transpose(a);
  const f = np.copy(a, { order: 'F' });
  assert.equal(f.stride, [1, 2, 6]);
  assert.equal(np.tolist(f), np.tolist(a));
  assert.equal(np.dtypeOfArray(f).name, 'int32');
  assert.equal(np.copy(t).stride, [6, 2, 1], 'default: C order');
  assert.equal(np.copy(t, { order: 'K' }).stride, [1, 4, 12], "'K' keeps the transposed layout");
  assert.equal(np.copy(t, { order: 'A' }).stride, [1, 4, 12], "'A' of a Fortran-ordered view");
  assert.equal(np.copy(a, { order: 'A' }).stride, [12, 4, 1], "'A' of a C-ordered array");
  assert.equal(np.tolist(np.copy(t, { order: 'K' })), np.tolist(t));
  assert.equal(np.copy([[1, 2], [3, 4]], { order: 'F' }).stride, [1, 2], 'a nested list');
  const before = np.tolist(a);
  assert.throws(() => np.copy(a, { order: 'X' as never }),
    (e: Error) => e instanceof np.ValueError && /^np\.copy: order must be one of 'C', 'F', 'A', or 'K' \(got the string 'X'\)$/.test(e.message));
  assert.throws(() => np.copy(a, 'F' as never), (e: Error) => /np\.copy/.test(e.message) && /order: 'F'/.test(e.message));
  assert.equal(np.tolist(a), before, 'the source is unchanged');
});

/** np functions that take any number of arguments (rest parameters): nothing is past their last one. */
const VARIADIC = new Set(['index', 'item', 'broadcast_arrays', 'broadcast_shapes', 'result_type']);

test('every np function refuses an argument past its last one, naming itself, before anything else', () => {
  const names = Object.keys(np).filter((k) => {
    const f = (np as unknown as Record<string, unknown>)[k];
    return typeof f === 'function' && !('nin' in f) && !/^[A-Z]/.test(k) && !VARIADIC.has(k);
  });
  assert.ok(names.length > 150, `only ${names.length} functions found`);
  const sentinel = Symbol('extra');
  for (const name of names) {
    const f = loose((np as unknown as Record<string, unknown>)[name]);
    let err: unknown;
    try {
      f(...new Array<undefined>(12).fill(undefined), sentinel);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof TypeError, `np.${name} with 13 arguments: ${err === undefined ? 'returned' : String(err)}`);
    const msg = (err as Error).message;
    const match = /^np\.(\w+): takes (\d+) arguments?; the \w+, (.*), would be ignored/.exec(msg);
    assert.ok(match, `np.${name}: ${msg}`);
    const count = Number(match[2]);
    // the check sits in the function itself, not in another one it calls
    assert.ok(count >= f.length, `np.${name} declares ${f.length} parameters but refuses from ${count + 1}`);
    // and counts exactly: one argument past it is the one named
    let err2: unknown;
    try {
      f(...new Array<undefined>(count).fill(undefined), sentinel);
    } catch (e) {
      err2 = e;
    }
    assert.ok(err2 instanceof TypeError && /would be ignored/.test((err2 as Error).message) && (err2 as Error).message.includes('a symbol'),
      `np.${name} with ${count + 1} arguments: ${String(err2)}`);
  }
});

test.run();
