/**
 * numpy broadcasting: the shape two operands combine to, and strides that
 * read an operand as if it had that shape (stride 0 along stretched axes).
 */
import { ShapeError } from '../errors.js';
import type { NdArray } from './ndarray.js';

/** The broadcast shape of two shapes, or a ShapeError naming both. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) {
      throw new ShapeError(`operands could not be broadcast together with shapes (${a.join(',')}) (${b.join(',')})`);
    }
    out.push(x === 1 ? y : x);
  }
  return out;
}

/** Strides that read `a` as an array of `shape` (which `a` broadcasts to). */
export function broadcastStrides(a: NdArray, shape: readonly number[]): number[] {
  const lead = shape.length - a.shape.length;
  return shape.map((_, d) => (d < lead || a.shape[d - lead] === 1 ? 0 : a.stride[d - lead]));
}

/**
 * Call `visit` with the data index of each operand for every element of
 * `shape`, in C order. `strides[k]`/`offsets[k]` describe operand k.
 */
export function forEachIndex(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  visit: (indices: number[]) => void,
): void {
  const nd = shape.length;
  const count = shape.reduce((p, n) => p * n, 1);
  if (count === 0) return;
  const pos = new Array<number>(nd).fill(0);
  const idx = [...offsets];
  for (let done = 0; done < count; done++) {
    visit(idx);
    for (let d = nd - 1; d >= 0; d--) {
      pos[d]++;
      for (let k = 0; k < idx.length; k++) idx[k] += strides[k][d];
      if (pos[d] < shape[d]) break;
      for (let k = 0; k < idx.length; k++) idx[k] -= strides[k][d] * shape[d];
      pos[d] = 0;
    }
  }
}
