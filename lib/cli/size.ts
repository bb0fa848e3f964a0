/**
 * Byte counts as users type them: 1048576, 0x100000, 64K, 1M, 10MiB, 1G.
 */
import { UsageError } from './usage.js';

const UNITS: Record<string, number> = { '': 1, k: 1 << 10, m: 1 << 20, g: 1 << 30 };

/** Parse a size or offset; `what` names it in the error. */
export function parseSize(text: string, what: string): number {
  const m = /^(0x[0-9a-f]+|\d+)\s*([kmg]?)(i?b)?$/i.exec(text.trim());
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  const value = m && unit !== undefined ? Number(m[1]) * unit : NaN;
  if (!Number.isSafeInteger(value) || (m?.[3] && !m[2] && m[3].toLowerCase() !== 'b')) {
    throw new UsageError(`${what} '${text}' is not a byte count (e.g. 4096, 0x1000, 64K, 1M, 10MiB)`);
  }
  return value;
}
