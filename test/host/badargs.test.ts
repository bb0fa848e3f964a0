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

import { DTypeError, np } from 'u-dma-buf';

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

/**
 * Values np converts itself (a fill value, arange's and linspace's numbers,
 * a buffer, a stdlib ndarray, a callback) and the operands that helpers
 * read in the caller's name (take's indices, choose's and select's
 * elements, isclose's operands): [name, position, call, values in BAD to
 * skip because they are valid there].
 */
const VALUE_CASES: readonly [string, string, Call, string[]?][] = [
  ['np.arange', 'start', (x) => np.arange(x as never, 5)],
  // np.arange(0, undefined) is np.arange(0); an object there is the options
  ['np.arange', 'stop', (x) => np.arange(0, x as never), ['undefined', 'an object']],
  // a null step is the default step, as numpy's step=None
  ['np.arange', 'step', (x) => np.arange(0, 5, x as never), ['null', 'undefined', 'an object']],
  ['np.fill', 'value', (x) => np.fill(np.zeros(3), x as never)],
  ['np.fill', 'value of an int64 array', (x) => np.fill(np.zeros(3, 'int64'), x as never)],
  ['np.full', 'fill value', (x) => np.full([2], x as never)],
  ['np.full', 'fill value with an int64 dtype', (x) => np.full([2], x as never, 'int64')],
  ['np.full_like', 'fill value', (x) => np.full_like(a(), x as never)],
  ...['zeros_like', 'ones_like', 'empty_like'].map((n): [string, string, Call] => [`np.${n}`, 'array', (x) => (np as unknown as Record<string, (x: unknown) => unknown>)[n](x)]),
  ['np.full_like', 'array', (x) => np.full_like(x as never, 1)],
  ['np.copyto', 'source', (x) => np.copyto(np.zeros(3), x as never)],
  ['np.power', 'second array', (x) => np.power(a(), x as never)],
  ['np.ipow', 'second array', (x) => np.ipow(a(), x as never)],
  ['np.iadd', 'second array', (x) => np.iadd(a(), x as never)],
  ['np.linspace', 'start', (x) => np.linspace(x as never, 1)],
  ['np.linspace', 'stop', (x) => np.linspace(0, x as never)],
  ['np.linspace', 'num', (x) => np.linspace(0, 1, x as never), ['undefined']],
  ['np.fromStdlib', 'stdlib ndarray', (x) => np.fromStdlib(x as never)],
  ['np.frombuffer', 'buffer', (x) => np.frombuffer(x as never)],
  ['np.printoptions', 'function', (x) => np.printoptions({ precision: 2 }, x as never), ['a function']],
  ['np.normalizeAxis', 'axis', (x) => np.normalizeAxis(x as never, 2)],
  ['np.normalizeAxis', 'ndim', (x) => np.normalizeAxis(0, x as never)],
  ...['isclose', 'allclose', 'array_equal', 'array_equiv'].map((n): [string, string, Call][] => {
    const f = (np as unknown as Record<string, (x: unknown, y: unknown) => unknown>)[n];
    return [[`np.${n}`, 'array', (x) => f(x, a())], [`np.${n}`, 'second array', (x) => f(a(), x)]];
  }).flat(),
  ['np.take', 'indices', (x) => np.take(a(), x as never)],
  ['np.take', 'index list', (x) => np.take(a(), [0, x] as never)],
  ['np.take_along_axis', 'indices', (x) => np.take_along_axis(a(), x as never, 0)],
  ['np.put', 'indices', (x) => np.put(a(), x as never, [1])],
  ['np.put', 'values', (x) => np.put(a(), [0], x as never)],
  ['np.putmask', 'mask', (x) => np.putmask(a(), x as never, 1)],
  ['np.putmask', 'values', (x) => np.putmask(a(), np.greater(a(), 2) as np.NdArray, x as never)],
  ['np.place', 'mask', (x) => np.place(a(), x as never, [1])],
  ['np.nonzero', 'array', (x) => np.nonzero(x as never)],
  ['np.argwhere', 'array', (x) => np.argwhere(x as never)],
  ['np.compress', 'condition', (x) => np.compress(x as never, a())],
  ['np.extract', 'condition', (x) => np.extract(x as never, a())],
  ['np.choose', 'index array', (x) => np.choose(x as never, [a(), a()])],
  ['np.choose', 'list element', (x) => np.choose([0, 1], [[1, 2], x] as never)],
  ['np.select', 'condition', (x) => np.select([x] as never, [a()])],
  ['np.select', 'choice', (x) => np.select([np.greater(a(), 2) as np.NdArray], [x] as never)],
  ['np.select', 'default', (x) => np.select([np.greater(a(), 2) as np.NdArray], [a()], x as never), ['undefined']],
];

