// Bad arguments to np functions: null, undefined, a string, an object, a
// function, a symbol where an array, a shape, a list, an axis or a path
// goes. Each is a TypeError naming the function (np.reshape: …) and saying
// what was given, never a JavaScript engine message from inside np
// ("Cannot read properties of null", "shape is not iterable"), and an out=
// array passed alongside is left as it was. Before this, np.index(null,
// ':, 0') threw "Cannot read properties of null (reading 'shape')" from
// slice.js.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { np } from 'u-dma-buf';

/** What the JavaScript engine says when code reads a value it did not check. */
const ENGINE = new RegExp([
  'Cannot read propert', 'is not a function', 'is not iterable', 'Cannot convert', 'undefined is not an object',
  'Invalid array length', 'Maximum call stack', 'is not a constructor', 'Cannot mix BigInt', 'Cannot create property',
  'Cannot set propert', "Cannot use 'in' operator", 'Invalid typed array length', 'Spread syntax',
  'called on non-object', 'The "path" argument', 'Do not know how to serialize',
].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** The bad values tried in each array, shape, list, axis or path position. */
const BAD: readonly [string, unknown][] = [
  ['null', null], ['undefined', undefined], ['a string', 'x'], ['an object', {}], ['a function', () => 1],
  ['a symbol', Symbol('s')],
];

/** Run `f`, expecting a TypeError whose message starts with `prefix` and has no engine message. */
function refused(f: () => unknown, prefix: string, what: string): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  assert.ok(err !== undefined, `${what}: returned instead of throwing`);
  assert.ok(err instanceof Error, `${what}: threw ${String(err)}, not an Error`);
  const e = err as Error;
  assert.ok(!ENGINE.test(e.message), `${what}: an engine message leaked: ${e.name}: ${e.message}`);
  assert.ok(e instanceof TypeError, `${what}: ${e.name}, not a TypeError: ${e.message}`);
  assert.ok(e.message.startsWith(`${prefix}: `), `${what}: the message does not start with '${prefix}: ': ${e.message}`);
}

type Call = (x: unknown) => unknown;

const a = (): np.NdArray => np.arange(6);
const m = (): np.NdArray => np.reshape(np.arange(6), [2, 3]);

