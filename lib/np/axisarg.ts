/**
 * The argument in the options position of an np function, checked.
 *
 * numpy users pass the axis positionally (`np.sum(a, 1)`, `np.stack(xs,
 * -1)`) where np takes an options object (`np.sum(a, { axis: 1 })`). A
 * number there used to be read as an empty options object, so the axis was
 * silently ignored; so was a misspelt option (`{ keepdim: true }`). These
 * helpers turn what was given into the options object and refuse anything
 * they cannot read with a TypeError naming the function and what to pass.
 * After a positional axis the other options may follow (`np.sum(a, 1, {
 * keepdims: true })`), and {@link extraArgument} refuses an argument past a
 * function's last one, which JavaScript would otherwise drop.
 */
import { type ArrayOperand, type NdArray, type ShapeLike, asArray, describeArg as describe } from './ndarray.js';

/** An axis given in the options position: one axis, several, or null (all axes, numpy's axis=None). */
export type AxisArg = number | readonly number[] | null;

/**
 * The positional axes a function takes, as numpy's signature: 'axes' a
 * number, a list of numbers or null; 'axis-or-null' a number or null;
 * 'axis-or-list' a number or a list of numbers; 'axis' a number only.
 */
export type AxisForms = 'axes' | 'axis-or-null' | 'axis-or-list' | 'axis';

/** Which argument of the call holds the options, for messages. */
export type ArgPosition = 'first' | 'second' | 'third' | 'fourth';

/**
 * The keys of an options interface, each mapped to true: the const kept
 * next to each interface. The compiler checks that it names every key of
 * the interface and no other, so the list cannot drift from the interface.
 */
export type OptionKeys<O> = { readonly [K in keyof Required<O>]: true };

/** Where the options sit in a call with a positional axis, and which axes numpy accepts there. */
export interface AxisPlace {
  /** The axis forms accepted (default 'axes'). */
  forms?: AxisForms;
  /** The argument holding the options (default 'second'). */
  position?: ArgPosition;
}

const AXIS_FORM_TEXT: Record<AxisForms, string> = {
  axes: 'a number, a list of numbers or null',
  'axis-or-null': 'a number or null',
  'axis-or-list': 'a number or a list of numbers',
  axis: 'a number',
};

/**
 * The options object of `fname` from the argument in its options position:
 * `undefined` gives `{}`; an axis (a number, a list of numbers, or null
 * for all axes, as `forms` allows) gives `{ axis }`; an options object is
 * checked for unknown keys and returned as it is. `more`, the argument
 * after the options position, holds the other options when `arg` is an
 * axis: `{ ...more, axis: arg }`.
 *
 * @throws TypeError naming `fname` for anything else (a string, a boolean,
 *   an np array, a function, a list of non-numbers, an axis form the
 *   function does not take), for an option key not in `keys`, and for a
 *   `more` that is not an options object, follows an options object, or
 *   gives the axis again.
 */