for (const [name, position, call, skip] of VALUE_CASES) {
  test(`${name}: a bad ${position} is a TypeError naming ${name}`, () => {
    for (const [what, x] of BAD) {
      if (skip?.includes(what)) continue;
      refused(() => call(x), name, `${name} with ${what} as the ${position}`);
    }
  });
}

test('np.arange with an np array says so (was "Do not know how to serialize a BigInt")', () => {
  refused(() => np.arange(np.arange(6) as never, 3), 'np.arange', 'arange with an array start');
  assert.throws(() => np.arange(np.arange(6) as never, 3), /^np\.arange: start must be a number or a bigint; got an np array$/);
  assert.throws(() => np.arange(0, 'int8' as never),
    /^np\.arange: stop must be a number or a bigint; got the string 'int8' \(a dtype goes in an options object: np\.arange\(0, \{ dtype: 'int8' \}\)\)$/);
});

test('np.fill, np.full: a string or a symbol fill value is refused, not converted to NaN or a BigInt error', () => {
  assert.throws(() => np.fill(np.zeros(2), 'x' as never), /^np\.fill: the second argument is the value, a number, a bigint or a boolean; got the string 'x'$/);
  assert.throws(() => np.full([2], Symbol('s') as never, 'int64'),
    /^np\.full: the fill value must be an np array, a list, a number, a bigint or a boolean; got a symbol$/);
  // a sequence is numpy's ValueError for a.fill, named
  assert.throws(() => np.fill(np.zeros(2), [1] as never), (e: Error) => e instanceof np.ValueError && /^np\.fill: setting an array element with a sequence/.test(e.message));
  // valid fill values are unchanged
  assert.equal(np.tolist(np.full([2], 7n, 'int64')), [7n, 7n]);
  assert.equal(np.tolist(np.fill(np.zeros(2), true)), [1, 1]);
});

test('np.printoptions, np.frombuffer, np.fromStdlib, np.normalizeAxis say what they take', () => {
  assert.throws(() => np.printoptions({ precision: 2 }, undefined as never), /^np\.printoptions: the second argument is the function to run with these options/);
  assert.throws(() => np.frombuffer(null as never), /^np\.frombuffer: the first argument is the buffer, an ArrayBuffer, a typed array, a Buffer or an np array; got null$/);
  assert.throws(() => np.fromStdlib(np.arange(3) as never), /^np\.fromStdlib: the first argument must be a stdlib-js ndarray .*; got an np array; it is already an np array$/);
  assert.throws(() => np.normalizeAxis(Symbol('s') as never, 2), /^np\.normalizeAxis: the first argument, the axis, must be a number; got a symbol$/);
  assert.throws(() => np.normalizeAxis(0, Symbol('s') as never), /^np\.normalizeAxis: the second argument, ndim, must be a number; got a symbol$/);
  // out of range stays numpy's AxisError
  assert.throws(() => np.normalizeAxis(2, 2), (e: Error) => e instanceof np.AxisError);
});