/** Each function with a bad value in one position: [name the message starts with, position, call]. */
const CASES: readonly [string, string, Call][] = [
  // an array operand: np array, list or scalar
  ...[
    'reshape', 'ravel', 'squeeze', 'transpose', 'flip', 'fliplr', 'flipud', 'rot90', 'atleast_1d', 'atleast_2d',
    'atleast_3d', 'tolist', 'item', 'flatten',
  ].map((n): [string, string, Call] => [`np.${n}`, 'array', (x) => {
    const f = (np as unknown as Record<string, (...args: unknown[]) => unknown>)[n];
    return n === 'reshape' ? f(x, [-1]) : f(x);
  }]),
  ['np.expand_dims', 'array', (x) => np.expand_dims(x as never, 0)],
  ['np.swapaxes', 'array', (x) => np.swapaxes(x as never, 0, 0)],
  ['np.moveaxis', 'array', (x) => np.moveaxis(x as never, 0, 0)],
  ['np.broadcast_to', 'array', (x) => np.broadcast_to(x as never, [2])],
  ['np.broadcast_arrays', 'array', (x) => np.broadcast_arrays(a(), x as never)],
  ['np.split', 'array', (x) => np.split(x as never, 1)],
  ['np.array_split', 'array', (x) => np.array_split(x as never, 1)],
  ['np.pad', 'array', (x) => np.pad(x as never, 1)],
  ['np.roll', 'array', (x) => np.roll(x as never, 1)],
  ['np.tile', 'array', (x) => np.tile(x as never, 2)],
  ['np.repeat', 'array', (x) => np.repeat(x as never, 2)],
  ['np.take', 'array', (x) => np.take(x as never, [0])],
  ['np.dot', 'array', (x) => np.dot(x as never, a())],
  ['np.dot', 'second array', (x) => np.dot(a(), x as never)],
  ['np.inner', 'array', (x) => np.inner(a(), x as never)],
  ['np.outer', 'array', (x) => np.outer(x as never, a())],
  ['np.matmul', 'array', (x) => np.matmul(x as never, m())],
  ['np.matmul', 'second array', (x) => np.matmul(m(), x as never)],
  ['np.vdot', 'array', (x) => np.vdot(a(), x as never)],
  ['np.tensordot', 'array', (x) => np.tensordot(x as never, a(), 1)],
  ['np.add', 'array', (x) => np.add(x as never, 1)],
  ['np.add', 'second array', (x) => np.add(1, x as never)],
  ['np.sqrt', 'array', (x) => np.sqrt(x as never)],
  ['np.iadd', 'array', (x) => np.iadd(x as never, 1)],
  ['np.imul', 'array', (x) => np.imul(x as never, 2)],
  // array_like (an np array or a list) read by the reductions, statistics and sorting
  ...[
    'sum', 'prod', 'min', 'max', 'ptp', 'argmin', 'argmax', 'any', 'all', 'count_nonzero', 'cumsum',
    'cumprod', 'mean', 'var', 'std', 'median', 'average', 'nansum', 'nanmean', 'nanmin', 'nanmax', 'sort', 'argsort',
    'unique',
  ].map((n): [string, string, Call] => [`np.${n}`, 'array', (x) => (np as unknown as Record<string, (x: unknown) => unknown>)[n](x)]),
  // np.amin and np.amax are np.min and np.max, as in numpy
  ['np.min', 'array', (x) => np.amin(x as never)],
  ['np.max', 'array', (x) => np.amax(x as never)],
  ['np.percentile', 'array', (x) => np.percentile(x as never, 50)],
  ['np.quantile', 'array', (x) => np.quantile(x as never, 0.5)],
  ['np.searchsorted', 'array', (x) => np.searchsorted(x as never, 1)],
  ['np.searchsorted', 'values', (x) => np.searchsorted(a(), x as never)],
  ['np.digitize', 'values', (x) => np.digitize(x as never, [1, 2])],
  ['np.digitize', 'bins', (x) => np.digitize(a(), x as never)],
  // only an np array: those that describe, print, view or write an array
  ...[
    'isContiguous', 'dtypeOfArray', 'isWriteable', 'markReadOnly', 'isMemmap', 'array2string', 'array_repr', 'array_str',
    'toStdlib', 'tobytes',
  ].map((n): [string, string, Call] => [`np.${n}`, 'np array', (x) => (np as unknown as Record<string, (x: unknown) => unknown>)[n](x)]),
  ['np.index', 'np array', (x) => np.index(x as never, ':, 0')],
  ['np.fill', 'np array', (x) => np.fill(x as never, 1)],
  ['np.copyto', 'np array', (x) => np.copyto(x as never, 1)],
  ['np.put', 'np array', (x) => np.put(x as never, [0], [1])],
  ['np.putmask', 'np array', (x) => np.putmask(x as never, [true], 1)],
  ['np.place', 'np array', (x) => np.place(x as never, [true], [1])],
  ['np.tofile', 'np array', (x) => np.tofile(x as never, '/nonexistent/np-badargs.bin')],
  // lists of arrays
  ...['concatenate', 'stack', 'hstack', 'vstack', 'dstack'].map((n): [string, string, Call][] => {
    const f = (np as unknown as Record<string, (x: unknown) => unknown>)[n];
    return [[`np.${n}`, 'list', (x) => f(x)], [`np.${n}`, 'list element', (x) => f([a(), x])]];
  }).flat(),
  ['np.choose', 'list', (x) => np.choose([0, 1], x as never)],
  ['np.select', 'list', (x) => np.select(x as never, [a()])],
  // shapes and lists of numbers
  ...['zeros', 'ones', 'empty'].map((n): [string, string, Call] => [`np.${n}`, 'shape', (x) => (np as unknown as Record<string, (x: unknown) => unknown>)[n](x)]),
  ['np.full', 'shape', (x) => np.full(x as never, 1)],
  ['np.zeros_like', 'shape', (x) => np.zeros_like(a(), { shape: x as never })],
  ['np.reshape', 'shape', (x) => np.reshape(a(), x as never)],
  ['np.broadcast_to', 'shape', (x) => np.broadcast_to(a(), x as never)],
  ['np.broadcast_shapes', 'shape', (x) => np.broadcast_shapes([2], x as never)],
  ['np.split', 'sections', (x) => np.split(a(), x as never)],
  ['np.array_split', 'sections', (x) => np.array_split(a(), x as never)],
  ['np.tile', 'repetitions', (x) => np.tile(a(), x as never)],
  ['np.repeat', 'repetitions', (x) => np.repeat(a(), x as never)],
  ['np.roll', 'shift', (x) => np.roll(a(), x as never)],
  ['np.percentile', 'q', (x) => np.percentile(a(), x as never)],
  ['np.quantile', 'q', (x) => np.quantile(a(), x as never)],
  ['np.transpose', 'axes', (x) => (x === null || x === undefined ? np.transpose(a(), 'x' as never) : np.transpose(a(), x as never))],
  ['np.tensordot', 'axes', (x) => (x === undefined ? np.tensordot(a(), a(), null as never) : np.tensordot(a(), a(), x as never))],
  // axes given positionally
  ['np.expand_dims', 'axis', (x) => np.expand_dims(a(), x as never)],
  ['np.moveaxis', 'axis', (x) => np.moveaxis(a(), x as never, 0)],
  ['np.swapaxes', 'axis', (x) => np.swapaxes(m(), 0, x as never)],
  ['np.rot90', 'axes', (x) => (x === undefined ? np.rot90(m(), 1, null as never) : np.rot90(m(), 1, x as never))],
  // paths
  ['np.save', 'path', (x) => np.save(x as never, a())],
  ['np.load', 'path', (x) => np.load(x as never)],
  ['np.fromfile', 'path', (x) => np.fromfile(x as never)],
  ['np.memmap', 'path', (x) => np.memmap(x as never)],
  ['np.tofile', 'path', (x) => np.tofile(a(), (x === undefined ? null : x) as never)],
];

