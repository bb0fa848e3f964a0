/**
 * Ufuncs: numpy's universal functions as callable objects. A ufunc has a
 * name, nin inputs, nout outputs, and a list of typed loops in numpy's
 * order (`['??->?', 'bb->b', …, 'dd->d']`); each loop runs natively when the
 * addon has it (native/csrc/engine/) and in JavaScript otherwise.
 */
import type { DType, DTypeLike } from '../dtype.js';
import { allDTypes, intp, uintp } from '../dtype.js';
import type { NdArray, NestedList } from '../ndarray.js';
import type { Casting } from '../promote.js';

/** An operand: an array, or a JS scalar (weak, as a Python scalar in NumPy 2). */
export type Operand = NdArray | number | bigint | boolean | NestedList;

/** The element function of a loop, for the JavaScript fallback. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScalarFn = (...x: any[]) => number | bigint | boolean | (number | bigint | boolean)[];

/** numpy's keyword arguments of a ufunc call. */
export interface UfuncOptions {
  /** Where to write the result(s); must have the broadcast shape. */
  out?: NdArray | null | readonly (NdArray | null)[];
  /** The output dtype: picks the loop whose output has it. */
  dtype?: DTypeLike;
  /** How freely inputs and outputs may be cast (default 'same_kind'). */
  casting?: Casting;
  /** Write only where this bool array (or boolean) is true. */
  where?: NdArray | boolean;
}

/** What {@link defineUfunc} takes. */
export interface UfuncSpec {
  name: string;
  nin: number;
  nout: number;
  /** numpy's signatures in numpy's order, e.g. ['bb->b', …, 'dd->d']; unknown type letters are skipped. */
  types: readonly string[];
  /**
   * The loop's element function for a signature: numbers (bigints for q/Q
   * operands, 0/1 for ?); it returns one value per output (an array when
   * nout > 1). Results are wrapped to the loop's output type.
   */
  js: (sig: string) => ScalarFn;
  /** The identity of a reduction (add: 0), if any. */
  identity?: number | bigint | boolean;
  /**
   * A signature to use before numpy's linear search, given the input
   * dtypes (weak scalars as their default dtypes) — e.g. true_divide sends
   * integer inputs to 'dd->d'. Return undefined to search as usual.
   */
  prefer?: (inputs: readonly DType[]) => string | undefined;
  /**
   * Comparisons: a JS integer out of range of the loop's integer type is
   * compared exactly (numpy 2's comparisons with Python ints) instead of
   * being numpy's OverflowError.
   */
  exactScalars?: boolean;
  /**
   * false: small arrays and scalars run the native loop too, not the
   * JavaScript element function (which for libm functions such as exp is
   * not bit-equal to the native loop).
   */
  jsSmall?: boolean;
  /** A message for numpy's TypeError when no loop fits (e.g. bool subtract). */
  noLoop?: (inputs: readonly DType[]) => string | undefined;
}

/** One typed loop of a ufunc. */
export interface Loop {
  sig: string;
  ins: DType[];
  outs: DType[];
  /** The addon's loop index, -2 until looked up, -1 if the addon has none. */
  native: number;
  /** The JavaScript element function (made on first use). */
  fn?: ScalarFn;
}

/** A ufunc, callable as `u(x1, …, out?)` or `u(x1, …, { out, dtype, casting, where })`. */
export interface Ufunc {
  (...args: (Operand | UfuncOptions | undefined)[]): NdArray | number | bigint | boolean | (NdArray | number | bigint | boolean)[];
  readonly name: string;
  readonly nin: number;
  readonly nout: number;
  readonly nargs: number;
  /** numpy's signature list, as given. */
  readonly types: readonly string[];
  readonly identity: number | bigint | boolean | undefined;
  /** @internal */
  readonly spec: UfuncSpec;
  /** @internal the supported loops, in order */
  readonly loops: readonly Loop[];
  /** @internal resolution cache, by input kinds */
  readonly cache: Map<number, Loop>;
}

const CHAR_TYPES = new Map<string, DType>(allDTypes().map((t) => [t.char, t]));
CHAR_TYPES.set('l', intp).set('L', uintp);

/** Parse a signature like 'bb->b' into dtypes, or undefined if a type is not supported. */
export function parseSig(sig: string, nin: number, nout: number): { ins: DType[]; outs: DType[] } | undefined {
  const m = /^([^-]*)->(.*)$/.exec(sig);
  if (!m || m[1].length !== nin || m[2].length !== nout) return undefined;
  const ins = [...m[1]].map((c) => CHAR_TYPES.get(c));
  const outs = [...m[2]].map((c) => CHAR_TYPES.get(c));
  if (ins.some((t) => !t) || outs.some((t) => !t)) return undefined;
  return { ins: ins as DType[], outs: outs as DType[] };
}

/** The canonical signature of dtypes ('l' written as 'q' on LP64, as engine.h). */
export function sigOf(ins: readonly DType[], outs: readonly DType[]): string {
  return `${ins.map((t) => t.char).join('')}->${outs.map((t) => t.char).join('')}`;
}

/** Every defined ufunc by numpy name (and alias), for lookups across modules. */
export const ufuncs = new Map<string, Ufunc>();

/**
 * Functions other modules provide by name for each other without importing
 * each other (e.g. 'nonzero', which one-argument `where` calls).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const functions = new Map<string, (...args: any[]) => unknown>();
