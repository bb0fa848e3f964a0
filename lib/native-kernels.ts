/**
 * The addon's numeric kernels, or undefined when the addon is not available:
 * `np` then computes everything in JavaScript (correct, slower) and says so
 * once on stderr, with the command that installs the addon.
 * UDMABUF_NO_ADDON_WARNING=1 silences that line.
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
  } catch (e) {
    state = 'absent';
    if (!process.env.UDMABUF_NO_ADDON_WARNING) {
      process.stderr.write(`u-dma-buf: np computes in JavaScript (slower): ${(e as Error).message}\n`);
    }
    return undefined;
  }
}
