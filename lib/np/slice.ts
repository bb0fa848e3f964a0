/**
 * Python's basic indexing, `a[1, 2:-1, ::2, ..., None]`, as `np.index`:
 * integers, slices, one ellipsis and `newaxis`, written as a string
 * (`np.index(a, '1, 2:-1, ::2, ..., None')`) or as separate arguments
 * (`np.index(a, 1, np.slice(2, -1), np.slice(null, null, 2), '...', np.newaxis)`).
 * The result is always a view of `a`'s data.
 */
import { IndexError, ValueError } from './errors.js';
import { type NdArray, arrayArg, restride } from './ndarray.js';
import type { DTypeName } from './dtype.js';
import { extraArgument } from './axisarg.js';

/**
 * A Python slice `start:stop:step`; `null` is an omitted part. Made by
 * {@link slice}; prints as Python writes it.
 *
 * @example
 * ```ts
 * String(np.slice(1, null, -2)) // => 1::-2
 * ```
 */
export class Slice {
  constructor(
    readonly start: number | null = null,
    readonly stop: number | null = null,
    readonly step: number | null = null,
  ) {}

  toString(): string {
    const p = (v: number | null) => (v === null ? '' : String(v));
    return `${p(this.start)}:${p(this.stop)}${this.step === null ? '' : `:${this.step}`}`;
  }
}

/**
 * A Python slice object, `slice(start, stop, step)`, for {@link index}:
 * `null` (or leaving it out) is an omitted part, as `None` is in Python.
 *
 * @example
 * ```ts
 * np.index(np.arange(6), np.slice(null, null, -2)) // => array([5, 3, 1])
 * ```
 */
export function slice(start: number | null = null, stop: number | null = null, step: number | null = null): Slice {
  if (arguments.length > 3) extraArgument('np.slice', 3, arguments[3]);
  return new Slice(start, stop, step);
}

/** numpy's `newaxis`: Python's `None`, so `null` here too. */
export const newaxis = null;

/** One item of an index: an integer, a slice, `...` or a new axis. */
export type IndexItem = number | bigint | Slice | '...' | null | string;

const ELLIPSIS = 0;
const NEWAXIS = 1;
const INTEGER = 2;
const SLICE = 3;

type Parsed =
  | { k: typeof ELLIPSIS }
  | { k: typeof NEWAXIS }
  | { k: typeof INTEGER; i: number }
  | { k: typeof SLICE; s: Slice };

const CACHE = new Map<string, Parsed[]>();
const CACHE_LIMIT = 4096;
const INT = /^[+-]?\d+$/;

function parseBound(text: string, whole: string): number | null {
  const t = text.trim();
  if (t === '' || t === 'None') return null;
  if (!INT.test(t)) throw new IndexError(`np.index: '${t}' in '${whole}' is not an integer (slice bounds must be integers or None)`);
  return Number(t);
}

/** Parse one index string once (cached): `'1, -2:, ::2, ..., None'`. */
function parse(text: string): Parsed[] {
  const hit = CACHE.get(text);
  if (hit) return hit;
  const items: Parsed[] = [];
  const parts = text.split(',');
  // a trailing comma makes a tuple, as in Python: '1,' is (1,)
  if (parts.length > 1 && parts[parts.length - 1].trim() === '') parts.pop();
  if (!(parts.length === 1 && parts[0].trim() === '')) {
    for (const raw of parts) {
      const t = raw.trim();
      if (t === '...' || t === 'Ellipsis') items.push({ k: ELLIPSIS });
      else if (t === 'None' || t === 'newaxis' || t === 'np.newaxis') items.push({ k: NEWAXIS });
      else if (INT.test(t)) items.push({ k: INTEGER, i: Number(t) });
      else if (t.includes(':')) {
        const b = t.split(':');
        if (b.length > 3) throw new IndexError(`np.index: '${t}' in '${text}' is not a slice (start:stop:step)`);
        items.push({ k: SLICE, s: new Slice(parseBound(b[0], text), parseBound(b[1], text), b.length === 3 ? parseBound(b[2], text) : null) });
      } else {
        throw new IndexError(
          `np.index: '${t}' in '${text}' is not a basic index: only integers, slices (\`:\`), ellipsis (\`...\`) and ` +
            `numpy.newaxis (\`None\`) are valid here`,
        );
      }
    }
  }
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(text, items);
  return items;
}

