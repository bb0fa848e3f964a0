import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { DTypeError, np } from 'u-dma-buf';

test('numpy names, array-protocol codes and character codes resolve alike', () => {
  for (const [spellings, name, size] of [
    [['uint8', 'u1', '|u1', '<u1', 'B', 'ubyte'], 'uint8', 1],
    [['int8', 'i1', 'b', 'byte'], 'int8', 1],
    [['int16', 'i2', '<i2', 'h'], 'int16', 2],
    [['uint16', 'u2', 'H'], 'uint16', 2],
    [['int32', 'i4', '<i4', 'i', 'intc'], 'int32', 4],
    [['uint32', 'u4', 'I'], 'uint32', 4],
    [['int64', 'i8', 'q', 'l'], 'int64', 8],
    [['uint64', 'u8', 'Q', 'L'], 'uint64', 8],
    [['float32', 'f4', '<f4', 'f', 'single'], 'float32', 4],
    [['float64', 'f8', 'd', 'double', 'float'], 'float64', 8],
  ] as const) {
    for (const s of spellings) {
      assert.is(np.dtype(s).name, name, s);
      assert.is(np.dtype(s).itemsize, size, s);
    }
  }
});

test('dtype constants, typed-array classes and DType objects are accepted', () => {
  assert.is(np.dtype(np.uint8), np.uint8);
  assert.is(np.dtype(Float32Array).name, 'float32');
  assert.is(np.uint16.str, '<u2');
  assert.is(np.int8.str, '|i1');
});

test('int64 and uint64 hold bigints', () => {
  const a = np.zeros(3, 'int64');
  assert.instance(a.data, BigInt64Array);
  assert.ok(np.uint64.isBigInt);
  assert.not.ok(np.uint32.isBigInt);
});

test('unknown and big-endian dtypes are refused with a helpful message', () => {
  assert.throws(() => np.dtype('float16' as string as np.DTypeLike), (e: Error) => e instanceof DTypeError && /unknown dtype 'float16'.*uint8/.test(e.message));
  assert.throws(() => np.dtype('>f4' as string as np.DTypeLike), (e: Error) => e instanceof DTypeError && /big-endian.*'<f4'/.test(e.message));
  assert.throws(() => np.dtype('complex128' as string as np.DTypeLike), (e: Error) => e instanceof DTypeError);
});

test('promote_types follows numpy', () => {
  const p = (a: np.DTypeName, b: np.DTypeName): string => np.promote_types(np.dtype(a), np.dtype(b)).name;
  assert.is(p('uint8', 'int8'), 'int16');
  assert.is(p('uint16', 'int16'), 'int32');
  assert.is(p('uint32', 'int32'), 'int64');
  assert.is(p('uint64', 'int64'), 'float64');
  assert.is(p('uint8', 'int32'), 'int32');
  assert.is(p('int16', 'float32'), 'float32');
  assert.is(p('int32', 'float32'), 'float64');
  assert.is(p('float32', 'float64'), 'float64');
  assert.is(p('uint8', 'uint16'), 'uint16');
});

test.run();
