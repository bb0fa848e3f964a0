/**
 * The addon's numeric kernels, or undefined when the addon is not built:
 * `np` then computes everything in JavaScript (correct, slower).
 */
import { binding } from './binding.js';

export type { RawBinding } from './binding.js';

let state: 'unknown' | 'absent' | 'present' = 'unknown';

export function nativeKernels(): import('./binding.js').RawBinding | undefined {
  if (state === 'absent') return undefined;
  try {
    const b = binding();
    state = 'present';
    return b;
  } catch {
    state = 'absent';
    return undefined;
  }
}
