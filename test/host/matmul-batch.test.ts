// The addon's stack of matrix products in one call (native/src/linalg.cc,
// matmulBatch): each product's offsets are checked against its arrays before
// any is computed, and a bad call changes nothing. np.matmul's results are
// the oracle's (test/oracle/linalg.test.ts); this is the binding's checking.
import { test } from 'uvu';
import * as assert from 'uvu/assert';

import { nativeKernels } from '../../lib/native-kernels.js';

interface Batch {
  matmulBatch?(dtype: number, M: number, N: number, K: number, A: Float32Array, sa1: number, sa2: number,
    B: Float32Array, sb1: number, sb2: number, C: Float32Array, sc1: number, sc2: number, offsets: unknown): void;
}
const k = nativeKernels() as unknown as Batch | undefined;
const FLOAT32 = 9;

/** Two 2 x 2 products: A's two matrices times one B. */
function operands(): { A: Float32Array; B: Float32Array; C: Float32Array } {
  return { A: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), B: Float32Array.from([1, 0, 0, 2]), C: new Float32Array(8).fill(-1) };
}

test('a stack of products in one call: each at its offsets', () => {
  if (!k?.matmulBatch) return;
  const { A, B, C } = operands();
  k.matmulBatch(FLOAT32, 2, 2, 2, A, 2, 1, B, 2, 1, C, 2, 1, Float64Array.from([0, 0, 4, 4, 0, 0]));
  // product 0 is A[:4] @ B into C[4:], product 1 A[4:] @ B into C[:4]
  assert.equal(Array.from(C), [5, 12, 7, 16, 1, 4, 3, 8]);
});

test('offsets outside an operand, not whole, or not a Float64Array of triples: errors, C unchanged', () => {
  if (!k?.matmulBatch) return;
  const bad: [unknown, RegExp][] = [
    [Float64Array.from([0, 0, 0, 5, 0, 4]), /reaches outside/],
    [Float64Array.from([0, 0, 0, 0, 0, 6]), /reaches outside/],
    [Float64Array.from([0, 0, 0, -4, 0, 4]), /whole number/],
    [Float64Array.from([0, 0, 0, 0.5, 0, 4]), /whole number/],
    [Float64Array.from([0, 0, 0, 4, 0]), /three per product/],
    [[0, 0, 0], /three per product/],
  ];
  for (const [offsets, message] of bad) {
    const { A, B, C } = operands();
    assert.throws(() => k.matmulBatch!(FLOAT32, 2, 2, 2, A, 2, 1, B, 2, 1, C, 2, 1, offsets), message);
    assert.equal(Array.from(C), new Array(8).fill(-1), `C after offsets ${String(offsets)}`);
  }
});

test.run();