test('an axis option of the wrong type names the function (was "list is not iterable" / an AxisError)', () => {
  const a = np.reshape(np.arange(6, { dtype: 'float64' }), [2, 3]);
  for (const [fname, call] of [
    ['np.sum', (ax: unknown) => np.sum(a, { axis: ax as never })],
    ['np.mean', (ax: unknown) => np.mean(a, { axis: ax as never })],
    ['np.argmax', (ax: unknown) => np.argmax(a, { axis: ax as never })],
    ['np.concatenate', (ax: unknown) => np.concatenate([a, a], { axis: ax as never })],
    ['np.diff', (ax: unknown) => np.diff(a, { axis: ax as never })],
    ['np.sort', (ax: unknown) => np.sort(a, { axis: ax as never })],
  ] as const) {
    for (const [what, bad] of [['a symbol', Symbol('s')], ["the string 'x'", 'x'], ['a list holding null', [null]]] as const) {
      assert.throws(() => call(bad), (e: Error) => e instanceof TypeError &&
        e.message === `${fname}: the axis option is a number, a list of numbers or null; got ${what}`, `${fname} ${what}`);
    }
  }
  // valid axes are unchanged
  assert.equal(np.tolist(np.sum(a, { axis: 1 }) as never), [3, 12]);
  assert.equal(np.sum(a, { axis: [0, 1] }), 15);
});

test('a bad element inside a list names the function called (was np.asarray:)', () => {
  assert.throws(() => np.sum([1, null] as never), /^np\.sum: cannot make an element of null/);
  assert.throws(() => np.add([1, 'x'] as never, 1), /^np\.add: cannot make an element of string/);
  assert.throws(() => np.sort([Symbol('s')] as never), /^np\.sort: cannot make an element of symbol/);
  assert.throws(() => np.asarray([{}] as never), /^np\.asarray: cannot make an element of object/);
  assert.equal(Number(np.sum([1, 2, 3] as never)), 6);
});

test('operands read by helpers are named by the function called (was np.asArray: / expected an np array)', () => {
  assert.throws(() => np.take(np.arange(3), 'x' as never),
    /^np\.take: the second argument \(the indices\) must be an np array, a list, a number, a bigint or a boolean; got the string 'x'$/);
  assert.throws(() => np.take(np.arange(3), [null] as never),
    /^np\.take: the second argument \(the indices\) must be an np array or a list of numbers, bigints or booleans; got a list holding null$/);
  assert.throws(() => np.choose([0, 1], [[1, 2], 'x'] as never),
    /^np\.choose: element 1 of the second argument must be an np array, a list, a number, a bigint or a boolean; got the string 'x'$/);
  assert.throws(() => np.select([null] as never, [[1]]), /^np\.select: element 0 of the first argument must be .*; got null$/);
  assert.throws(() => np.isclose(null as never, 1), /^np\.isclose: the first argument must be an np array, a list, a number, a bigint or a boolean; got null$/);
  assert.throws(() => np.allclose(1, null as never), /^np\.allclose: the second argument must be .*; got null$/);
  assert.throws(() => np.array_equal('x' as never, 1), /^np\.array_equal: the first argument must be .*; got the string 'x'$/);
  assert.throws(() => np.full_like(null as never, 1), /^np\.full_like: the first argument must be .*; got null$/);
  assert.throws(() => np.full([2], [null] as never), /^np\.full: cannot make an element of null/);
});

