import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { DTypeError, ShapeError, np } from 'u-dma-buf';

const list = (a: np.NdArray): (number | bigint)[] => Array.from(a.data as ArrayLike<number | bigint>);

test('integers wrap around as numpy', () => {
  assert.equal(list(np.add(np.full(2, 250, 'uint8'), 10)), [4, 4]);
  assert.equal(list(np.subtract(np.full(1, -128, 'int8'), 1)), [127]);
  assert.equal(list(np.multiply(np.full(1, 70000, 'int32'), 70000)), [605032704]);
  assert.equal(list(np.multiply(np.full(1, 4000000000, 'uint32'), 3)), [3410065408]);
  assert.equal(list(np.add(np.full(1, 2n ** 63n - 1n, 'int64'), 1)), [-(2n ** 63n)]);
  assert.equal(list(np.multiply(np.full(1, 2n ** 40n, 'uint64'), 2n ** 30n)), [2n ** 6n * 0n + BigInt.asUintN(64, 2n ** 70n)]);
});

test('result dtypes follow numpy (arrays promote, numbers are weak)', () => {
  const dt = (a: np.NdArray): string => np.dtype(a.data.constructor as Uint8ArrayConstructor).name;
  assert.is(dt(np.add(np.zeros(1, 'uint8'), np.zeros(1, 'int8'))), 'int16');
  assert.is(dt(np.add(np.zeros(1, 'uint8'), 5)), 'uint8');
  assert.is(dt(np.add(np.zeros(1, 'uint8'), 0.5)), 'float64');
  assert.is(dt(np.add(np.zeros(1, 'float32'), 0.5)), 'float32');
  assert.is(dt(np.divide(np.zeros(1, 'int16'), 2)), 'float64');
  assert.is(dt(np.divide(np.zeros(1, 'float32'), 2)), 'float32');
  assert.is(dt(np.minimum(np.zeros(1, 'int32'), np.zeros(1, 'float32'))), 'float64');
});

test('an integer that does not fit the array dtype is refused, as NumPy 2', () => {
  assert.throws(() => np.add(np.zeros(1, 'uint8'), 300), (e: Error) => e instanceof np.OverflowError && /Python integer 300 out of bounds for uint8/.test(e.message));
  assert.throws(() => np.add(np.zeros(1, 'uint8'), -1), (e: Error) => e instanceof np.OverflowError);
});

test('true division, NaN and infinities', () => {
  assert.equal(list(np.divide(np.array([1, -1, 0], 'int32'), 0)), [Infinity, -Infinity, NaN]);
  assert.equal(list(np.divide(np.array([1], 'float32'), 3)), [Math.fround(1 / 3)]);
});

test('minimum and maximum propagate NaN and keep numpy order for equal zeros', () => {
  const a = np.array([NaN, 1, 0, -0], 'float64');
  const b = np.array([1, NaN, -0, 0], 'float64');
  const mn = list(np.minimum(a, b));
  assert.ok(Number.isNaN(mn[0]) && Number.isNaN(mn[1]));
  assert.ok(Object.is(mn[2], -0) && Object.is(mn[3], 0));
  assert.equal(list(np.maximum(np.array([3, 9], 'uint16'), 5)), [5, 9]);
});

test('bitwise functions take integers only', () => {
  assert.equal(list(np.bitwise_and(np.array([0xf0f0], 'uint16'), 0xff00)), [0xf000]);
  assert.equal(list(np.bitwise_or(np.array([1], 'int8'), np.array([-128], 'int8'))), [-127]);
  assert.equal(list(np.bitwise_xor(np.array([0xffffffff], 'uint32'), 1)), [0xfffffffe]);
  assert.throws(() => np.bitwise_and(np.zeros(1, 'float32'), 1), (e: Error) => e instanceof DTypeError && /ufunc 'bitwise_and' not supported for the input types/.test(e.message));
});

