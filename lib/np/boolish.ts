/**
 * The dtype of boolean results: numpy's `bool` once the dtype system has it
 * (engine's BoolArray), uint8 before that.
 */
import { type DType, dtype } from './dtype.js';

let cached: DType | undefined;

/** numpy's bool dtype, or uint8 where this build has none. */
export function boolDType(): DType {
  if (cached) return cached;
  try {
    cached = dtype('bool' as never);
  } catch {
    cached = dtype('uint8');
  }
  return cached;
}