for (const [name, position, call] of CASES) {
  test(`${name}: a bad ${position} is a TypeError naming ${name}`, () => {
    for (const [what, x] of BAD) {
      // a string is a path; undefined an option left out
      if ((position === 'path' && typeof x === 'string') || (name === 'np.zeros_like' && x === undefined)) continue;
      refused(() => call(x), name, `${name} with ${what} as the ${position}`);
    }
  });
}

test('the message says what was given and what to pass', () => {
  refused(() => np.index(null as never, ':, 0'), 'np.index', 'index');
  assert.throws(() => np.index(null as never, ':, 0'), /^np\.index: the first argument must be an np array; got null$/);
  assert.throws(() => np.reshape(null as never, [2, 3]),
    /^np\.reshape: the first argument must be an np array, a list, a number, a bigint or a boolean; got null$/);
  assert.throws(() => np.concatenate([np.arange(2), undefined as never]),
    /^np\.concatenate: element 1 of the first argument must be an np array, a list, a number, a bigint or a boolean; got undefined$/);
  assert.throws(() => np.zeros(null as never), /^np\.zeros: the first argument is the shape, a number or a list of numbers such as \[2, 3\]; got null$/);
  assert.throws(() => np.fill([1, 2] as never, 0), /^np\.fill: the first argument must be an np array; got a list of numbers; make one first with np\.asarray\(x\)$/);
  assert.throws(() => np.sum('abc' as never), /^np\.sum: the first argument must be an np array or a list; got the string 'abc'$/);
  assert.throws(() => np.add(np.arange(2), {} as never), /^np\.add: argument 2 must be an np array, a list, a number, a bigint or a boolean; got an object$/);
  assert.throws(() => np.save(undefined as never, np.arange(2)), /^np\.save: the first argument is the file's path, a string such as '\/tmp\/a\.npy'; got undefined$/);
});

/** An out= array and a copy of what it holds, to see that a refused call left it alone. */
function guarded(dtype: np.DTypeName, shape: number[]): { out: np.NdArray; unchanged: () => boolean } {
  const out = np.full(shape, 7, dtype);
  const before = np.copy(out);
  return { out, unchanged: () => np.array_equal(out, before) };
}

test('an out= array passed with bad input is left unchanged', () => {
  const calls: [string, (out: np.NdArray) => unknown, np.DTypeName, number[]][] = [
    ['np.add', (out) => np.add(null as never, 1, { out }), 'int32', [3]],
    ['np.add', (out) => np.add(np.arange(3), 'x' as never, { out }), 'int32', [3]],
    ['np.sqrt', (out) => np.sqrt(undefined as never, { out }), 'float64', [3]],
    ['np.sum', (out) => np.sum(null as never, { axis: 0, out }), 'float64', []],
    ['np.cumsum', (out) => np.cumsum('x' as never, { out }), 'float64', [3]],
    ['np.concatenate', (out) => np.concatenate([np.arange(3), null as never], { out }), 'int32', [6]],
    ['np.matmul', (out) => np.matmul(np.ones([2, 2]), null as never, { out }), 'float64', [2, 2]],
    ['np.dot', (out) => np.dot({} as never, np.ones(2), { out }), 'float64', []],
    ['np.outer', (out) => np.outer(np.ones(2), Symbol('s') as never, { out }), 'float64', [2, 2]],
    ['np.clip', (out) => np.clip(null as never, 0, 1, { out }), 'float64', [3]],
    ['np.copyto', (out) => np.copyto(out, (() => 1) as never), 'float64', [3]],
    ['np.fill', (out) => np.fill(out, {} as never), 'float64', [3]],
    ['np.iadd', (out) => np.iadd(out, null as never), 'float64', [3]],
  ];
  for (const [name, call, dtype, shape] of calls) {
    const g = guarded(dtype, shape);
    let err: unknown;
    try {
      call(g.out);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof Error, `${name}: did not throw`);
    assert.ok(!ENGINE.test((err as Error).message), `${name}: an engine message leaked: ${(err as Error).message}`);
    assert.ok(g.unchanged(), `${name}: the out array was changed by a refused call: ${np.array_repr(g.out)}`);
  }
});

/** np functions whose bad arguments still reach the engine (the ufunc-building and dtype-level API, and a few value conversions); see the report of the change that added this test. */
const NOT_YET = new Set([
  'allocate', 'callUfunc', 'canCastSameKind', 'defineUfunc', 'dtypeOf', 'sumDType', 'normalizeAxis', 'arange', 'fill',
  'fromStdlib', 'frombuffer', 'full_like', 'ipow', 'power', 'linspace', 'printoptions',
]);

test('no np function lets an engine message out for a bad first or second argument', () => {
  const lib = np as unknown as Record<string, unknown>;
  const leaks: string[] = [];
  let tried = 0;
  // a string is a valid path: np.save(x, a) and np.tofile(a, 'x') write files, here in a directory of their own
  const cwd = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'np-badargs-'));
  process.chdir(dir);
  try {
    tried = tryAll(lib, leaks);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(tried > 1000, `only ${tried} calls tried`);
  assert.equal(leaks, [], `engine messages leaked:\n${leaks.join('\n')}`);
});

/** Call every np function with each bad value first and second; the engine messages go to `leaks`; returns the number of calls. */
function tryAll(lib: Record<string, unknown>, leaks: string[]): number {
  let tried = 0;
  for (const name of Object.keys(lib).sort()) {
    const f = lib[name];
    if (typeof f !== 'function' || /^[A-Z]/.test(name) || NOT_YET.has(name)) continue;
    for (const [what, x] of [...BAD, ['NaN', NaN], ['a bigint', 1n]] as [string, unknown][]) {
      for (const args of [[x], [x, np.arange(6)], [np.arange(6), x]]) {
        tried++;
        try {
          (f as (...args: unknown[]) => unknown)(...args);
        } catch (e) {
          if (!(e instanceof Error)) leaks.push(`np.${name} with ${what}: threw ${String(e)}`);
          else if (ENGINE.test(e.message)) leaks.push(`np.${name} with ${what}: ${e.name}: ${e.message}`);
        }
      }
    }
  }
  return tried;
}

test.run();
