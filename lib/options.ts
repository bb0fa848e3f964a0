/**
 * Options objects of the buffer and DMA API, checked. JavaScript reads a
 * misspelt key (`{ ofset: 4096 }`, `{ readonly: true }`) as absent, so the
 * default would be used without a word: a mapping at offset 0, a
 * read-write dma-buf. Each method checks its options against the keys of
 * its interface and refuses anything else, naming the method.
 */
import { type OptionKeys, extraArgument } from './np/axisarg.js';
import { describeArg } from './np/ndarray.js';

export type { OptionKeys };

/**
 * `opts` itself once it is an object (or undefined, read as `{}`) whose keys
 * are all in `keys`.
 *
 * @throws TypeError naming `where` for anything but an object, and for a key
 *   not in `keys`, listing the ones it has.
 */
export function checkOptions<O extends object>(where: string, opts: O | undefined, keys: OptionKeys<O>): O {
  if (opts === undefined) return {} as O;
  const known = Object.keys(keys);
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) {
    throw new TypeError(`${where}: the options are an object with ${known.join(', ')}; got ${describeArg(opts)}`);
  }
  for (const key of Object.keys(opts)) {
    if (!Object.prototype.hasOwnProperty.call(keys, key)) {
      throw new TypeError(`${where}: unknown option '${key}'; the options are ${known.join(', ')}`);
    }
  }
  return opts;
}

/**
 * Refuse an argument past the last one a method of the buffer and DMA API
 * takes (`count`): JavaScript would drop it, and a call written after
 * another API (`sync_for_cpu(0, 4096)`, `flush(0, 64)`) would then act on
 * the whole buffer without a word. Called as
 * `if (arguments.length > count) extraArgumentOf(...)`, so the check costs
 * nothing on the hot register reads.
 *
 * @throws TypeError naming `where`, the position and the value.
 */
export function extraArgumentOf(where: string, count: number, extra: unknown): never {
  return extraArgument(where, count, extra, '');
}