export function axisOptions<O extends { axis?: unknown }>(
  fname: string, arg: O | AxisArg | undefined, keys: OptionKeys<O>, place: AxisPlace = {}, more?: Omit<O, 'axis'>,
): O {
  if (more !== undefined) return axisThenOptions(fname, arg, keys, place, more);
  if (arg === undefined) return {} as O;
  const forms = place.forms ?? 'axes';
  if (isAxisOf(forms, arg)) return { axis: arg } as O;
  if (isPlainObject(arg)) return checkedKeys(fname, arg as O, keys);
  throw new TypeError(
    `${fname}: the ${place.position ?? 'second'} argument is the axis (${AXIS_FORM_TEXT[forms]}) ` +
      `or an options object such as { axis: 1 }; got ${describe(arg)}`,
  );
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

/**
 * Refuse an argument past the last one `fname` takes (`count` of them):
 * JavaScript would drop it silently, and it is usually numpy's positional
 * order, dtype, out or keyword written positionally (`np.ravel(a, 'F')`
 * with ravel taking one array), so its effect would be lost without a word.
 *
 * @throws TypeError naming `fname`, the position and the value.
 */
export function extraArgument(
  fname: string, count: number, extra: unknown,
  hint = "(numpy's keyword arguments go in the options object where the function has one)",
): never {
  const nth = ORDINALS[count] ?? `#${count + 1}`;
  throw new TypeError(
    `${fname}: takes ${count} argument${count === 1 ? '' : 's'}; the ${nth}, ${describe(extra)}, would be ignored` +
      (hint ? ` ${hint}` : ''),
  );
}

const NEXT_POSITION: Record<ArgPosition, string> = { first: 'second', second: 'third', third: 'fourth', fourth: 'fifth' };

/**
 * numpy's `np.sum(a, 1, keepdims=True)` written `np.sum(a, 1, { keepdims:
 * true })`: the axis positionally, then the other options. Anything else
 * after the options position (numpy's positional dtype or out, a second
 * options object) was silently ignored; it is a TypeError now.
 */
function axisThenOptions<O extends { axis?: unknown }>(
  fname: string, arg: O | AxisArg | undefined, keys: OptionKeys<O>, place: AxisPlace, more: unknown,
): O {
  const forms = place.forms ?? 'axes';
  const position = place.position ?? 'second';
  const next = NEXT_POSITION[position];
  const names = Object.keys(keys).filter((k) => k !== 'axis').join(', ');
  if (arg !== undefined && !isAxisOf(forms, arg)) {
    throw new TypeError(
      `${fname}: the ${position} argument is already the options object, so the ${next} argument is not taken: ` +
        `put every option in it (got ${describe(more)} as the ${next})`,
    );
  }
  if (!isPlainObject(more)) {
    throw new TypeError(
      `${fname}: after the axis, the ${next} argument is an options object (${names}); got ${describe(more)}`,
    );
  }
  if (Object.prototype.hasOwnProperty.call(more, 'axis')) {
    throw new TypeError(`${fname}: the axis is given twice, as the ${position} argument and as the axis option`);
  }
  const opts = checkedKeys(fname, more as O, keys);
  return arg === undefined ? opts : { ...opts, axis: arg };
}

/**
 * The options object of `fname`, where numpy has no positional axis:
 * `undefined` gives `{}`, an options object is checked for unknown keys.
 *
 * @throws TypeError naming `fname` and showing `example` for anything but
 *   a plain object (a number, a string, a boolean, null, an np array, a
 *   list), and for an option key not in `keys`.
 */
export function plainOptions<O extends object>(
  fname: string, arg: O | undefined, keys: OptionKeys<O>, example: string, position: ArgPosition = 'second',
): O {
  if (arg === undefined) return {} as O;
  if (isPlainObject(arg)) return checkedKeys(fname, arg, keys);
  throw new TypeError(`${fname}: the ${position} argument is an options object such as ${example}; got ${describe(arg)}`);
}

/**
 * The axis `fname` takes positionally, checked for its type only (the
 * function checks its range); undefined (the default) passes unless `required`.
 *
 * @throws TypeError naming `fname` when `axis` is none of `forms`.
 */
export function checkAxisArg(
  fname: string, axis: unknown, forms: AxisForms, position: ArgPosition = 'second', required = false,
): AxisArg | undefined {
  if ((axis === undefined && !required) || isAxisOf(forms, axis)) return axis;
  throw new TypeError(`${fname}: the ${position} argument is the axis (${AXIS_FORM_TEXT[forms]}); got ${describe(axis)}`);
}

/** Whether `x` is an axis in one of `forms`. */
function isAxisOf(forms: AxisForms, x: unknown): x is AxisArg {
  if (typeof x === 'number') return true;
  if (x === null) return forms === 'axes' || forms === 'axis-or-null';
  return (forms === 'axes' || forms === 'axis-or-list') && Array.isArray(x) && x.every((v) => typeof v === 'number');
}

/** An object literal (or Object.create(null)): not an array, an np array, nor an instance of a class. */
function isPlainObject(x: unknown): x is object {
  if (typeof x !== 'object' || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * `opts` itself, once each of its keys is one of `keys`.
 *
 * @throws TypeError naming `fname` for another key, listing `keys`.
 */
export function checkedKeys<O extends object>(fname: string, opts: O, keys: OptionKeys<O>): O {
  for (const key of Object.keys(opts)) {
    if (!Object.prototype.hasOwnProperty.call(keys, key)) {
      const known = Object.keys(keys);
      const list = known.length === 1 ? `the only option is ${known[0]}` : `the options are ${known.join(', ')}`;
      throw new TypeError(`${fname}: unknown option '${key}'; ${list}`);
    }
  }
  // the axis option's type (its range is the function's to check)
  const axis = (opts as { axis?: unknown }).axis;
  if (axis !== undefined && !isAxisOf('axes', axis)) {
    throw new TypeError(`${fname}: the axis option is ${AXIS_FORM_TEXT.axes}; got ${describe(axis)}`);
  }
  return opts;
}

/**
 * A list argument of `fname` (concatenate's arrays, choose's choices,
 * select's conditions), returned as it is once it is a JavaScript array.
 *
 * @throws TypeError naming `fname` and showing `example` for anything else.
 */
export function listArg<T>(fname: string, xs: readonly T[], what = 'the first argument', example = '[a, b]'): readonly T[] {
  if (Array.isArray(xs)) return xs;
  throw new TypeError(`${fname}: ${what} is a list such as ${example}; got ${describe(xs)}`);
}

/**
 * A list of array operands (concatenate's, stack's) as arrays, each as
 * {@link asArray} makes it.
 *
 * @throws TypeError naming `fname` for anything but a JavaScript array, and
 *   for an element that is no array operand (naming its index).
 */
export function arraysArg(fname: string, xs: readonly ArrayOperand[], what = 'the first argument'): NdArray[] {
  return listArg(fname, xs, what).map((x, i) => asArray(x, fname, `element ${i} of ${what}`));
}

/**
 * An argument that numpy takes as a number or a list of numbers (a shape,
 * split points, repetitions, shifts, quantiles), as a new list; the caller
 * checks the values.
 *
 * @param noun - what the argument is, for the message ('the shape', 'the shift')
 * @throws TypeError naming `fname` for anything but a number or a list of numbers.
 */
export function numbersArg(fname: string, x: number | readonly number[], what: string, noun: string): number[] {
  if (typeof x === 'number') return [x];
  if (Array.isArray(x) && x.every((v) => typeof v === 'number' || typeof v === 'bigint')) return [...x] as number[];
  throw new TypeError(`${fname}: ${what} is ${noun}, a number or a list of numbers; got ${describe(x)}`);
}

/**
 * A shape as numpy takes one: a number or a list, as a new list (its
 * values are checked by the caller: whole, >= 0, or -1 for reshape).
 *
 * @throws TypeError naming `fname` for anything else.
 */
export function shapeArg(fname: string, shape: ShapeLike, what = 'the first argument'): number[] {
  if (typeof shape === 'number') return [shape];
  if (Array.isArray(shape)) return [...shape] as number[];
  throw new TypeError(`${fname}: ${what} is the shape, a number or a list of numbers such as [2, 3]; got ${describe(shape)}`);
}

/**
 * A file path argument, a string, returned as it is.
 *
 * @throws TypeError naming `fname` for anything else.
 */
export function pathArg(fname: string, path: string, what = 'the first argument'): string {
  if (typeof path === 'string') return path;
  throw new TypeError(`${fname}: ${what} is the file's path, a string such as '/tmp/a.npy'; got ${describe(path)}`);
}
