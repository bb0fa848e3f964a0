/**
 * numpy broadcasting for the modules that need the shape operands combine
 * to without running a ufunc (the ufunc machinery computes its own in its
 * hot path; `broadcastStrides` lives there too).
 */
import { ShapeError } from '../errors.js';
import { shapeText } from './ndarray.js';

/** The broadcast shape of several shapes, or numpy's ValueError naming them. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  const n = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(n).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const j = n - s.length + i;
      if (out[j] === 1) out[j] = s[i];
      else if (s[i] !== 1 && s[i] !== out[j]) {
        throw new ShapeError(
          `operands could not be broadcast together with shapes ${shapes.map((x) => shapeText(x, true)).join(' ')}`,
        );
      }
    }
  }
  return out;
}