test('out is the third argument or { out }, and is checked', () => {
  const a = np.array([1, 2, 3], 'int16');
  const out = np.zeros(3, 'float32');
  assert.is(np.add(a, 1, out), out);
  assert.equal(list(out), [2, 3, 4]);
  np.multiply(a, 2, { out });
  assert.equal(list(out), [2, 4, 6]);
  assert.throws(() => np.add(a, 1, np.zeros(3, 'uint8')), (e: Error) => /same_kind/.test(e.message));
  assert.throws(() => np.add(a, 1, np.zeros(4, 'int16')), (e: Error) => e instanceof np.ValueError && /non-broadcastable output operand with shape \(4,\) doesn't match the broadcast shape \(3,\)/.test(e.message));
  // computed in the result dtype (uint8 wraps) before the cast into out
  const wide = np.zeros(1, 'int16');
  np.add(np.full(1, 200, 'uint8'), 100, wide);
  assert.equal(list(wide), [44]);
});

test('in-place forms: a *= 0; a += 0x31, and same_kind refusals', () => {
  const a = np.arange(10, undefined, 1, 'uint8');
  np.imul(a, 0);
  np.iadd(a, 0x31);
  assert.equal(list(a), new Array(10).fill(0x31));
  np.isub(a, 1);
  assert.is(a.get(0), 0x30);
  assert.throws(() => np.iadd(a, 0.5), (e: Error) => /Cannot cast ufunc 'add' output from dtype\('float64'\) to dtype\('uint8'\) with casting rule 'same_kind'/.test(e.message));
  assert.throws(() => np.iadd(np.zeros(1, 'uint8'), np.zeros(1, 'int8')), /same_kind/);
});

test('broadcasting an HxWx3 image by a per-channel scale', () => {
  const img = np.full([2, 2, 3], 10, 'float32');
  const scale = np.array([1, 2, 3], 'float32');
  const r = np.multiply(img, scale);
  assert.equal(r.shape, [2, 2, 3]);
  assert.equal(list(r).slice(0, 6), [10, 20, 30, 10, 20, 30]);
  assert.throws(() => np.add(img, np.zeros(2, 'float32')), (e: Error) => e instanceof ShapeError && /\(2,2,3\) \(2,\)/.test(e.message));
});

test('strided views compute through their strides', () => {
  const a = np.arange(12, undefined, 1, 'int32').step(2);
  const b = np.arange(6, undefined, 1, 'int32');
  assert.equal(list(np.add(a, b)), [0, 3, 6, 9, 12, 15]);
  const m = np.arange(6, undefined, 1, 'float64');
  const t = m.hi(6).step(-1);
  assert.equal(list(np.subtract(t, 0)), [5, 4, 3, 2, 1, 0]);
});

test('fill, copyto, sum, min, max, array_equal', () => {
  const a = np.zeros([2, 3], 'uint8');
  np.fill(a, 7);
  assert.is(np.sum(a), np.uintp.isBigInt ? 42n : 42); // numpy: uint8 sums in uintp
  const b = np.zeros([2, 3], 'int16');
  np.copyto(b, np.array([1, 2, 3], 'uint8'));
  assert.equal(list(b), [1, 2, 3, 1, 2, 3]);
  assert.throws(() => np.copyto(np.zeros(3, 'uint8'), np.zeros(3, 'float32')), /same_kind/);
  assert.is(np.min(b), 1);
  assert.is(np.max(b), 3);
  assert.ok(Number.isNaN(np.max(np.array([1, NaN], 'float64')) as number));
  assert.is(np.sum(np.full(4, 2n ** 62n, 'int64')), 0n);
  assert.ok(np.array_equal(np.array([1, 2], 'uint8'), np.array([1, 2], 'float64')));
  assert.not.ok(np.array_equal(np.array([NaN], 'float64'), np.array([NaN], 'float64')));
  assert.not.ok(np.array_equal(np.zeros(2, 'uint8'), np.zeros(3, 'uint8')));
  assert.throws(() => np.min(np.zeros(0, 'uint8')), /zero-size/);
  assert.throws(() => np.fill(np.zeros(1, 'int8'), 200), (e: Error) => e instanceof np.OverflowError);
});

test('arange, full and array create what numpy does', () => {
  assert.is(np.arange(5).data.constructor, BigInt64Array);
  assert.equal(list(np.arange(0, 1, 0.25)), [0, 0.25, 0.5, 0.75]);
  assert.equal(np.array([[1, 2], [3, 4]], 'uint8').shape, [2, 2]);
  assert.equal(list(np.full(2, 3, 'float32')), [3, 3]);
});

test('arange names a dtype passed where a number belongs, from JavaScript', () => {
  const call = np.arange as unknown as (...a: unknown[]) => np.NdArray;
  assert.throws(() => call(300, 'uint8'), (e: Error) => e instanceof TypeError && /^np\.arange: stop must be a number or a bigint; got the string 'uint8' \(a dtype goes in an options object: np\.arange\(300, \{ dtype: 'uint8' \}\)\)$/.test(e.message));
  assert.equal(list(np.arange(250, 260, { dtype: 'uint8' })), [250, 251, 252, 253, 254, 255, 0, 1, 2, 3]);
});

test.run();