function toItems(index: readonly IndexItem[]): Parsed[] {
  if (index.length === 1 && typeof index[0] === 'string') return parse(index[0]);
  const items: Parsed[] = [];
  for (const x of index) {
    if (x === null || x === undefined) items.push({ k: NEWAXIS });
    else if (x instanceof Slice) items.push({ k: SLICE, s: x });
    else if (typeof x === 'string') items.push(...parse(x));
    else if (typeof x === 'bigint') items.push({ k: INTEGER, i: Number(x) });
    else if (typeof x === 'number' && Number.isInteger(x)) items.push({ k: INTEGER, i: x });
    else {
      throw new IndexError(
        `np.index: ${String(x)} is not a valid index: only integers, np.slice(...), '...' and np.newaxis (null) are valid`,
      );
    }
  }
  return items;
}

/** Python's slice.indices(n): start, step and length of `s` on an axis of size `n`. */
export function sliceIndices(s: Slice, n: number): { start: number; step: number; length: number } {
  const step = s.step ?? 1;
  if (!Number.isInteger(step)) throw new IndexError(`slice step ${step} is not an integer`);
  if (step === 0) throw new ValueError('slice step cannot be zero');
  for (const v of [s.start, s.stop]) {
    if (v !== null && !Number.isInteger(v)) throw new IndexError(`slice bound ${v} is not an integer`);
  }
  let start: number;
  let stop: number;
  if (step > 0) {
    start = s.start === null ? 0 : s.start < 0 ? Math.max(0, s.start + n) : Math.min(s.start, n);
    stop = s.stop === null ? n : s.stop < 0 ? Math.max(0, s.stop + n) : Math.min(s.stop, n);
    return { start, step, length: stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0 };
  }
  start = s.start === null ? n - 1 : s.start < 0 ? Math.max(-1, s.start + n) : Math.min(s.start, n - 1);
  stop = s.stop === null ? -1 : s.stop < 0 ? Math.max(-1, s.stop + n) : Math.min(s.stop, n - 1);
  return { start, step, length: start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0 };
}

/**
 * Python's basic indexing: `np.index(a, '1:-1, ::2')` is numpy's
 * `a[1:-1, ::2]`. Integers (negative count from the end), slices with
 * Python's clamping and negative steps, one `...`, and `None`/`newaxis`
 * (`null` in the argument form) follow Python exactly. The string is parsed
 * once and cached; the arguments may also be numbers, {@link slice}s,
 * `'...'`, `null` and index strings, in any mix.
 *
 * Always a view: writes through it reach `a` (`np.copyto(np.index(a,
 * '::2'), 0)` is `a[::2] = 0`). Where numpy gives a scalar (an integer for
 * every axis) this gives a 0-d view, so it can be written too; use
 * `a.get(i, j)` for the value.
 *
 * @throws IndexError for an integer out of range ("index 5 is out of bounds
 *   for axis 0 with size 5"), too many indices, or a second `...`;
 *   ValueError for a zero step.
 * @example
 * ```ts
 * const a = np.arange(12);
 * np.index(a, '1:-1:3') // => array([ 1,  4,  7, 10])
 * np.index(a, '::-4') // => array([11,  7,  3])
 * np.index(a, '-1').shape // => []
 * ```
 */
export function index<N extends DTypeName>(a: NdArray<N>, ...idx: IndexItem[]): NdArray<N> {
  arrayArg('np.index', a);
  const items = toItems(idx);
  const nd = a.shape.length;
  let used = 0;
  let ellipsis = false;
  for (const it of items) {
    if (it.k === INTEGER || it.k === SLICE) used++;
    else if (it.k === ELLIPSIS) {
      if (ellipsis) throw new IndexError("an index can only have a single ellipsis ('...')");
      ellipsis = true;
    }
  }
  if (used > nd) throw new IndexError(`too many indices for array: array is ${nd}-dimensional, but ${used} were indexed`);
  const shape: number[] = [];
  const stride: number[] = [];
  let offset = a.offset;
  let d = 0;
  for (const it of items) {
    switch (it.k) {
      case ELLIPSIS:
        for (let e = nd - used; e > 0; e--, d++) {
          shape.push(a.shape[d]);
          stride.push(a.stride[d]);
        }
        break;
      case NEWAXIS:
        shape.push(1);
        stride.push(0);
        break;
      case INTEGER: {
        const n = a.shape[d];
        const i = it.i < 0 ? it.i + n : it.i;
        if (i < 0 || i >= n) throw new IndexError(`index ${it.i} is out of bounds for axis ${d} with size ${n}`);
        offset += i * a.stride[d];
        d++;
        break;
      }
      default: {
        const { start, step, length } = sliceIndices(it.s, a.shape[d]);
        if (length > 0) offset += start * a.stride[d];
        shape.push(length);
        stride.push(a.stride[d] * step);
        d++;
      }
    }
  }
  for (; d < nd; d++) {
    shape.push(a.shape[d]);
    stride.push(a.stride[d]);
  }
  return restride(a, shape, stride, offset);
}
