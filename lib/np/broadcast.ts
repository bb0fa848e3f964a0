/**
 * numpy broadcasting for the modules that need shapes without running a
 * ufunc: the shape operands combine to, and a C-order walk over several
 * strided operands (for JavaScript loops that have no engine equivalent).
 */
import { ShapeError } from '../errors.js';
import type { NdArray } from './ndarray.js';
export { broadcastStrides as engineStrides } from './ufunc/index.js';

function shapeText(s: readonly number[]): string {
  return s.length === 1 ? `(${s[0]},)` : `(${s.join(',')})`;
}

/** The broadcast shape of several shapes, or numpy's ValueError naming them. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  const n = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(n).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const j = n - s.length + i;
      if (out[j] === 1) out[j] = s[i];
      else if (s[i] !== 1 && s[i] !== out[j]) {
        throw new ShapeError(`operands could not be broadcast together with shapes ${shapes.map(shapeText).join(' ')}`);
      }
    }
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