/** A call with the dtype 'flot32' for each public function that takes a dtype. */
const DTYPE_CASES: readonly [string, () => unknown][] = [
  ['np.dtype', () => np.dtype('flot32' as never)],
  ['np.zeros', () => np.zeros(2, 'flot32' as never)],
  ['np.ones', () => np.ones(2, { dtype: 'flot32' as never })],
  ['np.empty', () => np.empty(2, 'flot32' as never)],
  ['np.full', () => np.full(2, 1, 'flot32' as never)],
  ['np.zeros_like', () => np.zeros_like([1], 'flot32' as never)],
  ['np.ones_like', () => np.ones_like([1], { dtype: 'flot32' as never })],
  ['np.empty_like', () => np.empty_like([1], 'flot32' as never)],
  ['np.full_like', () => np.full_like([1], 1, 'flot32' as never)],
  ['np.arange', () => np.arange(3, { dtype: 'flot32' as never })],
  ['np.linspace', () => np.linspace(0, 1, 3, { dtype: 'flot32' as never })],
  ['np.eye', () => np.eye(2, { dtype: 'flot32' as never })],
  ['np.identity', () => np.identity(2, 'flot32' as never)],
  ['np.array', () => np.array([1], 'flot32' as never)],
  ['np.asarray', () => np.asarray([1], 'flot32' as never)],
  ['np.ascontiguousarray', () => np.ascontiguousarray([1], 'flot32' as never)],
  ['np.astype', () => np.astype(np.arange(2), 'flot32' as never)],
  ['np.view', () => np.view(np.arange(2), 'flot32' as never)],
  ['np.sum', () => np.sum(a(), { dtype: 'flot32' as never })],
  ['np.prod', () => np.prod(a(), { dtype: 'flot32' as never })],
  ['np.cumsum', () => np.cumsum(a(), { dtype: 'flot32' as never })],
  ['np.mean', () => np.mean(a(), { dtype: 'flot32' as never })],
  ['np.std', () => np.std(a(), { dtype: 'flot32' as never })],
  ['np.nansum', () => np.nansum(a(), { dtype: 'flot32' as never })],
  ['np.nanmean', () => np.nanmean(np.array([1.5]), { dtype: 'flot32' as never })],
  ['np.add', () => np.add(1, 2, { dtype: 'flot32' as never })],
  ['np.power', () => np.power(np.arange(2), -1, { dtype: 'flot32' as never })],
  ['np.concatenate', () => np.concatenate([[1]], { dtype: 'flot32' as never })],
  ['np.iinfo', () => np.iinfo('flot32' as never)],
  ['np.finfo', () => np.finfo('flot32' as never)],
  ['np.promote_types', () => np.promote_types('int8', 'flot32' as never)],
  ['np.can_cast', () => np.can_cast('flot32' as never, 'int8')],
  ['np.result_type', () => np.result_type('flot32' as never)],
  ['np.frombuffer', () => np.frombuffer(new ArrayBuffer(8), { dtype: 'flot32' as never })],
  ['np.fromfile', () => np.fromfile('/nonexistent/np-badargs.bin', { dtype: 'flot32' as never })],
];

test('an unknown dtype names the function it was given to', () => {
  for (const [name, call] of DTYPE_CASES) {
    assert.throws(call, (e: Error) => e instanceof DTypeError && e.message.startsWith(`${name}: unknown dtype 'flot32' (data type 'flot32' not understood); use one of bool, int8,`),
      `${name}: not a DTypeError starting '${name}: unknown dtype'`);
  }
});

test("a shape, num or axes of the wrong kind names the function (numpy's words after it)", () => {
  const cases: [string, () => unknown][] = [
    ['np.zeros', () => np.zeros(2.5)], ['np.ones', () => np.ones([2, 1.5])], ['np.empty', () => np.empty([1.5])],
    ['np.full', () => np.full([0.5], 1)], ['np.eye', () => np.eye(2.5)], ['np.zeros_like', () => np.zeros_like([1], { shape: [1.5] })],
    ['np.linspace', () => np.linspace(0, 1, 2.5)],
  ];
  for (const [name, call] of cases) {
    assert.throws(call, (e: Error) => e instanceof DTypeError && e.message === `${name}: 'float' object cannot be interpreted as an integer`, name);
  }
  assert.throws(() => np.zeros([-1]), (e: Error) => e instanceof np.ValueError && e.message === 'np.zeros: negative dimensions are not allowed');
  assert.throws(() => np.reshape(np.arange(6), [2.5]), /^np\.reshape: 2\.5 in shape \(2\.5,\) is not an integer$/);
  assert.throws(() => np.rot90(np.ones([2, 2]), 1, [0]), (e: Error) => e instanceof np.ValueError && e.message === 'np.rot90: len(axes) must be 2.');
  assert.throws(() => np.rot90(np.ones([2, 2]), 1, [0, 0]), (e: Error) => e instanceof np.ValueError && e.message === 'np.rot90: Axes must be different.');
});

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

/** np functions whose bad arguments still reach the engine: the low-level API for building ufuncs and dtype rules, left as it is. */
const NOT_YET = new Set(['allocate', 'callUfunc', 'canCastSameKind', 'defineUfunc', 'dtypeOf', 'sumDType']);

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
